/**
 * How a document's structure (src/domain/document-structure.ts) becomes records. A mapping is written
 * in terms of LAYOUT (heading levels, tables' column headings, labels, lists under a heading, lines
 * that start with a word) and never of one document's block indexes, so a mapping a person confirmed
 * on one document applies to the next document of the same layout. It is plain JSON: a council's
 * saved template is one of these.
 *
 * What belongs to one document only (dismiss this line, move that line to a record) is kept apart in
 * `MappingOverrides` and never saved into a template.
 */
import type { DocumentStructure, StructureBlock } from './document-structure.ts';
import { isDocumentKind, type DocumentKind } from './imports.ts';

export const importMappingVersion = 1;

/** The records a block or line can become. */
export const mappedRecordKinds = [
  'priority',
  'improvement-area',
  'commitment',
  'outcome',
  'highlight-report',
  'meeting',
  'decision',
  'action',
  'recommendation',
  'judgement',
  'feedback',
  /** Free text kept with the import (ImportedSection). */
  'section',
  /** Deliberately not imported (a contents page, a signature block). */
  'ignore',
] as const;
export type MappedRecordKind = (typeof mappedRecordKinds)[number];

export const mappedRecordKindNames: Record<MappedRecordKind, string> = {
  priority: 'priority',
  'improvement-area': 'improvement area',
  commitment: 'commitment',
  outcome: 'outcome',
  'highlight-report': 'highlight report',
  meeting: 'meeting or agenda item',
  decision: 'decision',
  action: 'action',
  recommendation: 'inspection recommendation',
  judgement: 'inspection judgement',
  feedback: 'feedback',
  section: 'text kept with the import',
  ignore: 'not imported',
};

/** The fields of each record kind a column, a label or a line can fill. */
export const recordFields = {
  priority: ['title', 'number', 'owner'],
  'improvement-area': ['title'],
  commitment: ['reference', 'text', 'owner', 'due', 'status', 'rag', 'progress', 'outcome'],
  outcome: ['text'],
  'highlight-report': [
    'title',
    'priority',
    'owner',
    'rag',
    'previous-rag',
    'reason',
    'completed-by',
    'date',
    'progress',
    'next-period',
  ],
  meeting: ['title', 'date'],
  decision: ['reference', 'text'],
  action: ['reference', 'text', 'owner', 'due', 'status'],
  recommendation: ['number', 'text'],
  judgement: ['area', 'grade'],
  feedback: ['said', 'response', 'source', 'attribution'],
  section: ['heading', 'text'],
  ignore: [],
} as const satisfies Record<MappedRecordKind, readonly string[]>;
export type RecordField<K extends MappedRecordKind = MappedRecordKind> = (typeof recordFields)[K][number];

/**
 * Matches a piece of text (a heading, a label, a column heading, a line) by its normalised form
 * (`normaliseForMatch`): lower case, spaces collapsed, numbering and trailing colon dropped.
 */
export interface TextMatch {
  anyOf: string[];
  /** "numbered": starts with one of `anyOf` and then a number ("Priority 2", "Number One"). */
  how: 'equals' | 'starts' | 'contains' | 'numbered';
}

/** Headings at `level` (optionally only those matching) start a record of this kind. */
export interface HeadingRule {
  level: number;
  match?: TextMatch;
  record: 'priority' | 'improvement-area' | 'highlight-report' | 'meeting' | 'section' | 'ignore';
  /**
   * Also treat a short paragraph that matches `match` as such a heading: plain text and flattened
   * PDFs lose heading styles, so "Number One" or "Priority 2" stands alone on its line.
   */
  alsoParagraphs?: boolean;
}

/** A table's column, named by its normalised heading, fills a field of the table's record kind. */
export interface ColumnRule {
  heading: string;
  /** A field of the table rule's record kind, or "ignore" for a column not imported. */
  field: string;
}

/**
 * A table whose header holds every one of `header` (normalised headings; other columns may be
 * there too) becomes one record of `record` kind per row.
 */
export interface TableRule {
  header: string[];
  record:
    | 'commitment'
    | 'action'
    | 'decision'
    | 'recommendation'
    | 'judgement'
    | 'feedback'
    | 'improvement-area'
    | 'section';
  columns: ColumnRule[];
}

/** "Label: value" pairs whose label matches fill one field of the document's header record. */
export interface LabelRule {
  labels: string[];
  record: 'highlight-report' | 'meeting' | 'judgement' | 'document';
  /** For "document": title or period; otherwise a field of the record kind. */
  field: string;
}

/** List blocks (each item one record), optionally only those under a heading that matches. */
export interface ListRule {
  under?: TextMatch;
  /** Only numbered lists (true), only bulleted (false), or either (absent). */
  ordered?: boolean;
  record:
    | 'priority'
    | 'commitment'
    | 'improvement-area'
    | 'outcome'
    | 'recommendation'
    | 'decision'
    | 'action'
    | 'feedback'
    | 'section';
}

/**
 * Paragraphs (and list items) that start with one of `prefixes` ("Resolved", "Agreed", "Action:",
 * "Q:", "We said") fill `field` of a record of `record` kind; the prefix itself is dropped.
 */
export interface LineRule {
  prefixes: string[];
  record: 'decision' | 'action' | 'feedback' | 'recommendation' | 'commitment';
  field: string;
}

/**
 * Paragraphs after a heading (or line) that matches `after` alternate between two fields of one
 * record: a two-column table flattened to text ("Action" / "Reason for Amber", "We said" / "We did").
 * `fixed` fills fields every record shares (the heading "Reason for Amber" says each is Amber).
 */
export interface PairRule {
  after: TextMatch;
  record: 'commitment' | 'action' | 'feedback' | 'decision';
  fields: [string, string];
  fixed?: Record<string, string>;
}

/**
 * Minutes: who attended, and the agenda items with their discussion. With this rule, paragraphs and
 * lists no other rule claims are the discussion of the agenda item they sit under, a heading or
 * numbered line ("18 Updated improvement plan") starts an item, and decisions and actions are made
 * under the item they follow.
 */
export interface MinutesRule {
  /** Labels whose value lists who was there ("Present", "Apologies"). */
  attendance: { labels: string[]; attendance: 'present' | 'apologies' }[];
  /** Labels and lines that are the minutes' own furniture ("Minutes:", "Additional documents:"). */
  furniture: string[];
}

/**
 * An Ofsted letter or report: its opening says what inspection it was and when; paragraphs under
 * its headings are findings, strengths or areas for improvement where the heading says so, and
 * what sits under a focus heading ("Areas covered by the visit") is the visit's focus.
 */
export interface LetterRule {
  focus: TextMatch;
  strengths: TextMatch;
  improvements: TextMatch;
}

/** A saved, serialisable description of how documents of one layout become records. */
export interface ImportMapping {
  version: typeof importMappingVersion;
  kind: DocumentKind;
  /** The layout the mapping was made for (what decides it is suggested for the next document). */
  layout?: LayoutSignature;
  headings: HeadingRule[];
  tables: TableRule[];
  labels: LabelRule[];
  lists: ListRule[];
  lines: LineRule[];
  pairs?: PairRule[];
  /**
   * Grades of an inspection ("Requires improvement to be good", "Good"): a line or list item that
   * ends with one becomes a judgement of what comes before it.
   */
  grades?: string[];
  /** Heading levels and lists nobody claims become sections; set false to leave them unplaced. */
  keepUnclaimedText?: boolean;
  minutes?: MinutesRule;
  letter?: LetterRule;
}

/** Where one line is moved to by a person: a record kind and field, attached after a line's record. */
export interface LineTarget {
  record: MappedRecordKind;
  field?: string;
  /** A source line of the record to add it to; a new record when absent. */
  withLine?: number;
}

/** One document's own corrections; never saved into a template. */
export interface MappingOverrides {
  /** Lines the person dismissed: placed as "dismissed", in no record. */
  dismiss: number[];
  move: { line: number; to: LineTarget }[];
}

export const noOverrides: MappingOverrides = { dismiss: [], move: [] };

export function emptyMapping(kind: DocumentKind): ImportMapping {
  return { version: importMappingVersion, kind, headings: [], tables: [], labels: [], lists: [], lines: [] };
}

/** Lower case, spaces collapsed, leading numbering and trailing ":" or "." dropped, quotes straightened. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\(?\d+(?:\.\d+)*[.)]?|\(?[a-z][.)]|\(?[ivx]+\))\s+/, '')
    .replace(/[\s:.\-–]+$/, '')
    .trim();
}

/** Patterns are few and matched against every block: each is normalised once. */
const normalisedPatterns = new Map<string, string>();

/** normaliseForMatch for a rule's or the vocabulary's words, remembered. */
export function pattern(raw: string): string {
  let found = normalisedPatterns.get(raw);
  if (found === undefined) {
    found = normaliseForMatch(raw);
    if (normalisedPatterns.size < 10_000) normalisedPatterns.set(raw, found);
  }
  return found;
}

export function matches(match: TextMatch, text: string): boolean {
  return matchesNormalised(match, normaliseForMatch(text));
}

/** `matches` for text already normalised (a caller testing one text against many rules). */
export function matchesNormalised(match: TextMatch, norm: string): boolean {
  return match.anyOf.some((raw) => {
    const want = pattern(raw);
    if (!want) return false;
    if (match.how === 'equals') return norm === want;
    if (match.how === 'starts') return norm.startsWith(want);
    if (match.how === 'numbered') {
      if (!norm.startsWith(`${want} `)) return false;
      return numberWord(norm.slice(want.length + 1).split(/[\s:.\-)]/)[0]!) !== undefined;
    }
    return norm.includes(want);
  });
}

const numberWords = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** 2 for "2", "two" or "Two"; undefined when the word is not a number. */
export function numberWord(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  const at = numberWords.indexOf(word.toLowerCase());
  return at >= 0 ? at + 1 : undefined;
}

/**
 * What makes two documents "the same layout": the heading levels they use, their tables' column
 * headings and the labels of their "Label: value" pairs, all normalised and sorted. Wording of the
 * body, numbers of lines and block positions play no part.
 */
export interface LayoutSignature {
  headingLevels: number[];
  /** Each table's column headings, normalised and joined with " | ", sorted, without repeats. */
  tableHeaders: string[];
  labels: string[];
  /** Whether numbered and bulleted lists appear: ["bulleted", "numbered"]. */
  lists: ('bulleted' | 'numbered')[];
}

export function layoutSignature(structure: Pick<DocumentStructure, 'blocks'>): LayoutSignature {
  const levels = new Set<number>();
  const tables = new Set<string>();
  const labels = new Set<string>();
  const lists = new Set<'bulleted' | 'numbered'>();
  for (const block of structure.blocks) {
    if (block.type === 'heading') levels.add(block.level);
    else if (block.type === 'table') {
      const header = tableHeader(block);
      if (header.length) tables.add(header.join(' | '));
    } else if (block.type === 'label-value') {
      const label = normaliseForMatch(block.label);
      if (label) labels.add(label);
    } else if (block.type === 'list') lists.add(block.ordered ? 'numbered' : 'bulleted');
  }
  return {
    headingLevels: [...levels].sort((a, b) => a - b),
    tableHeaders: [...tables].sort(),
    labels: [...labels].sort(),
    lists: [...lists].sort(),
  };
}

/** A table's normalised column headings, in order ([] when it has no header row). */
export function tableHeader(block: Extract<StructureBlock, { type: 'table' }>): string[] {
  return (block.header?.cells ?? [])
    .filter((cell) => !cell.merged)
    .map((cell) => normaliseForMatch(cell.text));
}

/** One string for a layout, for storing beside a template and looking it up. */
export function layoutKey(signature: LayoutSignature): string {
  return JSON.stringify([signature.headingLevels, signature.tableHeaders, signature.labels, signature.lists]);
}

/**
 * 0 to 1: how alike two layouts are. Tables' headers and labels weigh most (they are what a
 * council's template repeats); heading levels and list kinds a little. 1 means the same layout.
 */
export function layoutSimilarity(a: LayoutSignature, b: LayoutSignature): number {
  const parts: [number, number][] = [
    [jaccard(a.tableHeaders, b.tableHeaders), 3],
    [jaccard(a.labels, b.labels), 3],
    [jaccard(a.headingLevels.map(String), b.headingLevels.map(String)), 1],
    [jaccard(a.lists, b.lists), 1],
  ];
  const weight = parts.reduce((sum, [, w]) => sum + w, 0);
  return parts.reduce((sum, [score, w]) => sum + score * w, 0) / weight;
}

export function sameLayout(a: LayoutSignature, b: LayoutSignature): boolean {
  return layoutKey(a) === layoutKey(b);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const left = new Set(a);
  const right = new Set(b);
  let both = 0;
  for (const item of left) if (right.has(item)) both += 1;
  return both / (left.size + right.size - both);
}

/** A mapping read back from JSON (a saved template): undefined when it is not one. */
export function parseImportMapping(value: unknown): ImportMapping | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Partial<ImportMapping>;
  if (m.version !== importMappingVersion || !isDocumentKind(m.kind)) return undefined;
  const arrays = [m.headings, m.tables, m.labels, m.lists, m.lines];
  if (!arrays.every(Array.isArray)) return undefined;
  return m as ImportMapping;
}
