/**
 * Every fixed word the three formats print, in one place, so HTML, DOCX and PDF cannot drift apart.
 * Field labels follow the highlight report template boards already know (seed pack of 10 September
 * 2024), including its capitalisation.
 */
import { actionStatusNames, type ActionStatus } from '../../domain/meetings/vocabulary.ts';
import type { Direction, MeasureRating, ReportState } from './types.ts';

export const wording = {
  contents: 'Contents',
  ragSummary: 'RAG summary',
  ragSummaryCaption: 'RAG status of each priority, this meeting compared with the last',
  ragKey: 'RAG status definitions',
  ragKeyCaption: 'What each RAG status means in this plan',
  summaryColumns: {
    priority: 'Priority',
    previous: 'Previous RAG status',
    current: 'Current RAG status',
    direction: 'Direction of travel',
    warnings: 'Evidence warnings',
  },
  ragKeyColumns: { status: 'Status', definition: 'Definition' },
  header: {
    priority: 'Priority',
    sponsor: 'Sponsor',
    previous: 'Previous RAG Status',
    current: 'Current RAG Status',
    reason: 'Reason for RAG',
    completedBy: 'Report Completed By',
    meetingDate: 'Meeting Date',
    state: 'Report status',
  },
  headerCaption: (n: number) => `Priority ${n} highlight report`,
  areaPrefix: 'What needs to improve: ',
  progress: 'Summary of progress since last board',
  nextPeriod: 'Activity for the next period',
  noProgress: 'No progress recorded since the last board.',
  noNextPeriod: 'No activity recorded for the next period.',
  noAreas: 'No improvement areas recorded for this priority.',
  evidenceWarnings: 'Evidence warnings',
  noEvidenceWarnings: 'No evidence warnings.',
  evidence: 'Evidence:',
  measures: 'Linked measures',
  measuresCaption: (n: number) => `Measures linked to priority ${n}`,
  noMeasures: 'No measures linked to this priority.',
  measureColumns: {
    name: 'Measure',
    latest: 'Latest',
    target: 'Target',
    rating: 'Rating',
    direction: 'Direction',
    narrative: 'Commentary',
  },
  actionLog: 'Action log',
  actionLogCaption: 'Actions from earlier meetings still open, and those closed since the last meeting',
  noActions: 'No open actions from earlier meetings, and none closed since the last meeting.',
  actionColumns: {
    action: 'Action',
    raised: 'Raised',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    update: 'Latest update',
  },
  noDueDate: 'No date',
  noUpdate: 'None',
  noTarget: 'No target',
  projectFacts: {
    rag: 'RAG status',
    reason: 'Reason for RAG',
    lead: 'Lead',
    priorities: 'Priorities',
    investment: 'Investment',
  },
  projectColumns: { milestone: 'Milestone', due: 'Due', status: 'Status', completed: 'Completed' },
  milestonesCaption: 'Milestones, soonest due first',
  noMilestones: 'No milestones recorded.',
  noReason: 'No reason given',
  noLead: 'Not set',
  risks: 'Risks above the threshold',
  risksIntro: (threshold: number) =>
    `Open risks from the risk register scoring ${threshold} or more after controls (likelihood multiplied by impact).`,
  risksCaption: 'Open risks above the threshold, highest score after controls first',
  riskColumns: {
    risk: 'Risk',
    owner: 'Owner',
    priorities: 'Priorities',
    before: 'Score before controls',
    after: 'Score after controls',
    direction: 'Direction',
    controls: 'Controls',
    nextReview: 'Next review',
  },
  expectations: (planTitle?: string) => (planTitle ? `Expectations: ${planTitle}` : 'Expectations'),
  expectationsIntro:
    'What the programme expects of the council, required then recommended, with where each stands and what in the plan meets it.',
  expectationsCaption: 'Each expectation, its status and what meets it',
  expectationFacts: {
    required: 'Required expectations',
    recommended: 'Recommended expectations',
    met: 'Met',
    notMet: 'Not met',
  },
  expectationColumns: {
    expectation: 'Expectation',
    strength: 'Required or recommended',
    status: 'Status',
    meetsIt: 'Met by',
    evidence: 'Evidence',
  },
  expectationCommitment: 'Commitment',
  expectationMeasure: 'Measure',
  nothingLinked: 'Nothing linked yet',
  noEvidenceYet: 'None yet',
  noExpectations: 'No expectations recorded.',
  part: (n: number, title: string) => `Part ${n}: ${title}`,
  wholeProgramme: 'Whole programme',
  noReviewDate: 'Not set',
  noRisks: 'No open risk is above the threshold.',
  notRated: 'Not rated',
  unknownRag: 'This status is not in the plan’s RAG scale.',
  produced: 'Produced',
  draft: 'DRAFT',
  draftNotice: 'DRAFT: these papers have not been issued. Figures and reports may still change.',
  page: (current: number, total: number) => `Page ${current} of ${total}`,
} as const;

/** "Done on 1 October 2024" for a closed action; the status alone for an open one. */
export const actionStatusWords = (
  status: ActionStatus,
  closedOn: string | undefined,
  date: (iso: string) => string,
) => (closedOn ? `${actionStatusNames[status]} on ${date(closedOn)}` : actionStatusNames[status]);

export const directionWords: Record<Direction, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  unchanged: 'No change',
  'not-comparable': 'Not comparable',
  new: 'New this period',
};

export const stateWords: Record<ReportState, string> = {
  draft: 'Draft',
  submitted: 'Submitted, awaiting approval',
  returned: 'Returned to the sponsor',
  approved: 'Approved',
};

export const measureRatingWords: Record<MeasureRating, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'Not rated',
};

/** Used when a measure's rating has no entry of the same code in the plan's RAG scale. */
export const measureRatingColours: Record<Exclude<MeasureRating, 'none'>, string> = {
  red: '#d4351c',
  amber: '#ffdd00',
  green: '#00703c',
};

export function warningCount(count: number): string {
  if (count === 0) return 'None';
  return count === 1 ? '1 warning' : `${count} warnings`;
}
