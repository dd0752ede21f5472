import type { BoardKind, MeetingStatus } from '../../domain/board-cycle.ts';
import type { ReportState, ReportTransition } from '../../domain/workflows/highlight-report.ts';

/** The words people see for the board cycle's stored codes. */
export const boardKindNames: Record<BoardKind, string> = {
  'improvement-board': 'Improvement board',
  'scrutiny-panel': 'Scrutiny panel',
  'executive-cabinet': 'Executive Cabinet',
  'safeguarding-partnership': 'Safeguarding partnership',
  'corporate-parenting-board': 'Corporate parenting board',
  'children-in-care-council': 'Children in care council',
  other: 'Other board',
};

export const meetingStatusNames: Record<MeetingStatus, string> = {
  planned: 'Planned',
  'cycle-open': 'Reports being written',
  held: 'Held',
  cancelled: 'Cancelled',
};

export const reportStateNames: Record<ReportState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned with comments',
  approved: 'Approved',
};

export const reportStateTagClasses: Record<ReportState, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  returned: 'govuk-tag--orange',
  approved: 'govuk-tag--green',
};

export const eventNames: Record<ReportTransition, string> = {
  submit: 'Submitted',
  return: 'Returned with comments',
  approve: 'Approved',
};
