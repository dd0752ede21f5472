import { isClosed, type ActionStatus } from './vocabulary.ts';

/*
 * Which actions a meeting carries: the open ones from its board's earlier meetings, until they are
 * closed, and (for the board pack's action log) those closed since the board last met.
 */

export interface LoggedAction {
  status: ActionStatus;
  /** The day of the meeting the action arose at. */
  raisedOn: string;
  /** The day it was closed (done or dropped); null while open. */
  closedOn: string | null;
}

/** Open actions raised at meetings before this one: the agenda's "Actions from earlier meetings". */
export function carriedForward<A extends LoggedAction>(actions: readonly A[], meetingOn: string): A[] {
  return actions.filter((a) => a.raisedOn < meetingOn && !isClosed(a.status));
}

/**
 * The pack's action log: earlier actions still open, and those closed since the previous meeting
 * (on or after its day), so the board sees what was finished since it last met.
 */
export function actionLog<A extends LoggedAction>(
  actions: readonly A[],
  meetingOn: string,
  previousMeetingOn: string | null,
): A[] {
  return actions.filter(
    (a) =>
      a.raisedOn < meetingOn &&
      (!isClosed(a.status) ||
        (a.closedOn !== null && (previousMeetingOn === null || a.closedOn >= previousMeetingOn))),
  );
}
