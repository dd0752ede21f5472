/**
 * Reading helpers for documents written as running prose (plans, reports, slides) rather than as
 * forms. `text.ts` reads one line at a time; these work on the words: cleaning a value of the
 * markup that came with the copy, telling a wrapped line from a new paragraph, and making stable
 * keys from headings.
 */
import { listLines } from './ledger.ts';
import { readValue } from './text.ts';
import type { ImportedDocument, LineRefs, ListItem, SourceLine } from './types.ts';

/**
 * The value a person meant: Markdown emphasis, inline HTML and the LaTeX that PDF converters leave
 * for symbols (`$\pounds$`) removed, whitespace collapsed.
 */
export function cleanText(text: string): string {
  return readValue(
    text
      .replace(/\$\s*\\pounds\s*\$|\\pounds(?:\{\})?|\\textsterling(?:\{\})?/g, '£')
      .replace(/\$\s*\\euro\s*\$|\\euro(?:\{\})?|\\texteuro(?:\{\})?/g, '€')
      .replace(/\\([%&$#_])/g, '$1'),
  );
}

/** A stable key from a heading: "Children's Services – Leaders & Managers" → "childrens-services-leaders-managers". */
export function slugify(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True for text written in capitals ("PRIORITY 1: GOOD STANDARDS"), which designed documents use for headings. */
export function isCapitals(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/**
 * "COMMON CORE" → "Common core"; mixed-case text is left alone because its capitals are the
 * author's. Acronyms survive only in mixed-case text: capitals give no way to tell them apart.
 */
export function sentenceCase(text: string): string {
  const value = cleanText(text);
  if (!isCapitals(value)) return value;
  const lower = value.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "Cared for Children" → "Cared for children": measure names read as ordinary words, acronyms kept. */
export function ordinaryCase(text: string): string {
  const words = cleanText(text).split(' ');
  return words
    .map((word, i) => {
      if (/^[A-Z0-9]{2,}s?$/.test(word) && /[A-Z]{2}/.test(word)) return word;
      const lower = word.toLowerCase();
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

/** Ends as a sentence or a lead-in does, allowing for closing quotes and brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?:;…]["'”’)\]]*$/.test(text.trim());
}

// Words a wrapped line can end on but a finished line cannot.
const connectors = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'our', 'the', 'their',
  'to', 'with', 'which', 'that', 'than', 'its', 'is', 'are', 'be', 'will', 'within', 'across', 'between',
]);

/** True when a line plainly stops mid-phrase: on a connecting word or an open punctuation mark. */
export function endsMidPhrase(text: string): boolean {
  const trimmed = text.trim();
  if (/[,(\/&–—-]$/.test(trimmed)) return true;
  const last = /([A-Za-z]+)$/.exec(trimmed)?.[1]?.toLowerCase();
  return last !== undefined && connectors.has(last);
}

export function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(text.trim());
}

/** Leading whitespace width; PDF exports mark a new page or a text box by indenting its first line. */
export function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Strips one pair of outer quotation marks, straight or curly. */
export function unquote(text: string): string {
  const m = /^["“‘'](.*?)["”’']?([.,]?)$/s.exec(text.trim());
  return m ? `${m[1]!.trim()}${m[2]}` : text.trim();
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits prose at a full stop, question or exclamation mark followed by a capital or a digit.
 * Decimal points ("1.4%") and abbreviations followed by lower case stay inside the sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /[.!?]+["”’)]*\s+(?=["“‘(]?[A-Z0-9])/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].trimEnd().length;
    if (/\b(?:Mr|Mrs|Ms|Dr|St|No|e\.g|i\.e|etc)\.$/i.test(text.slice(start, end))) continue;
    pushSentence(text, start, end, sentences);
    start = m.index + m[0].length;
  }
  pushSentence(text, start, text.length, sentences);
  return sentences;
}

function pushSentence(text: string, start: number, end: number, into: Sentence[]): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body !== '') into.push({ text: body, start: start + lead, end: start + lead + body.length });
}

/**
 * Lines joined with single spaces, remembering where each line starts, so that something found in
 * the joined text can be traced back to the line it came from.
 */
export interface JoinedText {
  text: string;
  linesAt(start: number, end: number): LineRefs;
}

export function joinTraced(lines: SourceLine[]): JoinedText {
  const spans: Array<{ number: number; start: number; end: number }> = [];
  let text = '';
  for (const line of lines) {
    const value = cleanText(line.text);
    if (value === '') continue;
    if (text !== '') text += ' ';
    spans.push({ number: line.number, start: text.length, end: text.length + value.length });
    text += value;
  }
  return {
    text,
    linesAt: (start, end) =>
      spans.filter((span) => span.start < Math.max(end, start + 1) && span.end > start).map((s) => s.number),
  };
}

export function item(text: string, lines: LineRefs, children: ListItem[] = []): ListItem {
  return { text, children, lines };
}

/**
 * Every line number a document's records, page furniture and unplaced lines refer to. The preview
 * and the tests use it to show that each non-blank source line is accounted for.
 */
export function documentLineRefs(doc: ImportedDocument): Set<number> {
  const refs = new Set<number>();
  const add = (numbers: Iterable<number>): void => {
    for (const n of numbers) refs.add(n);
  };
  for (const p of doc.priorities) {
    add(p.lines);
    add(listLines(p.whatWeWillDo));
    for (const area of p.areas) add(area.lines);
    for (const c of p.commitments) {
      add(c.lines);
      for (const o of c.outcomes) add(o.lines);
    }
  }
  for (const s of doc.standards) add(s.lines);
  for (const r of doc.highlightReports) {
    add(r.lines);
    for (const area of r.areas) {
      add(area.lines);
      add(listLines(area.progress));
      add(listLines(area.nextPeriod));
    }
  }
  for (const m of doc.measures) {
    add(m.lines);
    for (const o of m.observations) add(o.lines);
  }
  for (const f of doc.feedback) add(f.lines);
  for (const s of doc.sections) {
    add(s.lines);
    add(listLines(s.items));
  }
  add(doc.pageFurniture.map((line) => line.number));
  add(doc.unplaced.map((line) => line.number));
  return refs;
}
