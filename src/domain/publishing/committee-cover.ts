/*
 * The cover of a Cabinet or committee report, stated once: each field with its words on the
 * programme office's form and on the report as the council lays it out. The form, the stored
 * record, the assembled report and its DOCX/PDF view all read this list.
 */

export const coverFieldNames = [
  'reportTo',
  'meetingOn',
  'reportingOfficer',
  'subject',
  'reportSummary',
  'recommendations',
  'communityStrategyLinks',
  'financialImplications',
  'legalImplications',
  'backgroundPapersContact',
] as const;
export type CoverFieldName = (typeof coverFieldNames)[number];

/** The cover as the council writes it; `meetingOn` is an ISO date. */
export type CommitteeCover = Record<CoverFieldName, string>;

export interface CoverField {
  name: CoverFieldName;
  /** On the programme office's form. */
  formLabel: string;
  /** On the report's cover table, in the council's wording. */
  reportLabel: string;
  kind: 'input' | 'textarea' | 'date';
  rows?: number;
  hint?: string;
  /** Longest text accepted. */
  max?: number;
  /** The message when it is left blank; optional fields have none. */
  required?: string;
  /** The short name used in "must be N characters or fewer" when it differs from formLabel. */
  shortLabel?: string;
}

const long = 20000;

/** In the council's order. */
export const coverFields: readonly CoverField[] = [
  {
    name: 'reportTo',
    formLabel: 'Report to',
    reportLabel: 'Report to',
    kind: 'input',
    hint: 'For example, Executive Cabinet',
    max: 300,
    required: 'Enter who the report is to',
  },
  {
    name: 'meetingOn',
    formLabel: 'Date of the meeting',
    reportLabel: 'Date',
    kind: 'date',
    hint: 'For example, 22 3 2017',
    required: 'Enter the date of the meeting',
  },
  {
    name: 'reportingOfficer',
    formLabel: 'Executive member and reporting officer',
    reportLabel: 'Executive Member / Reporting Officer',
    kind: 'textarea',
    rows: 3,
    max: 2000,
    required: 'Enter the executive member and reporting officer',
  },
  {
    name: 'subject',
    formLabel: 'Subject',
    reportLabel: 'Subject',
    kind: 'input',
    max: 300,
    required: 'Enter the subject',
  },
  {
    name: 'reportSummary',
    formLabel: 'Report summary',
    reportLabel: 'Report Summary',
    kind: 'textarea',
    rows: 5,
    max: long,
    required: 'Enter the report summary',
  },
  {
    name: 'recommendations',
    formLabel: 'Recommendations',
    reportLabel: 'Recommendations',
    kind: 'textarea',
    rows: 4,
    max: long,
    required: 'Enter the recommendations',
  },
  {
    name: 'communityStrategyLinks',
    formLabel: 'Links to community strategy',
    reportLabel: 'Links to Community Strategy',
    kind: 'textarea',
    rows: 4,
    max: long,
  },
  {
    name: 'financialImplications',
    formLabel: 'Financial implications (authorised by the Section 151 Officer)',
    shortLabel: 'Financial implications',
    reportLabel: 'Financial Implications (Authorised by the Section 151 Officer)',
    kind: 'textarea',
    rows: 5,
    max: long,
  },
  {
    name: 'legalImplications',
    formLabel: 'Legal implications (authorised by the Borough Solicitor)',
    shortLabel: 'Legal implications',
    reportLabel: 'Legal Implications (Authorised by the Borough Solicitor)',
    kind: 'textarea',
    rows: 5,
    max: long,
  },
  {
    name: 'backgroundPapersContact',
    formLabel: 'Background papers: who to contact',
    shortLabel: 'Background papers',
    reportLabel: 'Access to Information',
    kind: 'textarea',
    rows: 3,
    hint: 'Name, telephone and email of the report writer',
    max: 2000,
  },
];

/** The cover fields of a stored report (or anything that has them), and nothing else. */
export function coverOf(record: CommitteeCover): CommitteeCover {
  return Object.fromEntries(coverFieldNames.map((name) => [name, record[name]])) as CommitteeCover;
}
