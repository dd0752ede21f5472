/*
 * The board cycle's vocabulary: the kinds of board and the states of a meeting, as stored and as
 * the pages offer them. The highlight report's states are in workflows/highlight-report.ts.
 */

/** Kinds of board a council reports to; "other" covers any the council adds. */
export const boardKinds = [
  'improvement-board',
  'scrutiny-panel',
  'executive-cabinet',
  'safeguarding-partnership',
  'corporate-parenting-board',
  'children-in-care-council',
  'other',
] as const;
export type BoardKind = (typeof boardKinds)[number];

export const meetingStatuses = ['planned', 'cycle-open', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** The two lists of a highlight report's improvement area. */
export const reportSections = ['progress', 'next-period'] as const;
export type ReportSection = (typeof reportSections)[number];

/** What each reminder e-mail is about. */
export const reminderKinds = ['cycle-opened', 'deadline', 'returned', 'digest'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Papers that are issued and then kept as issued: a meeting's board pack, a committee report. */
export const issuedPaperKinds = ['board-pack', 'committee-report'] as const;
export type IssuedPaperKind = (typeof issuedPaperKinds)[number];
