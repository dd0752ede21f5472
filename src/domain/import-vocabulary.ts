/**
 * The words councils use for the fields of their trackers, reports and minutes. The mapper suggests
 * which column, label or heading is which field from these; a council adds its own words (its
 * "CIB meeting date", its "SRO") and keeps ours. Every entry is matched by its normalised form
 * (`normaliseForMatch`), so case, spacing and a trailing colon do not matter.
 */

export const vocabularyFields = [
  'reference',
  'action',
  'owner',
  'due',
  'rag',
  'status',
  'progress',
  'outcome',
  'priority',
  'area',
  'meeting-date',
  'meeting-title',
  'previous-rag',
  'reason',
  'completed-by',
  'said',
  'response',
  'question',
  'answer',
  'judgement',
  'grade',
] as const;
export type VocabularyField = (typeof vocabularyFields)[number];

export interface ImportVocabulary {
  /** Column headings and labels, per field. */
  fields: Record<VocabularyField, string[]>;
  /** Headings (or lead-in lines) whose list holds inspection recommendations. */
  recommendationHeadings: string[];
  /** Headings whose list holds improvement areas. */
  areaHeadings: string[];
  /** Headings (or lead-in lines) whose numbered list holds the plan's priorities. */
  priorityHeadings: string[];
  /** Words that start a decision in minutes. */
  decisionPrefixes: string[];
  /** Words that start an action in minutes. */
  actionPrefixes: string[];
  /** Words a priority's heading starts with ("Priority 1", "Workstream 2"). */
  priorityWords: string[];
  /** Grades of an inspection judgement, longest first. */
  grades: string[];
  /** RAG words, including BRAG's Blue and local codes. */
  ragWords: string[];
}

export const defaultVocabulary: ImportVocabulary = {
  fields: {
    reference: ['Ref', 'Ref.', 'Reference', 'No', 'No.', 'Number', '#', 'ID', 'Action ref', 'Item'],
    action: [
      'Action',
      'Actions',
      'Action required',
      'Key action',
      'Key actions',
      'Key tasks',
      'Task',
      'Tasks',
      'What we will do',
      'Commitment',
      'Activity',
      'Description',
      'Recommendation',
      'Objective',
      'Milestone',
    ],
    owner: [
      'Lead',
      'Lead(s)',
      'Leads',
      'Lead officer',
      'Responsible officer',
      'Responsible',
      'Owner',
      'Action owner',
      'Sponsor',
      'SRO',
      'Senior responsible officer',
      'Accountable officer',
      'Who',
      'By whom',
    ],
    due: [
      'Timescale',
      'Timescales',
      'Target date',
      'Target',
      'By when',
      'Deadline',
      'Due',
      'Due date',
      'Date due',
      'Completion date',
      'Date for completion',
      'When',
    ],
    rag: [
      'RAG',
      'RAG rating',
      'RAG status',
      'BRAG',
      'BRAG rating',
      'Rating',
      'Current RAG',
      'Current RAG rating',
    ],
    status: ['Status', 'Progress status', 'Current status', 'Complete', 'Completed'],
    progress: [
      'Update',
      'Updates',
      'Progress',
      'Progress update',
      'Comments',
      'Comment',
      'Position',
      'Current position',
      'Action to date',
      'Actions to date',
      'Commentary',
      'Narrative',
      'Reason for Amber',
      'Reason for Red',
      'Notes',
    ],
    outcome: [
      'Outcome',
      'Outcomes',
      'Impact',
      'How will we know',
      'How will we know?',
      'Success measure',
      'Success measures',
      'Evidence',
      'Measure of success',
    ],
    priority: ['Priority', 'Priority area', 'Workstream', 'Work stream', 'Theme', 'Strand'],
    area: ['Area for improvement', 'Areas for improvement', 'What needs to improve', 'Area of focus'],
    'meeting-date': [
      'Date of meeting',
      'Meeting date',
      'CIB meeting date',
      'Board date',
      'Date of board',
      'Meeting',
      'Date',
    ],
    'meeting-title': ['Meeting', 'Committee', 'Board'],
    'previous-rag': ['Previous RAG', 'Previous RAG rating', 'Last RAG', 'Previous rating', 'Previous status'],
    reason: ['Reason', 'Reason for rating', 'Rationale', 'Reason for RAG', 'Justification'],
    'completed-by': ['Completed by', 'Report completed by', 'Author', 'Prepared by', 'Report author'],
    said: ['We said', 'You said', 'What you said', 'What we said', 'Feedback', 'You told us'],
    response: ['We did', 'What we did', 'What we have done', 'Our response', 'Response', 'We have'],
    question: ['Question', 'Q'],
    answer: ['Answer', 'A', 'Response'],
    judgement: ['Judgement', 'Judgement area', 'Area judged', 'Overall effectiveness'],
    grade: ['Grade', 'Judgement', 'Rating', 'Ofsted grade'],
  },
  recommendationHeadings: [
    'Recommendations',
    'Recommendation',
    'What needs to improve',
    'What needs to improve in this local authority',
    'Areas for improvement',
    'Areas for development',
    'had made',
    'recommendations to the council',
  ],
  areaHeadings: ['Areas for improvement', 'Improvement areas', 'Priority areas', 'Areas of focus'],
  priorityHeadings: [
    'Point improvement plan',
    'Point action plan',
    'Our priorities',
    'Improvement priorities',
    'Key priorities',
  ],
  decisionPrefixes: [
    'Resolved',
    'RESOLVED: That',
    'Agreed',
    'Decision',
    'Decided',
    'It was agreed',
    'It was resolved',
  ],
  actionPrefixes: ['Action', 'Actions', 'Action point', 'ACTION'],
  priorityWords: ['Priority', 'Number', 'Workstream', 'Work stream', 'Theme', 'Objective', 'Strand', 'Point'],
  grades: [
    'Requires improvement to be good',
    'Requires improvement t be good',
    'Requires improvement',
    'Outstanding',
    'Inadequate',
    'Good',
  ],
  ragWords: [
    'Red',
    'Amber',
    'Green',
    'Blue',
    'Black',
    'Grey',
    'R',
    'A',
    'G',
    'B',
    'A/G',
    'R/A',
    'G/A',
    'A/R',
  ],
};

/** Our words with a council's own added in front (theirs are tried first). */
export function withCouncilWords(
  base: ImportVocabulary,
  extra: Partial<Record<VocabularyField, string[]>>,
): ImportVocabulary {
  const fields = { ...base.fields };
  for (const field of Object.keys(extra) as VocabularyField[]) {
    fields[field] = [...(extra[field] ?? []), ...base.fields[field]];
  }
  return { ...base, fields };
}
