/*
 * The minutes workflow: draft until the board approves them at a later meeting, then frozen. The
 * command refuses edits with MinutesFrozen wording from here; a trigger refuses them in the database.
 */

export type MinutesState = 'draft' | 'approved';

export const minutesStateNames: Record<MinutesState, string> = {
  draft: 'Draft',
  approved: 'Approved',
};

export const minutesStateOf = (meeting: { minutesApprovedAt: Date | null }): MinutesState =>
  meeting.minutesApprovedAt ? 'approved' : 'draft';

interface MeetingDay {
  id: number;
  boardId: number;
  meetingOn: string;
}

/**
 * Minutes are approved at a later meeting of the same board ("the minutes of the last meeting
 * were agreed as a true record"). Returns why not, or null when the approving meeting will do.
 */
export function approvalProblem(minutesOf: MeetingDay, approvedAt: MeetingDay): string | null {
  if (approvedAt.boardId !== minutesOf.boardId) return 'Choose a meeting of the same board';
  if (approvedAt.meetingOn <= minutesOf.meetingOn) return 'Choose a meeting after the one the minutes are of';
  return null;
}

/** Why an approved meeting's record cannot be changed, in the words of the refusal. */
export const frozenMessage = (approvedOn: string | null) =>
  `These minutes were approved${approvedOn ? ` at the meeting on ${approvedOn}` : ''}, so they can no longer be changed`;
