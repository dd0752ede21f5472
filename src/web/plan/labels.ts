import type { CommitmentStatus, PlanStatus } from '../../domain/plan.ts';

/** The words people see for stored codes, in one place. */

// The role names belong to the account pages; kept here too for the pages that import them from here.
export { roleNames } from '../account/labels.ts';

// The board pack names a plan's kind too, so the words live beside the kinds.
export { planKindNames } from '../../domain/plan.ts';

export const planStatusNames: Record<PlanStatus, string> = {
  draft: 'Draft',
  adopted: 'Adopted',
  closed: 'Closed',
};

export const commitmentStatusNames: Record<CommitmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const commitmentStatusTagClasses: Record<CommitmentStatus, string> = {
  'not-started': 'govuk-tag--grey',
  'in-progress': 'govuk-tag--blue',
  done: 'govuk-tag--green',
  dropped: 'govuk-tag--orange',
};

/** Record types as they appear in the history and URLs, with their names. */
export const recordTypeNames = {
  plan: 'plan',
  priority: 'priority',
  'improvement-area': 'improvement area',
  commitment: 'commitment',
  outcome: 'outcome',
  standard: 'standard',
} as const;
export type PlanRecordType = keyof typeof recordTypeNames;

/** Field names in the history, as people call them. */
export const fieldNames: Record<string, string> = {
  title: 'Title',
  period: 'Period',
  status: 'Status',
  adoptedOn: 'Date adopted',
  number: 'Number',
  ambition: 'Ambition',
  impactForChildren: 'What will the impact be for children',
  whatWeWillDo: 'What will we do',
  sponsorUserId: 'Sponsor (account)',
  sponsorName: 'Sponsor',
  source: 'Source',
  position: 'Order',
  text: 'Text',
  owner: 'Owner',
  dueOn: 'Due date',
  needsReview: 'Needs review',
  reviewNote: 'How the review was resolved',
  archivedAt: 'Archived on',
  improvementAreaId: 'Improvement area',
  frameworkOutcome: 'National Framework outcome or enabler',
  catalogueCode: 'DfE indicator',
  achievedOn: 'Date achieved',
  evidence: 'Evidence',
  groupName: 'Group',
  name: 'Name',
  description: 'Description',
  // A measure's fields, as its page names them.
  definition: 'Definition',
  numeratorDescription: 'Numerator',
  denominatorDescription: 'Denominator',
  unit: 'Unit',
  polarity: 'Which way is better',
  frequency: 'Reported',
  yearEnding: 'Reporting year ends (month)',
  rolling12Months: 'Read as a rolling 12-month total',
  sourceSystem: 'Source system',
  target: 'Target',
  targets: 'Targets over time',
  toleranceKind: 'Amber tolerance kind',
  toleranceAmber: 'Amber tolerance',
  evidences: 'Evidences',
  // A risk's fields, and the council's risk scale, as the register names them.
  priorityIds: 'Priorities (ids)',
  cause: 'Cause',
  effect: 'Effect',
  controls: 'Controls',
  ownerUserId: 'Owner (account)',
  ownerName: 'Owner',
  inherentLikelihood: 'Likelihood before controls',
  inherentImpact: 'Impact before controls',
  residualLikelihood: 'Likelihood after controls',
  residualImpact: 'Impact after controls',
  previousResidualScore: 'Score at the previous review',
  reviewedOn: 'Date reviewed',
  nextReviewOn: 'Next review',
  scaleSize: 'Scale',
  mediumFrom: 'Medium starts at',
  highFrom: 'High starts at',
  veryHighFrom: 'Very high starts at',
  threshold: 'Threshold for the board',
};
