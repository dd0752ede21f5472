/*
 * The words of a meeting of record: what kind of meeting it is, who was there and in what role,
 * and where its actions stand. Stored as these codes; the pages print the names beside them.
 */

/** A board meeting by default; deep dives and performance clinics are meetings of the same board. */
export const meetingKinds = ['board', 'deep-dive', 'performance-clinic'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingKindNames: Record<MeetingKind, string> = {
  board: 'Board meeting',
  'deep-dive': 'Deep dive',
  'performance-clinic': 'Performance clinic',
};

/** The roles boards in intervention list in their minutes. */
export const attendeeRoles = [
  'independent-chair',
  'dfe-adviser',
  'lead-member',
  'slip-partner',
  'partner',
  'officer',
] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];

export const attendeeRoleNames: Record<AttendeeRole, string> = {
  'independent-chair': 'Independent chair',
  'dfe-adviser': 'DfE adviser',
  'lead-member': 'Lead member',
  'slip-partner': 'SLIP partner',
  partner: 'Partner agency',
  officer: 'Officer',
};

/** Present, or sent apologies. */
export const attendanceKinds = ['present', 'apologies'] as const;
export type AttendanceKind = (typeof attendanceKinds)[number];

export const attendanceKindNames: Record<AttendanceKind, string> = {
  present: 'Present',
  apologies: 'Apologies',
};

export const actionStatuses = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionStatusNames: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Done and dropped close an action; closing is its own step, with the date it closed. */
export const closingStatuses = ['done', 'dropped'] as const satisfies readonly ActionStatus[];
export type ClosingStatus = (typeof closingStatuses)[number];

export const isClosed = (status: ActionStatus): boolean =>
  (closingStatuses as readonly string[]).includes(status);

/** What an agenda item points at, besides its title: at most one record, or a deep-dive topic. */
export type AgendaLink =
  | { kind: 'none' }
  | { kind: 'priority'; id: number }
  | { kind: 'measure'; id: number }
  | { kind: 'highlight-report'; id: number }
  | { kind: 'topic'; topic: string };
