/**
 * A Word (.docx) file to lines and structure. The lines follow the conventions the importer has
 * always used for Word files, the way mammoth turned them into text, so that extractors written
 * for text copies read a Word copy unchanged: one line per paragraph (a line break in a paragraph
 * starts a new line), Word's Heading 1 to 6 as "#" to "######", list items as "- " or "1. "
 * indented two spaces a level, table rows as TAB-separated cells (a cell merged down from the row
 * above is left out, as mammoth did), bold as "**" and italic as "*". The blocks come from what
 * Word knows: heading styles and outline levels, list numbering, tables with merged cells, bold
 * paragraphs; paragraphs typed without a style are read like text ("2.3 Title", "Label: value").
 */
import type {
  DocumentStructure,
  StructureBlock,
  StructureListItem,
  TableCell,
  TableRow,
} from '../../domain/document-structure.ts';
import type { SourceLine } from '../../domain/imports.ts';
import { readValue } from '../text.ts';
import {
  readBody,
  readNumbering,
  readStyles,
  type BodyItem,
  type Numbering,
  type Paragraph,
  type Run,
  type Style,
  type Table,
} from './docx-parts.ts';
import { headerLike, table as tableBlock, textBlocks } from './text-blocks.ts';
import { linesOf } from './text.ts';
import { Refusal, type ReadLimits } from './types.ts';
import { unzipLimited } from './zip.ts';

const kind = 'Word document';
const parts = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml'];
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];

export function readDocxStructure(bytes: Uint8Array, name: string, limits: ReadLimits): DocumentStructure {
  if (oleMagic.every((b, i) => bytes[i] === b)) {
    throw new Refusal(
      'unreadable',
      `${name} is password protected or is an older Word (.doc) file renamed to .docx. Remove the password or save it as a Word (.docx) file and try again`,
    );
  }
  if (!zipMagic.every((b, i) => bytes[i] === b)) {
    throw new Refusal(
      'unreadable',
      `${name} is not a Word (.docx) file. It may be an older .doc file renamed to .docx`,
    );
  }
  const files = unzipLimited(bytes, name, kind, (entry) => parts.includes(entry), limits);
  const document = files.get('word/document.xml');
  if (!document) {
    throw new Refusal(
      'unreadable',
      `${name} could not be opened as a Word document. It may be damaged or password protected`,
    );
  }
  const styles = readStyles(files.get('word/styles.xml'), name);
  const numbering = readNumbering(files.get('word/numbering.xml'), name);
  const body = readBody(document, name, styles);
  return new DocxLayout(styles, numbering).structure(body, name, limits);
}

/** What a paragraph is, by its style and numbering. */
type Role =
  | { kind: 'heading'; level: number; marked: number | undefined }
  | { kind: 'list'; depth: number; ordered: boolean }
  | { kind: 'plain' };

interface PendingItem {
  item: StructureListItem;
  depth: number;
}

class DocxLayout {
  /** The text written so far, a paragraph, list item or table row each (a chunk may hold line breaks). */
  readonly chunks: string[] = [];
  private lineCount = 0;
  private readonly blocks: StructureBlock[] = [];
  /** Plain paragraphs' lines waiting to be read as text. */
  private plain: SourceLine[] = [];
  private listItems: PendingItem[] = [];
  private listOrdered = false;

  constructor(
    private readonly styles: ReadonlyMap<string, Style>,
    private readonly numbering: Numbering,
  ) {}

  structure(body: BodyItem[], name: string, limits: ReadLimits): DocumentStructure {
    this.renderItems(body);
    this.flush();
    const text = this.chunks.join('\n');
    const lines = linesOf(text, name, limits, limits.maxExpandedBytes);
    const blocks = this.blocks.map((block, index) => ({ ...block, index }));
    return { format: 'docx', lines, blocks };
  }

  // -------------------------------------------------------------------------------------------
  // Lines, numbered as they are written

  /** Adds a chunk of text (it may hold line breaks) and returns its lines. */
  private emit(text: string): SourceLine[] {
    this.chunks.push(text);
    return text.split('\n').map((line) => ({ number: ++this.lineCount, text: line.trimEnd() }));
  }

  renderItems(items: BodyItem[]): void {
    const lists = new ListCounter();
    for (const item of items) {
      if (item.kind === 'table') {
        lists.reset();
        this.flushList();
        this.flushPlain();
        this.renderTable(item);
        continue;
      }
      const role = this.roleOf(item);
      if (role.kind === 'list') {
        this.flushPlain();
        // A new top-level item of another kind (bullets after numbers) is a new list.
        if (role.depth === 0 && this.listItems.length > 0 && this.listOrdered !== role.ordered)
          this.flushList();
        for (const phantom of lists.open(role.depth, role.ordered))
          this.listItem(phantom.line, phantom.depth, '');
        const marker = lists.next(role.depth);
        const text = collapse(inline(item.runs));
        const line = `${'  '.repeat(role.depth)}${marker} ${text}`;
        if (this.listItems.length === 0) this.listOrdered = role.ordered;
        this.listItem(line, role.depth, text, marker);
        continue;
      }
      lists.reset();
      this.flushList();
      const text = inline(item.runs);
      if (role.kind === 'heading' && role.marked !== undefined) {
        this.flushPlain();
        const lines = this.emit(`${'#'.repeat(role.marked)} ${text}`);
        this.heading(lines, role.level);
      } else if (role.kind === 'heading') {
        this.flushPlain();
        this.heading(this.emit(text), role.level);
      } else {
        this.plain.push(...this.emit(text));
      }
    }
  }

  private roleOf(paragraph: Paragraph): Role {
    const chain = this.styleChain(paragraph.style);
    const named = chain[0]?.name ?? '';
    // mammoth's style map: Heading 1 to 6 by name or id (Apple Pages' "Heading" as 1).
    const heading = /^heading ?([1-9])?$/i.exec(named) ?? /^heading([1-9])?$/i.exec(paragraph.style ?? '');
    if (heading) {
      const level = Number(heading[1] ?? 1);
      return { kind: 'heading', level, marked: level <= 6 ? level : undefined };
    }
    const numId = paragraph.numId ?? chain.find((s) => s.numId !== undefined)?.numId;
    const ilvl = paragraph.ilvl ?? chain.find((s) => s.ilvl !== undefined)?.ilvl ?? 0;
    if (numId !== undefined && numId !== '0') {
      const ordered = this.numbering.ordered(numId, ilvl);
      // mammoth maps five levels of list; a deeper one was an ordinary paragraph.
      if (ordered !== undefined && ilvl < 5) return { kind: 'list', depth: ilvl, ordered };
    }
    if (/^title$/i.test(named)) return { kind: 'heading', level: 1, marked: undefined };
    const outline = paragraph.outline ?? chain.find((s) => s.outline !== undefined)?.outline;
    if (outline !== undefined && outline >= 0 && outline < 9) {
      return { kind: 'heading', level: outline + 1, marked: undefined };
    }
    return { kind: 'plain' };
  }

  private styleChain(id: string | undefined): Style[] {
    const chain: Style[] = [];
    for (let at = id; at !== undefined && chain.length < 10;) {
      const style = this.styles.get(at);
      if (!style) break;
      chain.push(style);
      at = style.basedOn;
    }
    return chain;
  }

  // -------------------------------------------------------------------------------------------
  // Blocks

  private heading(lines: SourceLine[], level: number): void {
    const filled = lines.filter((line) => line.text.trim() !== '');
    if (filled.length === 0) return;
    const text = readValue(filled.map((line) => line.text.replace(/^#+\s*/, '')).join(' '));
    const numbered = /^((?:\d{1,2}\.)*\d{1,2}\.?)\s+(\S.*)$/.exec(text);
    this.blocks.push({
      type: 'heading',
      index: 0,
      level,
      text: numbered ? numbered[2]! : text,
      ...(numbered ? { numbering: numbered[1]! } : {}),
      lines: filled.map((line) => line.number),
    });
  }

  private listItem(line: string, depth: number, text: string, marker = '-'): void {
    const [source] = this.emit(line);
    const item: StructureListItem = { text: readValue(text), marker, children: [], lines: [source!.number] };
    this.listItems.push({ item, depth });
  }

  private flushList(): void {
    if (this.listItems.length === 0) return;
    const roots: StructureListItem[] = [];
    const stack: PendingItem[] = [];
    for (const pending of this.listItems) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= pending.depth) stack.pop();
      (stack.length > 0 ? stack[stack.length - 1]!.item.children : roots).push(pending.item);
      stack.push(pending);
    }
    this.blocks.push({
      type: 'list',
      index: 0,
      ordered: this.listOrdered,
      items: roots,
      lines: this.listItems.map((p) => p.item.lines[0]!),
    });
    this.listItems = [];
  }

  private flushPlain(): void {
    if (this.plain.length === 0) return;
    this.blocks.push(...textBlocks(this.plain, { wrapped: false }));
    this.plain = [];
  }

  private flush(): void {
    this.flushList();
    this.flushPlain();
  }

  private renderTable(table: Table): void {
    const rows: TableRow[] = [];
    const refs: number[] = [];
    // Per grid column, the cell a vertical merge started in, to repeat in the cells it covers.
    const mergeStarts = new Map<number, TableCell>();
    let header = 0;
    for (const row of table.rows) {
      const cells: TableCell[] = [];
      const written: string[] = [];
      let column = 0;
      for (const cell of row.cells) {
        const text = cellText(cell.items, this.styles, this.numbering);
        const span = cell.gridSpan;
        let own: TableCell;
        if (cell.vMerge === 'continue' && mergeStarts.has(column)) {
          const start = mergeStarts.get(column)!;
          start.rowSpan = (start.rowSpan ?? 1) + 1;
          own = { text: start.text, lines: [], merged: true };
        } else {
          written.push(text);
          own = { text, lines: [], ...(span > 1 ? { colSpan: span } : {}) };
          if (cell.vMerge === 'restart') mergeStarts.set(column, own);
          else mergeStarts.delete(column);
        }
        cells.push(own);
        for (let k = 1; k < span; k++) cells.push({ text: own.text, lines: [], merged: true });
        column += span;
      }
      const [line] = this.emit(written.join('\t'));
      const filled = line!.text.trim() !== '';
      if (filled) refs.push(line!.number);
      for (const cell of cells) if (!cell.merged && cell.text !== '' && filled) cell.lines = [line!.number];
      rows.push({ cells, lines: filled ? [line!.number] : [] });
      if (row.header && header === rows.length - 1) header++;
    }
    if (refs.length === 0) return;
    const hasHeader = header > 0 || headerLike(rows);
    this.blocks.push({ ...tableBlock(rows, refs, hasHeader), index: 0 });
  }
}

/** mammoth's nesting of list paragraphs: numbers restart in each list, levels open under the last item. */
class ListCounter {
  private stack: Array<{ ordered: boolean; n: number }> = [];

  depth(): number {
    return this.stack.length;
  }

  reset(): void {
    this.stack = [];
  }

  /** Opens the lists down to `depth`; returns the empty items Word's file implies above a skipped level. */
  open(depth: number, ordered: boolean): Array<{ line: string; depth: number }> {
    const phantoms: Array<{ line: string; depth: number }> = [];
    if (this.stack.length > depth + 1) this.stack.length = depth + 1;
    while (this.stack.length < depth) {
      const d = this.stack.length;
      this.stack.push({ ordered: false, n: 1 });
      phantoms.push({ line: `${'  '.repeat(d)}-`, depth: d });
    }
    const top = this.stack[depth];
    if (!top || top.ordered !== ordered) this.stack[depth] = { ordered, n: 0 };
    return phantoms;
  }

  next(depth: number): string {
    const list = this.stack[depth]!;
    list.n++;
    return list.ordered ? `${list.n}.` : '-';
  }
}

/** A cell's text as mammoth gave it: its paragraphs, lists and tables on one line. */
function cellText(items: BodyItem[], styles: ReadonlyMap<string, Style>, numbering: Numbering): string {
  const layout = new DocxLayout(styles, numbering);
  layout.renderItems(items);
  return collapse(layout.chunks.join(' '));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Runs as text, bold as "**" and italic as "*", adjacent runs alike merged (bold outside italic). */
function inline(runs: Run[]): string {
  let out = '';
  for (let i = 0; i < runs.length;) {
    const bold = runs[i]!.bold;
    let j = i;
    while (j < runs.length && runs[j]!.bold === bold) j++;
    const inner = italics(runs.slice(i, j));
    out += bold ? emphasise(inner, '**') : inner;
    i = j;
  }
  return out;
}

function italics(runs: Run[]): string {
  let out = '';
  for (let i = 0; i < runs.length;) {
    const italic = runs[i]!.italic;
    let text = '';
    for (; i < runs.length && runs[i]!.italic === italic; i++) text += runs[i]!.text;
    out += italic ? emphasise(text, '*') : text;
  }
  return out;
}

function emphasise(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] === '' ? text : `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}
