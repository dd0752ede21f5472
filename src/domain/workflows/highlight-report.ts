import type { Role } from '../roles.ts';

/*
 * The highlight report workflow, stated once. For each state: the actions that may be taken in it,
 * who may take each, and the state that follows. The commands enforce it (in the transaction,
 * with a typed error), the routes refuse what it refuses, the API reports what it allows and the
 * pages show the buttons it allows, so "may a returned report be edited, submitted or approved?"
 * has one answer.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     ▲                 │  ▲
 *     edit              │  submit
 *                     return
 *                       ▼  │
 *                     returned ◀─ edit
 */

export const reportStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof reportStates)[number];

export const reportActions = ['edit', 'submit', 'return', 'approve', 'comment'] as const;
export type ReportAction = (typeof reportActions)[number];

/** The actions that move a report to another state, and are recorded as workflow events. */
export const reportTransitions = ['submit', 'return', 'approve'] as const satisfies readonly ReportAction[];
export type ReportTransition = (typeof reportTransitions)[number];

/**
 * Who someone is to one report:
 * - `sponsor`: the sponsor of the report's priority, or the person the report was assigned to;
 * - `programme-office`: programme managers and administrators, who run the cycle;
 * - `board`: board members, and sponsors of other priorities, who read and comment;
 * - `reader`: everyone else signed in (viewers), who only read.
 */
export const reportParticipants = ['sponsor', 'programme-office', 'board', 'reader'] as const;
export type ReportParticipant = (typeof reportParticipants)[number];

export interface ReportStep {
  /** Who may take the action in this state. */
  readonly by: readonly ReportParticipant[];
  /** The state that follows; the same state for edits and comments. */
  readonly to: ReportState;
  /** A comment the sponsor will read is required (a return says what must change). */
  readonly needsComment?: boolean;
}

export type ReportWorkflow = Readonly<
  Record<ReportState, Readonly<Partial<Record<ReportAction, ReportStep>>>>
>;

const writers = ['sponsor', 'programme-office'] as const satisfies readonly ReportParticipant[];
const commenters = ['sponsor', 'programme-office', 'board'] as const satisfies readonly ReportParticipant[];

/** The machine itself. Anything not listed is refused. */
export const highlightReportWorkflow: ReportWorkflow = {
  draft: {
    edit: { by: writers, to: 'draft' },
    submit: { by: writers, to: 'submitted' },
    comment: { by: commenters, to: 'draft' },
  },
  submitted: {
    // Approving or returning your own report would defeat the check, so only the office does.
    return: { by: ['programme-office'], to: 'returned', needsComment: true },
    approve: { by: ['programme-office'], to: 'approved' },
    comment: { by: commenters, to: 'submitted' },
  },
  returned: {
    edit: { by: writers, to: 'returned' },
    submit: { by: writers, to: 'submitted' },
    comment: { by: commenters, to: 'returned' },
  },
  approved: {
    comment: { by: commenters, to: 'approved' },
  },
};

/** Who the person is to the report, from their role and the report's sponsors. */
export function participantOf(
  user: { readonly id: number; readonly role: Role },
  sponsorUserIds: readonly number[],
): ReportParticipant {
  if (user.role === 'administrator' || user.role === 'programme-manager') return 'programme-office';
  if (user.role === 'sponsor') return sponsorUserIds.includes(user.id) ? 'sponsor' : 'board';
  if (user.role === 'board-member') return 'board';
  return 'reader';
}

/** The step an action takes from a state, whoever takes it; undefined when the state allows no such action. */
export function stepOf(state: ReportState, action: ReportAction): ReportStep | undefined {
  return highlightReportWorkflow[state][action];
}

/** The actions the participant may take on a report in this state, in the machine's order. */
export function allowedReportActions(state: ReportState, who: ReportParticipant): ReportAction[] {
  return reportActions.filter((action) => stepOf(state, action)?.by.includes(who) ?? false);
}

/** Whether the participant may take the action in some state: false means "never", a 403 rather than "not now". */
export function everAllowed(action: ReportAction, who: ReportParticipant): boolean {
  return reportStates.some((state) => stepOf(state, action)?.by.includes(who) ?? false);
}

/** States in which the report's text may be changed. */
export const editableStates: readonly ReportState[] = reportStates.filter((s) => stepOf(s, 'edit'));

const doneWords: Record<ReportAction, string> = {
  edit: 'changed',
  submit: 'submitted',
  return: 'returned',
  approve: 'approved',
  comment: 'commented on',
};

const stateWords: Record<ReportState, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  returned: 'returned with comments',
  approved: 'approved',
};

export type ReportRefusal = 'not-in-this-state' | 'not-yours';

export type ReportDecision =
  { ok: true; step: ReportStep } | { ok: false; refusal: ReportRefusal; message: string };

/**
 * May this participant take this action on a report in this state? `not-yours` when the
 * participant may never take it (a sponsor approving), `not-in-this-state` when they may, but not now.
 */
export function decide(state: ReportState, action: ReportAction, who: ReportParticipant): ReportDecision {
  const step = stepOf(state, action);
  if (step?.by.includes(who)) return { ok: true, step };
  if (!everAllowed(action, who))
    return {
      ok: false,
      refusal: 'not-yours',
      message: `You cannot ${action === 'edit' ? 'change' : action} this highlight report`,
    };
  return { ok: false, refusal: 'not-in-this-state', message: refusalMessage(state, action) };
}

/** Why an action is not possible in a state, in the words the pages show. */
export function refusalMessage(state: ReportState, action: ReportAction): string {
  if (action === 'edit') return `This report is ${stateWords[state]} and can no longer be changed`;
  return `This report is ${stateWords[state]}, so it cannot be ${doneWords[action]}`;
}
