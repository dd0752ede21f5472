/**
 * Reading helpers for documents written as running prose (plans, reports, slides) rather than as
 * forms. `text.ts` reads one line at a time; these work on the words: cleaning a value of the
 * markup that came with the copy, telling a wrapped line from a new paragraph, making stable keys
 * from headings, and reading the blocks (paragraphs, bullets, quotes, names) of a designed PDF.
 */
import { parseBullet, readValue } from './text.ts';
import type { LineRefs, ListItem, SourceLine } from './types.ts';

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
const connectors = new Set(
  'a an and as at by for from in into of on or our the their to with which that than its is are be will within across between'.split(
    ' ',
  ),
);

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
  const m = /^["“‘'](.*)["”’']([.,]?)$/s.exec(text.trim());
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

// ---------------------------------------------------------------------------------------------
// Blocks of text exported from designed documents

export type ProseBlockKind = 'heading' | 'label' | 'bullet' | 'quote' | 'name' | 'paragraph' | 'page-number';

/**
 * A unit of a designed document once its wrapped lines are joined: a paragraph, a bullet (with the
 * un-bulleted sub-list a bullet ending in ":" may have), a quotation, a name with a role (and a
 * date, for a signature), a heading in capitals, a label the caller asked for, or a page number.
 */
export interface ProseBlock {
  kind: ProseBlockKind;
  text: string;
  lines: SourceLine[];
  children: ListItem[];
  /** A name block's lines, read: name, role and perhaps a date. */
  parts: string[];
}

const quoteOpen = /^["“‘]/;
const quoteClose = /["”’][.,]?$/;
const personName = /^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}$/;
const monthYear = /^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4}$/;

/**
 * Reads the blocks of a document exported from a designed PDF, where a sentence wraps onto the next
 * line, sometimes over a blank line, and a text box or page starts with an indented line. A line
 * carries on the one before when it starts in lower case, or the line before stops mid-phrase (on
 * "in", "and", a comma); paragraph lines also carry on when simply consecutive. `isLabel` names the
 * lines that stand alone whatever their shape (headings such as "PRIORITY 1: ..." or "What will we do?").
 */
export function readProseBlocks(lines: SourceLine[], isLabel: (text: string) => boolean): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const textOf = (i: number): string => cleanText(lines[i]?.text ?? '');
  const blank = (i: number): boolean => textOf(i) === '';
  const nextNonBlank = (i: number): number => {
    let j = i;
    while (j < lines.length && blank(j)) j++;
    return j;
  };
  const standsAlone = (i: number): boolean => {
    const text = textOf(i);
    return (
      isLabel(text) ||
      /^\d{1,3}$/.test(text) ||
      parseBulletText(lines[i]!.text) !== undefined ||
      quoteOpen.test(text) ||
      isCapitalsHeading(text)
    );
  };
  const block = (
    kind: ProseBlockKind,
    from: number[],
    text: string,
    extra: Partial<ProseBlock> = {},
  ): void => {
    blocks.push({ kind, text, lines: from.map((i) => lines[i]!), children: [], parts: [], ...extra });
  };

  let i = 0;
  while (i < lines.length) {
    if (blank(i)) {
      i++;
      continue;
    }
    const text = textOf(i);
    if (isLabel(text)) {
      block('label', [i], text);
      i++;
    } else if (/^\d{1,3}$/.test(text)) {
      block('page-number', [i], text);
      i++;
    } else if (parseBulletText(lines[i]!.text) !== undefined) {
      i = readBullet(i);
    } else if (quoteOpen.test(text) && closingLine(i) !== undefined) {
      const end = closingLine(i)!;
      const taken = range(i, end);
      block('quote', taken, taken.map(textOf).join(' '));
      i = end + 1;
    } else if (isCapitalsHeading(text)) {
      const taken = [i];
      let j = i + 1;
      for (;;) {
        const k = nextNonBlank(j);
        const gap = k - j;
        const prev = taken[taken.length - 1]!;
        if (k >= lines.length || !isCapitalsHeading(textOf(k)) || isLabel(textOf(k))) break;
        if (indentOf(lines[k]!.text) !== indentOf(lines[i]!.text)) break;
        if (gap > 1 || (gap === 1 && !endsMidPhrase(textOf(prev)))) break;
        taken.push(k);
        j = k + 1;
      }
      block('heading', taken, taken.map(textOf).join(' '));
      i = taken[taken.length - 1]! + 1;
    } else if (nameBlockEnd(i) !== undefined) {
      const end = nameBlockEnd(i)!;
      const taken = range(i, end);
      block('name', taken, taken.map(textOf).join(', '), { parts: taken.map(textOf) });
      i = end + 1;
    } else {
      i = readParagraph(i);
    }
  }
  return blocks;

  function range(from: number, to: number): number[] {
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  }

  function closingLine(start: number): number | undefined {
    for (let j = start; j < lines.length && j < start + 20 && !blank(j); j++) {
      if (quoteClose.test(textOf(j)) && (j > start || textOf(j).length > 1)) return j;
    }
    return undefined;
  }

  // A name with a role under it, and perhaps a date: two or three short lines standing on their own.
  function nameBlockEnd(start: number): number | undefined {
    if (!personName.test(textOf(start))) return undefined;
    let end = start;
    while (end + 1 < lines.length && end - start < 2 && !blank(end + 1) && !standsAlone(end + 1)) end++;
    if (end === start) return undefined;
    // A fourth line running on means a paragraph that happens to open with two capitalised words.
    if (
      end + 1 < lines.length &&
      !blank(end + 1) &&
      !standsAlone(end + 1) &&
      indentOf(lines[end + 1]!.text) <= indentOf(lines[end]!.text)
    ) {
      return undefined;
    }
    const rest = range(start + 1, end).map(textOf);
    const role = rest[0]!;
    if (wordCount(role) > 8 || endsSentence(role) || !/^[A-Z]/.test(role)) return undefined;
    if (rest.length === 2 && !monthYear.test(rest[1]!)) return undefined;
    return end;
  }

  function readBullet(start: number): number {
    const taken = [start];
    let text = cleanText(parseBulletText(lines[start]!.text)!);
    let j = start + 1;
    for (;;) {
      const k = nextNonBlank(j);
      if (k >= lines.length || standsAlone(k)) break;
      const next = textOf(k);
      if (endsSentence(text) || !(startsLowercase(next) || endsMidPhrase(text))) break;
      taken.push(k);
      text = `${text} ${next}`;
      j = k + 1;
    }
    const children: ListItem[] = [];
    let end = taken[taken.length - 1]!;
    // "... in particular:" followed by short lines with no bullets: a sub-list.
    if (text.endsWith(':')) {
      let k = end + 1;
      while (
        k < lines.length &&
        !blank(k) &&
        !isLabel(textOf(k)) &&
        parseBulletText(lines[k]!.text) === undefined
      ) {
        const entry = textOf(k);
        if (wordCount(entry) > 6 || endsSentence(entry)) break;
        children.push(item(entry, [lines[k]!.number]));
        end = k;
        k++;
      }
    }
    block('bullet', taken, text, { children });
    return end + 1;
  }

  function readParagraph(start: number): number {
    const taken = [start];
    const indent = indentOf(lines[start]!.text);
    let j = start + 1;
    for (;;) {
      const k = nextNonBlank(j);
      if (k >= lines.length || standsAlone(k) || indentOf(lines[k]!.text) > indent) break;
      const prev = textOf(taken[taken.length - 1]!);
      if (k > j && (endsSentence(prev) || !startsLowercase(textOf(k)))) break;
      taken.push(k);
      j = k + 1;
    }
    block('paragraph', taken, taken.map(textOf).join(' '));
    return taken[taken.length - 1]! + 1;
  }
}

function parseBulletText(text: string): string | undefined {
  return parseBullet(text)?.text;
}

function isCapitalsHeading(text: string): boolean {
  return isCapitals(text) && wordCount(text) <= 15 && !/[.!?]$/.test(text);
}
