/**
 * The structure of text lines as councils type them: Markdown headings and pipe tables, numbered
 * headings ("2.", "2.3 Title", "Priority 4:"), bullet and numbered lists ("-", "•", "a)", "(iii)"),
 * "Label: value" lines, TAB-separated and "|"-flattened tables, bold lines, and lines in capitals or
 * short title-like lines standing alone before text. Every non-blank line lands in exactly one
 * block; a line that fits nothing else is a paragraph. One pass over the lines, each looked at a
 * bounded number of times, so a 4 MB document reads in linear time.
 */
import type {
  HeadingBlock,
  StructureBlock,
  StructureListItem,
  TableBlock,
  TableCell,
  TableRow,
} from '../../domain/document-structure.ts';
import type { SourceLine } from '../../domain/imports.ts';
import { indentWidth, isBlank, parseBullet, readValue, stripEmphasis, type Bullet } from '../text.ts';

type Draft = StructureBlock extends infer B ? (B extends StructureBlock ? Omit<B, 'index'> : never) : never;

export interface TextBlockOptions {
  /**
   * Whether a paragraph may run over several lines (text wrapped at a width, as saved from a PDF or
   * an e-mail). Off for Word, where each line is a paragraph of its own.
   */
  wrapped?: boolean;
}

export function textBlocks(lines: readonly SourceLine[], options: TextBlockOptions = {}): StructureBlock[] {
  const wrapped = options.wrapped ?? true;
  const drafts: Draft[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const single = (block: Draft | undefined): Read | undefined => block && { block, end: i + 1 };
    const read =
      single(markdownHeading(line)) ??
      pipeTable(lines, i) ??
      tabTable(lines, i) ??
      numberedHeading(lines, i, wrapped) ??
      list(lines, i) ??
      boldParagraph(lines, i) ??
      single(labelValue(line)) ??
      single(capitalsHeading(line)) ??
      titleHeading(lines, i) ??
      paragraph(lines, i, wrapped);
    drafts.push(read.block);
    i = read.end;
  }
  return drafts.map((draft, index) => ({ ...draft, index }));
}

interface Read {
  block: Draft;
  /** Index of the first line after the block. */
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Headings

function markdownHeading(line: SourceLine): Draft | undefined {
  const m = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line.text);
  if (!m) return undefined;
  const text = readValue(m[2]!);
  const numbered = /^(\d{1,2}(?:\.\d{1,2})*\.?)\s+(\S.*)$/.exec(text);
  return numbered
    ? heading(m[1]!.length, numbered[2]!, [line.number], numbered[1])
    : heading(m[1]!.length, text, [line.number]);
}

const headingWords =
  'priority|part|section|theme|chapter|appendix|annex|objective|outcome|area|workstream|phase|stage|recommendation|strand|pillar|ambition|goal';
const wordNumbered = new RegExp(
  String.raw`^((?:${headingWords})\s+(?:\d{1,3}|[IVX]{1,5}|[A-Z])\b)\s*([:.)\-–—]?)\s*(.*)$`,
  'i',
);
const dottedNumber = /^(\d{1,2}(?:\.\d{1,2})+)\.?[ \t]+(\S.*)$/;
const singleNumber = /^(\d{1,2}[.)])[ \t]+(\S.*)$/;

/**
 * "Priority 4: Title", "2.3 Title" and "2. Title" standing alone. A dotted number before a sentence
 * is a numbered paragraph ("1.1 Following the inspection, ..."), as reports number them.
 */
function numberedHeading(lines: readonly SourceLine[], i: number, wrapped: boolean): Read | undefined {
  const line = lines[i]!;
  if (/^\s/.test(line.text)) return undefined;
  const value = readValue(line.text);
  const word = wordNumbered.exec(value);
  if (word) {
    const rest = word[3]!;
    // "Priority 1 was agreed in May" is a sentence, not a heading.
    if (word[2] === '' && /^[a-z]/.test(rest)) return undefined;
    if (rest.length > 150) return undefined;
    return {
      block: heading(1, rest === '' ? word[1]! : rest, [line.number], word[1]),
      end: i + 1,
    };
  }
  const dotted = dottedNumber.exec(value);
  if (dotted) {
    const numbering = dotted[1]!;
    const text = dotted[2]!;
    if (titleLike(text, 100)) {
      return { block: heading(numbering.split('.').length, text, [line.number], numbering), end: i + 1 };
    }
    return paragraph(lines, i, wrapped, numbering, text);
  }
  const single = singleNumber.exec(value);
  if (single && titleLike(single[2]!, 80)) {
    // A numbered line followed by another numbered line is a list, not a heading.
    const next = nextNonBlank(lines, i + 1);
    if (next !== undefined && singleNumber.test(readValue(lines[next]!.text))) return undefined;
    if (next !== undefined && parseBullet(lines[next]!.text) && indentWidth(lines[next]!.text) === 0) {
      return undefined;
    }
    return { block: heading(1, single[2]!, [line.number], single[1]), end: i + 1 };
  }
  return undefined;
}

function capitalsHeading(line: SourceLine): Draft | undefined {
  const value = readValue(line.text);
  const letters = value.replace(/[^\p{L}]/gu, '');
  if (letters.length < 5 || value.length > 100 || /[.,;]$/.test(value)) return undefined;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (upper < letters.length * 0.9) return undefined;
  return heading(1, value, [line.number]);
}

/** A short line in title case with a blank line before it and text after a blank line or a list. */
function titleHeading(lines: readonly SourceLine[], i: number): Read | undefined {
  const line = lines[i]!;
  const value = readValue(line.text);
  if (!titleLike(value, 70) || !/^\p{Lu}/u.test(value)) return undefined;
  if (i > 0 && !isBlank(lines[i - 1]!)) return undefined;
  const following = lines[i + 1];
  if (!following) return undefined;
  if (!isBlank(following) && !parseBullet(following.text)) return undefined;
  if (nextNonBlank(lines, i + 1) === undefined) return undefined;
  const words = value.split(/\s+/);
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  if (words.length > 3 && capitalised < words.length / 2) return undefined;
  return { block: heading(2, value, [line.number]), end: i + 1 };
}

function titleLike(text: string, maxLength: number): boolean {
  const words = text.split(/\s+/).length;
  return (
    text.length <= maxLength &&
    words <= 12 &&
    /\p{L}{2}/u.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !/\t/.test(text)
  );
}

function heading(level: number, text: string, refs: number[], numbering?: string): HeadingBlock {
  return {
    type: 'heading',
    level,
    text,
    lines: refs,
    ...(numbering ? { numbering } : {}),
  } as HeadingBlock;
}

// ---------------------------------------------------------------------------------------------
// Tables

function isPipeRow(text: string): boolean {
  const t = text.trim();
  if (t.startsWith('|')) return t.length > 1;
  return (t.match(/\|/g)?.length ?? 0) >= 2;
}

const pipeSeparator = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** A Markdown table (a row, then "|---|---|"), or two or more lines flattened with "|" between cells. */
function pipeTable(lines: readonly SourceLine[], i: number): Read | undefined {
  if (!isPipeRow(lines[i]!.text)) return undefined;
  let end = i;
  while (end < lines.length && (isPipeRow(lines[end]!.text) || pipeSeparator.test(lines[end]!.text))) end++;
  const run = lines.slice(i, end);
  const separatorAt = run.findIndex((line) => pipeSeparator.test(line.text));
  if (run.length < 2) return undefined;
  const rows = run
    .filter((line) => !pipeSeparator.test(line.text))
    .map((line) => row(pipeCells(line.text), line));
  const markdownHeader = separatorAt === 1;
  return {
    block: table(
      rows,
      run.map((line) => line.number),
      markdownHeader || headerLike(rows),
    ),
    end,
  };
}

function pipeCells(text: string): string[] {
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((cell) => readValue(cell.replace(/\\\|/g, '|')));
}

/** Lines with TAB between cells; a line starting with a TAB inside the run continues it (an empty first cell). */
function tabTable(lines: readonly SourceLine[], i: number): Read | undefined {
  if (!/\S\t/.test(lines[i]!.text)) return undefined;
  let end = i + 1;
  while (end < lines.length && /\S\t|^\t+\S/.test(lines[end]!.text)) end++;
  const run = lines.slice(i, end);
  const rows = run.map((line) => row(line.text.split('\t').map(readValue), line));
  trimEmptyColumns(rows);
  return {
    block: table(
      rows,
      run.map((line) => line.number),
      rows.length > 1 && headerLike(rows),
    ),
    end,
  };
}

function row(cells: string[], line: SourceLine): TableRow {
  return {
    cells: cells.map((text): TableCell => ({ text, lines: text === '' ? [] : [line.number] })),
    lines: [line.number],
  };
}

/** Trailing cells left empty in every row (Word's padding of label rows) go. */
function trimEmptyColumns(rows: TableRow[]): void {
  for (const r of rows) while (r.cells.length > 1 && r.cells[r.cells.length - 1]!.text === '') r.cells.pop();
}

/**
 * The first row is column headings when its cells are short words rather than values: no cell
 * longer than six words, none a number or date, none ending in a colon (a label column), and at
 * least two filled.
 */
export function headerLike(rows: readonly TableRow[]): boolean {
  const first = rows[0];
  if (!first || rows.length < 2) return false;
  const filled = first.cells.filter((cell) => cell.text !== '');
  if (filled.length < 2 || filled.length < first.cells.length / 2) return false;
  return filled.every(
    (cell) =>
      cell.text.length <= 40 &&
      cell.text.split(/\s+/).length <= 6 &&
      !/:$/.test(cell.text) &&
      /\p{L}/u.test(cell.text) &&
      !/^[\d\s/.,:%£$-]+$/.test(cell.text),
  );
}

export function table(rows: TableRow[], refs: number[], hasHeader: boolean): Omit<TableBlock, 'index'> {
  return hasHeader
    ? { type: 'table', header: rows[0]!, rows: rows.slice(1), lines: refs }
    : { type: 'table', rows, lines: refs };
}

// ---------------------------------------------------------------------------------------------
// Lists

const unorderedMarkers = /^[-•*–—▪◦●‣⁃·+]$/;

/** Bullets and numbered items, blank lines between them allowed, wrapped lines indented past the marker. */
function list(lines: readonly SourceLine[], i: number): Read | undefined {
  const first = bulletOf(lines[i]!.text);
  if (!first) return undefined;
  const entries: Array<{ bullet: Bullet; lines: number[] }> = [];
  let end = i;
  let j = i;
  while (j < lines.length) {
    const line = lines[j]!;
    if (isBlank(line)) {
      j++;
      continue;
    }
    const bullet = bulletOf(line.text);
    // "a) b) c)" then "(i) (ii)" at the same depth are two lists.
    if (bullet && bullet.indent <= first.indent && !sameFamily(bullet.marker, first.marker)) break;
    if (bullet) {
      entries.push({ bullet, lines: [line.number] });
      end = ++j;
      continue;
    }
    const last = entries[entries.length - 1];
    // A line that wraps an item: right after it, indented further than its marker.
    if (last && j === end && indentWidth(line.text) > last.bullet.indent && !/\t/.test(line.text.trim())) {
      last.bullet = { ...last.bullet, text: `${last.bullet.text} ${line.text.trim()}` };
      last.lines.push(line.number);
      end = ++j;
      continue;
    }
    break;
  }
  return {
    block: {
      type: 'list',
      ordered: !unorderedMarkers.test(first.marker),
      items: nest(entries),
      lines: entries.flatMap((entry) => entry.lines),
    },
    end,
  };
}

function markerFamily(marker: string): string {
  const core = marker.replace(/[().]/g, '');
  if (unorderedMarkers.test(marker)) return 'bullet';
  if (/^\d+$/.test(core)) return 'number';
  if (/^[ivx]+$/i.test(core)) return core.length === 1 ? 'letter-or-roman' : 'roman';
  return 'letter';
}

function sameFamily(a: string, b: string): boolean {
  const [x, y] = [markerFamily(a), markerFamily(b)];
  if (x === y) return true;
  // "i)" may be a letter after "h)" or a roman one; the brackets around it tell "a)" from "(i)".
  const shape = (m: string) => m.replace(/[\p{L}\d]+/gu, 'x');
  const either = (f: string) => f === 'letter' || f === 'roman';
  if (shape(a) !== shape(b)) return false;
  return (x === 'letter-or-roman' && either(y)) || (y === 'letter-or-roman' && either(x));
}

function bulletOf(text: string): Bullet | undefined {
  const bullet = parseBullet(text);
  if (bullet) return bullet;
  // Markdown's "+" bullets, and "(iii)" romans beyond what the extractors read.
  const m = /^([ \t]*)(\+|\((?:[ivx]{1,6}|[a-z]|\d{1,3})\))[ \t]+(\S.*)$/.exec(text);
  return m ? { indent: indentWidth(m[1]!), marker: m[2]!, text: m[3]! } : undefined;
}

function nest(entries: Array<{ bullet: Bullet; lines: number[] }>): StructureListItem[] {
  const roots: StructureListItem[] = [];
  const stack: Array<{ indent: number; item: StructureListItem }> = [];
  for (const { bullet, lines } of entries) {
    const item: StructureListItem = {
      text: readValue(bullet.text),
      marker: bullet.marker,
      children: [],
      lines,
    };
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= bullet.indent) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.item.children : roots).push(item);
    stack.push({ indent: bullet.indent, item });
  }
  return roots;
}

// ---------------------------------------------------------------------------------------------
// Labels, bold lines and paragraphs

const labelPattern = /^([\p{L}][^:\t]{0,59}?)[ \u00a0]*:(?!\/\/)[ \t\u00a0]*(.*)$/u;

/** "Lead officer: Jane Smith", "RAG rating: Amber", or a label alone ("We said:"). */
function labelValue(line: SourceLine): Draft | undefined {
  const plain = stripEmphasis(line.text).trim();
  const m = labelPattern.exec(plain);
  if (!m) return undefined;
  const label = readValue(m[1]!);
  if (label.split(/\s+/).length > 7 || /[.?!;,]/.test(label.replace(/\b(?:e\.g|i\.e|no|etc)\./gi, ''))) {
    return undefined;
  }
  // Times ("at 10:30") and ratios have a digit before the colon.
  if (/\d$/.test(label) && /^\d/.test(m[2]!)) return undefined;
  return { type: 'label-value', label, value: readValue(m[2]!), lines: [line.number] };
}

/** A line wholly in bold ("**Child Friendly Tameside**"), possibly wrapped over a few lines. */
function boldParagraph(lines: readonly SourceLine[], i: number): Read | undefined {
  const first = lines[i]!.text.trim();
  const opener = /^(\*\*|__)(?=\S)/.exec(first);
  if (!opener) return undefined;
  const marker = opener[1]!;
  const closes = (t: string, from: number) => t.endsWith(marker) && t.length >= from + marker.length;
  let end = i;
  if (!(closes(first, marker.length + 1) && !first.slice(marker.length, -marker.length).includes(marker))) {
    end = -1;
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      const t = lines[j]!.text.trim();
      if (t === '' || t.includes(marker) !== t.endsWith(marker)) break;
      if (t.endsWith(marker)) {
        end = j;
        break;
      }
    }
    if (end === -1) return undefined;
  }
  const run = lines.slice(i, end + 1);
  return {
    block: {
      type: 'paragraph',
      text: run.map((line) => readValue(line.text)).join(' '),
      bold: true,
      lines: run.map((line) => line.number),
    },
    end: end + 1,
  };
}

/**
 * Prose: a line, and the lines after it that wrap the same paragraph (the line before does not end
 * a sentence, or the next begins in lower case), up to a line that starts something else.
 */
function paragraph(
  lines: readonly SourceLine[],
  i: number,
  wrapped: boolean,
  numbering?: string,
  firstText?: string,
): Read {
  const refs = [lines[i]!.number];
  const texts = [firstText ?? readValue(lines[i]!.text)];
  let j = i + 1;
  for (; wrapped && j < lines.length; j++) {
    const line = lines[j]!;
    if (isBlank(line)) break;
    const previous = lines[j - 1]!.text;
    const text = readValue(line.text);
    // Text wrapped at a width has long lines; a short line not ending a sentence is one paragraph
    // of a document written a paragraph a line ("Agenda item", then the title).
    const wraps =
      (previous.length >= 50 && !/[.!?:;]["”’)]?$/.test(previous.trim())) || /^[\p{Ll}(]/u.test(text);
    if (!wraps || startsBlock(lines, j)) break;
    refs.push(line.number);
    texts.push(text);
  }
  return {
    block: { type: 'paragraph', text: texts.join(' '), lines: refs, ...(numbering ? { numbering } : {}) },
    end: j,
  };
}

function startsBlock(lines: readonly SourceLine[], j: number): boolean {
  const line = lines[j]!;
  const value = readValue(line.text);
  return (
    /^ {0,3}#{1,6}[ \t]/.test(line.text) ||
    isPipeRow(line.text) ||
    /\S\t/.test(line.text) ||
    bulletOf(line.text) !== undefined ||
    wordNumbered.test(value) ||
    dottedNumber.test(value) ||
    /^(\*\*|__)\S/.test(line.text.trim())
  );
}

function nextNonBlank(lines: readonly SourceLine[], from: number): number | undefined {
  // Looks a few lines ahead only, so that a run of blank lines cannot make the pass quadratic.
  for (let j = from; j < Math.min(lines.length, from + 20); j++) if (!isBlank(lines[j]!)) return j;
  return undefined;
}
