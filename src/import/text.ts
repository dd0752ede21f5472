/**
 * Line utilities shared by every extractor. Source lines are kept exactly as written (apart from
 * line endings and trailing spaces) so the ledger can point at them; the `read*` helpers here turn a
 * line into the value a person meant, without the markup that came with the copy and paste.
 */
import type { ListItem, SourceLine } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Lines

/**
 * Splits text into numbered lines. CRLF, CR and form feeds (page breaks from PDF-to-text tools) all
 * end a line; trailing whitespace goes, leading whitespace and tabs stay because they carry list
 * depth and table cells.
 */
export function toSourceLines(text: string): SourceLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .map((line, i) => ({ number: i + 1, text: line.trimEnd() }));
}

export function isBlank(line: SourceLine | string): boolean {
  return (typeof line === 'string' ? line : line.text).trim() === '';
}

export function countNonBlank(lines: SourceLine[]): number {
  return lines.filter((line) => !isBlank(line)).length;
}

/** The numbers of the lines, for a record's line references. */
export function lineNumbers(lines: readonly SourceLine[]): number[] {
  return lines.map((line) => line.number);
}

// ---------------------------------------------------------------------------------------------
// Values

const inlineTags = /<\/?(?:b|strong|i|em|u|span|font)(?:\s[^>]*)?>/gi;

/**
 * Removes Markdown emphasis (`*x*`, `**x**`, `***x***`, `__x__`) and inline HTML tags such as `<b>`.
 * A marker left open on one line and closed on another (a bold title wrapped over lines) is removed
 * too, because a line is read on its own. Bullet markers ("* item") are untouched: they are followed
 * by a space, emphasis is not.
 */
export function stripEmphasis(text: string): string {
  if (!/[*_<]/.test(text)) return text;
  return (
    text
      .replace(inlineTags, '')
      .replace(/<br\s*\/?>/gi, ' ')
      // The emphasised words may not contain the marker, which keeps this linear on long lines.
      .replace(/(\*{1,3})(?=[^\s*])([^*]*?[^\s*])\1(?!\*)/g, '$2')
      .replace(/(_{2,3})(?=[^\s_])([^_]*?[^\s_])\1(?!_)/g, '$2')
      .replace(/(^|\s)\*{2,3}(?=\S)/g, '$1')
      .replace(/(\S)\*{2,3}(?=\s|$)/g, '$1')
  );
}

/** The value a person meant: emphasis removed, whitespace (tabs included) collapsed, trimmed. */
export function readValue(text: string): string {
  return stripEmphasis(text).replace(/\s+/g, ' ').trim();
}

/** A page number line as printed in a footer: "Page 3", "Page 3 of 12", "3 of 12" or "- 3 -". */
export function isPageNumberLine(text: string): boolean {
  return /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s+of\s+\d{1,4}|[-–]\s*\d{1,4}\s*[-–])$/i.test(
    readValue(text),
  );
}

/** Joins wrapped lines into one paragraph of text. */
export function joinLines(lines: SourceLine[]): string {
  return lines
    .map((line) => readValue(line.text))
    .filter((text) => text !== '')
    .join(' ');
}

/** A Markdown heading ("## 1. Title") as level and text, or undefined for any other line. */
export function parseMarkdownHeading(text: string): { level: number; text: string } | undefined {
  const m = /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(text);
  return m ? { level: m[1]!.length, text: readValue(m[2]!).replace(/ #+$/, '') } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbered headings and titles

/**
 * Reads a numbered heading such as "Priority 1", "PRIORITY 2:", "Theme 3 - Title" for any of the
 * given words (case-insensitive). `rest` is whatever follows the number and its separator;
 * `separator` is that separator ("" when the text follows after a space, or there is none), so a
 * caller can tell "Priority 1: Title" from a sentence that happens to start "Priority 1 was ...".
 */
export function parseNumberedHeading(
  text: string,
  words: readonly string[],
): { word: string; number: number; rest: string; separator: string } | undefined {
  const value = readValue(text);
  for (const word of words) {
    const m = cached(
      'heading',
      word,
      () => `^${wordPattern(word)}\\s*(\\d{1,3})\\b\\s*([:.)\\-–—]?)\\s*(.*)$`,
    ).exec(value);
    if (m) return { word, number: Number(m[1]), separator: m[2]!, rest: m[3]!.trim() };
  }
  return undefined;
}

/** "1. Quality of Practice" → { number: 1, text: "Quality of Practice" }. */
export function splitNumberPrefix(text: string): { number: number; text: string } | undefined {
  const m = /^(\d{1,3})\s*[.):]?\s+(\S.*)$/.exec(readValue(text));
  return m ? { number: Number(m[1]), text: m[2]! } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Bullets and lists

/** A bullet or numbered line. `indent` is in columns, a tab counting as four. */
export interface Bullet {
  indent: number;
  marker: string;
  text: string;
}

/** A bullet as read, with the numbers of its line and of the lines it wrapped onto. */
export interface BulletEntry {
  bullet: Bullet;
  line: number;
  wrapped: number[];
}

/** Joins a line an item wrapped onto to its text, keeping the line's number for the ledger. */
export function continueEntry(entry: BulletEntry, text: string, line: number): void {
  entry.bullet = { ...entry.bullet, text: `${entry.bullet.text} ${text}` };
  entry.wrapped.push(line);
}

const bulletPattern =
  /^([ \t]*)([-•*–—▪◦●‣⁃·]|\d{1,3}[.)]|\(?[a-zA-Z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))[ \t]+(\S.*)$/;

/**
 * Reads a line written as "- x", "• x", "* x", "– x", "1. x", "1) x", "a) x" or "(i) x". The marker
 * must be followed by a space, so "**bold**", "-5%" and "1.1 Heading" are not bullets.
 */
export function parseBullet(text: string): Bullet | undefined {
  const m = bulletPattern.exec(text);
  if (!m) return undefined;
  return { indent: indentWidth(m[1]!), marker: m[2]!, text: m[3]! };
}

export function indentWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

/**
 * Nests bullets by indentation: an item indented further than the one before is its child. Depth
 * is relative, so one space, two spaces or a tab all make a sub-item.
 */
export function nestItems(entries: Array<{ bullet: Bullet; line: number; wrapped?: number[] }>): ListItem[] {
  const roots: ListItem[] = [];
  const stack: Array<{ indent: number; item: ListItem }> = [];
  for (const { bullet, line, wrapped = [] } of entries) {
    const item: ListItem = { text: readValue(bullet.text), children: [], lines: [line, ...wrapped] };
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= bullet.indent) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.item.children : roots).push(item);
    stack.push({ indent: bullet.indent, item });
  }
  return roots;
}

export interface ListRead {
  items: ListItem[];
  /** Index (into the array given) of the first line not read: a stop line, a non-bullet or the end. */
  end: number;
}

/**
 * Reads the bullets from `start`, skipping blank lines, until `stop` says so or a line that is not a
 * bullet appears. With `continuation`, a non-bullet line indented past the column where the last
 * item's marker starts is taken as that item wrapping onto another line.
 */
export function readList(
  lines: SourceLine[],
  start: number,
  options: { stop?: (line: SourceLine) => boolean; continuation?: boolean } = {},
): ListRead {
  const entries: BulletEntry[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (options.stop?.(line)) break;
    const bullet = parseBullet(line.text);
    if (bullet) {
      entries.push({ bullet, line: line.number, wrapped: [] });
      continue;
    }
    const last = entries[entries.length - 1];
    if (options.continuation && last && indentWidth(line.text) > last.bullet.indent) {
      continueEntry(last, line.text.trim(), line.number);
      continue;
    }
    break;
  }
  while (i > start && isBlank(lines[i - 1]!)) i--;
  return { items: nestItems(entries), end: i };
}

/** Every item of a list, children after their parent, in reading order. */
export function flattenItems(items: ListItem[]): ListItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.children)]);
}

// ---------------------------------------------------------------------------------------------
// Labels

export interface LabelledLine {
  /** The label from the list given, as given. */
  label: string;
  /** The label as written in the line. */
  written: string;
  /** The first value after the label (the next table cell, or the rest of the line). */
  value: string;
  /** Further TAB-separated cells after the value, trimmed, trailing empty cells dropped. */
  rest: string[];
}

/**
 * Splits "Label<TAB>Value", "Label: Value", "Label - Value" or a bare "Label" / "Label:" line when
 * the label is one of `labels` (case-insensitive, any spacing). The longest matching label wins, so
 * "Report Completed By" is not read as "Report".
 */
export function splitLabel(text: string, labels: readonly string[]): LabelledLine | undefined {
  const plain = stripEmphasis(text).trimStart();
  for (const label of longestFirst(labels)) {
    const m = cached(
      'label',
      label,
      () => `^(${wordPattern(label)})[ \\u00a0]*(?:$|:|\\t|\\s[-–—](?:\\s|$))`,
    ).exec(plain);
    if (!m) continue;
    const cells = plain
      .slice(m[0].length)
      .replace(/^[ \u00a0]*:?/, '')
      .split('\t')
      .map((cell) => readValue(cell));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return { label, written: readValue(m[1]!), value: cells[0] ?? '', rest: cells.slice(1) };
  }
  return undefined;
}

/** True when the line is one of the labels with nothing after it, e.g. "We said:". */
export function isLabelLine(text: string, labels: readonly string[]): boolean {
  const found = splitLabel(text, labels);
  return found !== undefined && found.value === '' && found.rest.length === 0;
}

/** TAB-separated cells of a table row, trimmed and read, trailing empty cells dropped. */
export function splitCells(text: string): string[] {
  const cells = text.split('\t').map((cell) => readValue(cell));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

const sortedLabels = new WeakMap<readonly string[], string[]>();

function longestFirst(labels: readonly string[]): string[] {
  let sorted = sortedLabels.get(labels);
  if (!sorted) sortedLabels.set(labels, (sorted = [...labels].sort((a, b) => b.length - a.length)));
  return sorted;
}

// Extractors test every line against the same few dozen labels: compile each pattern once. The
// cache is emptied if callers ever pass an unbounded variety of labels.
const patterns = new Map<string, RegExp>();

function cached(kind: string, words: string, source: () => string): RegExp {
  const key = `${kind}\u0000${words}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size > 1000) patterns.clear();
    patterns.set(key, (pattern = new RegExp(source(), 'i')));
  }
  return pattern;
}

function wordPattern(words: string): string {
  return words
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[ \\u00a0]+');
}

// ---------------------------------------------------------------------------------------------
// Dates

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1 to 12 for a month name or its usual short forms ("Sep", "Sept"), otherwise undefined. */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = months.findIndex(
    (month) => month.startsWith(lower) || (lower === 'sept' && month === 'september'),
  );
  return index === -1 ? undefined : index + 1;
}

const numericDate = String.raw`(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})`;
const writtenDate = String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})`;
const datePattern = new RegExp(String.raw`(?<![\d/.\-])(?:${numericDate}|${writtenDate})(?![\d/]|\.\d)`, 'g');

/**
 * An ISO date (YYYY-MM-DD) for a UK date written as "10/09/2024", "10.09.24", "10-09-2024",
 * "10 September 24", "22 March 2017" or "1st Aug 2024". Days come before months; two-digit years
 * are 2000 to 2069 or 1970 to 1999. Returns undefined for anything else, including impossible dates.
 */
export function parseUkDate(text: string): string | undefined {
  const value = readValue(text)
    .replace(/^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+/i, '')
    .replace(/\.$/, '');
  const found = findUkDate(value);
  return found && found.index === 0 && found.match.length === value.length ? found.iso : undefined;
}

/** The first UK date written anywhere in the text, with where it was found. */
export function findUkDate(text: string): { iso: string; index: number; match: string } | undefined {
  for (const m of text.matchAll(datePattern)) {
    const iso =
      m[1] !== undefined
        ? isoDate(Number(m[1]), Number(m[3]), m[4]!)
        : isoDate(Number(m[5]), monthNumber(m[6]!), m[7]!);
    if (iso) return { iso, index: m.index, match: m[0] };
  }
  return undefined;
}

function isoDate(day: number, month: number | undefined, yearText: string): string | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1) return undefined;
  const short = Number(yearText);
  const year = yearText.length === 2 ? (short < 70 ? 2000 + short : 1900 + short) : short;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
