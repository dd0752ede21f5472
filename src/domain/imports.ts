/**
 * The shape every document extractor produces. One extractor per kind of document reads the source
 * lines and returns plan records plus a line-by-line account of where each non-blank line went, so
 * the preview can prove that nothing was lost.
 */

/** The kinds of document one of Tameside's dedicated extractors reads. */
export const documentKinds = [
  'we-said-we-did',
  'highlight-report-pack',
  'improvement-plan',
  'cabinet-report',
  'scrutiny-presentation',
] as const;

/**
 * Kinds only the general mapper produces (src/import/mapping/), from any council's structure: no
 * extractor knows their wording. "general" is what a document becomes when nothing fits better.
 */
export const mappedDocumentKinds = [
  'action-tracker',
  'board-minutes',
  'inspection-report',
  'general',
] as const;

export const allDocumentKinds = [...documentKinds, ...mappedDocumentKinds] as const;
export type DocumentKind = (typeof allDocumentKinds)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (allDocumentKinds as readonly string[]).includes(value);
}

export const documentKindNames: Record<DocumentKind, string> = {
  'we-said-we-did': '"We said, We did" progress report',
  'highlight-report-pack': 'highlight report pack',
  'improvement-plan': 'improvement plan',
  'cabinet-report': 'Cabinet or committee report',
  'scrutiny-presentation': 'scrutiny presentation',
  'action-tracker': 'action plan or tracker',
  'board-minutes': 'board or committee minutes',
  'inspection-report': 'inspection report or letter',
  general: 'general document',
};

/** A line of the source as read, numbered from 1. */
export interface SourceLine {
  number: number;
  text: string;
}

/** Source line numbers (1-based) a record was read from. */
export type LineRefs = number[];

/** A bullet or numbered item, possibly with nested items. */
export interface ListItem {
  text: string;
  children: ListItem[];
  lines: LineRefs;
}

export interface ImportedOutcome {
  text: string;
  lines: LineRefs;
}

/**
 * A date as a council wrote it ("Dec 2016", "Q2 2018/19", "end of March", "Ongoing"). The text is
 * always kept; a day or a period is added only where the text says one (src/domain/document-dates.ts).
 */
export interface ImportedDate {
  text: string;
  /** ISO date, YYYY-MM-DD, when the text names one day. */
  date?: string;
  /** ISO dates, inclusive, when the text names a month, quarter, season or year. */
  period?: { start: string; end: string };
  /** "Ongoing", "Complete", "TBC": said instead of a date. */
  open?: boolean;
}

export interface ImportedCommitment {
  text: string;
  outcomes: ImportedOutcome[];
  /** Set when the pairing of this commitment with its outcomes was not one-to-one. */
  needsReview?: string;
  /** The tracker's own number for it, as written: "1.3", "A12". */
  reference?: string;
  /** Lead, owner or responsible officer as written. */
  owner?: string;
  due?: ImportedDate;
  /** Status as written ("Complete", "On track"), where it is not a RAG word. */
  status?: string;
  /** RAG (or BRAG) word as written: "Red", "Amber", "Green", "Blue", "A/G". */
  rag?: string;
  /** The latest update as written. */
  progress?: string;
  lines: LineRefs;
}

export interface ImportedArea {
  /** "What needs to improve" */
  title: string;
  /** Where the area came from, e.g. an inspection recommendation. */
  source?: string;
  lines: LineRefs;
}

export interface ImportedPriority {
  number: number;
  title: string;
  ambition?: string;
  impactForChildren: string[];
  whatWeWillDo: ListItem[];
  sponsor?: string;
  areas: ImportedArea[];
  commitments: ImportedCommitment[];
  lines: LineRefs;
}

export interface ImportedStandard {
  group: string;
  name: string;
  description?: string;
  lines: LineRefs;
}

export interface ImportedRag {
  /** The status word as written: Red, Amber, Green, Blue or a local code. */
  status: string;
  /** The short label in brackets, e.g. "At Risk", "On Plan". */
  label?: string;
  definition: string;
}

export interface ImportedHighlightArea {
  title: string;
  progress: ListItem[];
  nextPeriod: ListItem[];
  lines: LineRefs;
}

export interface ImportedHighlightReport {
  priorityNumber: number;
  priorityTitle: string;
  sponsor: string;
  previousRag?: ImportedRag;
  currentRag?: ImportedRag;
  reason: string;
  completedBy: string;
  /** The label of the meeting date field as written, e.g. "CIB Meeting Date". */
  meetingLabel: string;
  /** ISO date, YYYY-MM-DD. */
  meetingDate: string;
  areas: ImportedHighlightArea[];
  lines: LineRefs;
}

export type MeasureUnit = 'count' | 'percentage' | 'rate-per-10000' | 'days';

export interface ImportedObservation {
  /** ISO month, YYYY-MM, or ISO date YYYY-MM-DD when a day is stated. */
  period: string;
  value: number;
  lines: LineRefs;
}

export interface ImportedMeasure {
  name: string;
  unit: MeasureUnit;
  /** True when the figures are rolling 12-month totals. */
  rolling12Months?: boolean;
  /** The sentence the figures were read from, kept verbatim. */
  statement: string;
  observations: ImportedObservation[];
  lines: LineRefs;
}

export const feedbackSources = [
  'staff',
  'partner',
  'child-or-young-person',
  'parent-or-carer',
  'foster-carer',
  'unknown',
] as const;
export type FeedbackSource = (typeof feedbackSources)[number];

export interface ImportedFeedback {
  source: FeedbackSource;
  /** "You said" or the comment as written. */
  said: string;
  /** "We did", when the document gives one. */
  response?: string;
  /** Name or signature as written; never published without consent. */
  attribution?: string;
  lines: LineRefs;
}

/** What a feedback record becomes: a "You said, We did" pair, a staff quote in a plan, or a compliment. */
export function feedbackKindOf(
  feedback: Pick<ImportedFeedback, 'source' | 'response'>,
  documentKind: DocumentKind,
): 'you-said-we-did' | 'quote' | 'compliment' {
  if (feedback.response) return 'you-said-we-did';
  return feedback.source === 'staff' && documentKind === 'improvement-plan' ? 'quote' : 'compliment';
}

/** A decision of a meeting: a "Resolved" or "Agreed" item. */
export interface ImportedDecision {
  text: string;
  /** Its number as written, e.g. "(1)" or "23". */
  reference?: string;
  /** The agenda item it was made under (an index of the meeting's `items`). */
  item?: number;
  lines: LineRefs;
}

/** An action agreed at a meeting: who does what, by when. */
export interface ImportedAction {
  description: string;
  owner?: string;
  due?: ImportedDate;
  /** The agenda item it arose from (an index of the meeting's `items`). */
  item?: number;
  lines: LineRefs;
}

/** An item of a meeting's minutes: its heading and the discussion minuted under it. */
export interface ImportedAgendaItem {
  title: string;
  /** Its number as written ("18", "3.2"), when numbered. */
  reference?: string;
  /** The discussion as minuted, paragraphs apart. */
  discussion: string;
  lines: LineRefs;
}

/** Someone the minutes list as present, in attendance or sending apologies. */
export interface ImportedAttendee {
  name: string;
  /** Their role as written ("Chair of the Improvement Board"). */
  role?: string;
  attendance: 'present' | 'apologies';
  /** The list's label as written: "Present", "Officers in attendance", "Apologies". */
  list: string;
  lines: LineRefs;
}

export interface ImportedMeeting {
  /** The meeting or agenda item as written. */
  title: string;
  /** The label of the date as written, e.g. "Date of meeting". */
  dateLabel?: string;
  date?: ImportedDate;
  decisions: ImportedDecision[];
  actions: ImportedAction[];
  /** The minutes' agenda items with their discussion, when the document minutes items. */
  items?: ImportedAgendaItem[];
  attendees?: ImportedAttendee[];
  lines: LineRefs;
}

/** What an inspection or visit found, as the letter or report words it. */
export interface ImportedFinding {
  /** A strength or an area for improvement where the letter says which; a finding otherwise. */
  kind: 'finding' | 'strength' | 'area-for-improvement';
  /** The heading it sits under, as written. */
  under?: string;
  text: string;
  lines: LineRefs;
}

/** An inspection or visit as its letter or report opens: what it was, when, and its focus. */
export interface ImportedInspection {
  /** One of the inspection kinds (src/domain/inspections/kinds.ts). */
  kind: string;
  /** The words that said what it was ("the second monitoring visit"). */
  kindText: string;
  startDate?: string;
  endDate?: string;
  publishedDate?: string;
  /** The dates as written. */
  datesText?: string;
  /** A visit's declared focus, as the letter states it. */
  focus: string;
  /** The letter's opening, as written. */
  summary: string;
  findings: ImportedFinding[];
  lines: LineRefs;
}

/**
 * A recommendation of an inspection ("1. Improve the quality of ..."). Until Wesaid keeps inspection
 * records, each also becomes an improvement area whose `source` names the inspection.
 */
export interface ImportedRecommendation {
  /** Its number as written, when numbered. */
  number?: string;
  text: string;
  lines: LineRefs;
}

/** A judgement an inspection states: "Overall effectiveness: Requires improvement to be good". */
export interface ImportedJudgement {
  /** What was judged, as written. */
  area: string;
  /** The grade as written. */
  grade: string;
  lines: LineRefs;
}

/** Free text sections of a document that are not plan records (foreword, vision, cover fields ...). */
export interface ImportedSection {
  /** Stable key, e.g. "foreword", "cover.subject", "section.2.3", "journey.2019". */
  key: string;
  heading: string;
  text: string;
  items: ListItem[];
  lines: LineRefs;
}

export interface ReviewNote {
  message: string;
  lines: LineRefs;
}

export interface ImportedDocument {
  kind: DocumentKind;
  title: string;
  /** The lines the title was read from, where it is not also a section (older imports lack it). */
  titleLines?: LineRefs;
  /** A plan's period as written, e.g. "2022/23", or its year. */
  period?: string;
  priorities: ImportedPriority[];
  standards: ImportedStandard[];
  highlightReports: ImportedHighlightReport[];
  measures: ImportedMeasure[];
  feedback: ImportedFeedback[];
  /** Meetings with their decisions and actions (minutes); absent from the dedicated extractors' output. */
  meetings?: ImportedMeeting[];
  /** An inspection's recommendations, as written (each is also an improvement area). */
  recommendations?: ImportedRecommendation[];
  /** An inspection's judgements, where the report states them. */
  judgements?: ImportedJudgement[];
  /** The inspection or visit an Ofsted letter or report is of, with its findings. */
  inspection?: ImportedInspection;
  sections: ImportedSection[];
  /** Lines recognised as repeated page headers or footers. */
  pageFurniture: SourceLine[];
  /** Lines that landed in no field: shown in the preview and kept with the import. */
  unplaced: SourceLine[];
  needsReview: ReviewNote[];
}

/** An extractor for one kind of document. */
export interface DocumentExtractor {
  kind: DocumentKind;
  /** 0 to 1: how sure we are that these lines are this kind of document. */
  recognise(lines: SourceLine[]): number;
  extract(lines: SourceLine[]): ImportedDocument;
}
