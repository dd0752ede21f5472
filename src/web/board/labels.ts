import type { BoardKind, MeetingStatus, ReportState } from '../../db/schema.ts';

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

export const eventNames = {
  submit: 'Submitted',
  return: 'Returned with comments',
  approve: 'Approved',
} as const;
