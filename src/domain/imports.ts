/**
 * The shape every document extractor produces. One extractor per kind of document reads the source
 * lines and returns plan records plus a line-by-line account of where each non-blank line went, so
 * the preview can prove that nothing was lost.
 */

export const documentKinds = [
  'we-said-we-did',
  'highlight-report-pack',
  'improvement-plan',
  'cabinet-report',
  'scrutiny-presentation',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentKindNames: Record<DocumentKind, string> = {
  'we-said-we-did': '"We said, We did" progress report',
  'highlight-report-pack': 'highlight report pack',
  'improvement-plan': 'improvement plan',
  'cabinet-report': 'Cabinet or committee report',
  'scrutiny-presentation': 'scrutiny presentation',
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

export interface ImportedCommitment {
  text: string;
  outcomes: ImportedOutcome[];
  /** Set when the pairing of this commitment with its outcomes was not one-to-one. */
  needsReview?: string;
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
