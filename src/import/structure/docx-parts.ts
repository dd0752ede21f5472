/**
 * The parts of a .docx the reader needs, read from their XML as a stream: the body's paragraphs
 * (style, list number and level, outline level, runs with bold and italic) and tables (rows, cells
 * with gridSpan and vMerge), the styles (names, outline levels, list numbering, what each is
 * based on) and the numbering (which list levels are bullets).
 */
import type { SaxesTagPlain } from 'saxes';
import { parseXml } from './xml.ts';

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface Paragraph {
  kind: 'paragraph';
  style?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
  runs: Run[];
}

export interface Cell {
  items: BodyItem[];
  gridSpan: number;
  vMerge?: 'restart' | 'continue';
}

export interface Row {
  cells: Cell[];
  header: boolean;
}

export interface Table {
  kind: 'table';
  rows: Row[];
}

export type BodyItem = Paragraph | Table;

const kind = 'Word document';

function val(tag: SaxesTagPlain): string | undefined {
  return tag.attributes['w:val'];
}

/** A w:b or w:i: on unless its value says off. */
function on(tag: SaxesTagPlain): boolean {
  const v = val(tag);
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

export function readBody(
  xml: Uint8Array,
  name: string,
  characterStyles: ReadonlyMap<string, Style>,
): BodyItem[] {
  const body: BodyItem[] = [];
  // Where finished items go: the body, or the cell being read.
  const sinks: BodyItem[][] = [body];
  const tables: Table[] = [];
  const paragraphs: Paragraph[] = [];
  let run: Run | undefined;
  let inText = false;
  let inParagraphProperties = 0;
  let skip = 0;

  parseXml(xml, name, kind, {
    open(tag) {
      if (skip > 0 || tag.name === 'mc:Choice') {
        // Office writes text boxes twice, new-style in mc:Choice and old-style in mc:Fallback.
        if (!tag.isSelfClosing) skip++;
        return;
      }
      const paragraph = paragraphs[paragraphs.length - 1];
      switch (tag.name) {
        case 'w:p':
          paragraphs.push({ kind: 'paragraph', runs: [] });
          break;
        case 'w:pPr':
          if (!tag.isSelfClosing) inParagraphProperties++;
          break;
        case 'w:pStyle':
          if (paragraph && inParagraphProperties) paragraph.style = val(tag);
          break;
        case 'w:numId':
          if (paragraph && inParagraphProperties) paragraph.numId = val(tag);
          break;
        case 'w:ilvl':
          if (paragraph && inParagraphProperties) paragraph.ilvl = Number(val(tag)) || 0;
          break;
        case 'w:outlineLvl':
          if (paragraph && inParagraphProperties) paragraph.outline = Number(val(tag));
          break;
        case 'w:r':
          run = { text: '', bold: false, italic: false };
          break;
        case 'w:b':
          if (run && !inParagraphProperties) run.bold = on(tag);
          break;
        case 'w:i':
          if (run && !inParagraphProperties) run.italic = on(tag);
          break;
        case 'w:rStyle': {
          const style = characterStyles.get(val(tag) ?? '');
          if (run && style && /^strong$/i.test(style.name ?? '')) run.bold = true;
          break;
        }
        case 'w:t':
          inText = !tag.isSelfClosing;
          break;
        case 'w:tab':
          if (run && !inParagraphProperties) run.text += '\t';
          break;
        case 'w:br': {
          const type = tag.attributes['w:type'];
          if (run && type !== 'page' && type !== 'column') run.text += '\n';
          break;
        }
        case 'w:cr':
          if (run) run.text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (run) run.text += '\u2011';
          break;
        case 'w:tbl':
          tables.push({ kind: 'table', rows: [] });
          break;
        case 'w:tr':
          tables[tables.length - 1]?.rows.push({ cells: [], header: false });
          break;
        case 'w:tblHeader': {
          const row = lastRow(tables);
          if (row) row.header = on(tag);
          break;
        }
        case 'w:tc': {
          const cell: Cell = { items: [], gridSpan: 1 };
          lastRow(tables)?.cells.push(cell);
          sinks.push(cell.items);
          break;
        }
        case 'w:gridSpan': {
          const cell = lastCell(tables);
          if (cell) cell.gridSpan = Math.max(1, Math.min(64, Number(val(tag)) || 1));
          break;
        }
        case 'w:vMerge': {
          const cell = lastCell(tables);
          if (cell) cell.vMerge = val(tag) === 'restart' ? 'restart' : 'continue';
          break;
        }
      }
    },
    close(tagName) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (tagName) {
        case 'w:p': {
          const paragraph = paragraphs.pop();
          if (paragraph) sinks[sinks.length - 1]!.push(paragraph);
          break;
        }
        case 'w:pPr':
          inParagraphProperties = Math.max(0, inParagraphProperties - 1);
          break;
        case 'w:r': {
          const paragraph = paragraphs[paragraphs.length - 1];
          if (run && paragraph && run.text !== '') paragraph.runs.push(run);
          run = undefined;
          break;
        }
        case 'w:t':
          inText = false;
          break;
        case 'w:tc':
          if (sinks.length > 1) sinks.pop();
          break;
        case 'w:tbl': {
          const table = tables.pop();
          if (table) sinks[sinks.length - 1]!.push(table);
          break;
        }
      }
    },
    text(text) {
      if (skip === 0 && inText && run) run.text += text.replace(/\r\n?|\f/g, '\n');
    },
  });
  return body;
}

function lastRow(tables: Table[]): Row | undefined {
  const rows = tables[tables.length - 1]?.rows;
  return rows?.[rows.length - 1];
}

function lastCell(tables: Table[]): Cell | undefined {
  const cells = lastRow(tables)?.cells;
  return cells?.[cells.length - 1];
}

export interface Style {
  type?: string;
  name?: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

export function readStyles(xml: Uint8Array | undefined, name: string): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!xml) return styles;
  let style: Style | undefined;
  parseXml(xml, name, kind, {
    open(tag) {
      if (tag.name === 'w:style') {
        style = { type: tag.attributes['w:type'] };
        styles.set(tag.attributes['w:styleId'] ?? '', style);
      } else if (!style) return;
      else if (tag.name === 'w:name') style.name = val(tag);
      else if (tag.name === 'w:basedOn') style.basedOn = val(tag);
      else if (tag.name === 'w:outlineLvl') style.outline = Number(val(tag));
      else if (tag.name === 'w:numId') style.numId = val(tag);
      else if (tag.name === 'w:ilvl') style.ilvl = Number(val(tag)) || 0;
    },
    close(tagName) {
      if (tagName === 'w:style') style = undefined;
    },
    text() {},
  });
  return styles;
}

/** For each list (numId), which of its levels are numbered rather than bulleted. */
export interface Numbering {
  ordered(numId: string, level: number): boolean | undefined;
}

export function readNumbering(xml: Uint8Array | undefined, name: string): Numbering {
  const abstract = new Map<string, Map<number, string>>();
  const nums = new Map<string, string>();
  if (xml) {
    let levels: Map<number, string> | undefined;
    let level = 0;
    let num: string | undefined;
    parseXml(xml, name, kind, {
      open(tag) {
        if (tag.name === 'w:abstractNum') {
          levels = new Map();
          abstract.set(tag.attributes['w:abstractNumId'] ?? '', levels);
        } else if (tag.name === 'w:lvl' && levels) {
          level = Number(tag.attributes['w:ilvl']) || 0;
          levels.set(level, 'decimal');
        } else if (tag.name === 'w:numFmt' && levels) levels.set(level, val(tag) ?? '');
        else if (tag.name === 'w:num') num = tag.attributes['w:numId'];
        else if (tag.name === 'w:abstractNumId' && num !== undefined) nums.set(num, val(tag) ?? '');
      },
      close(tagName) {
        if (tagName === 'w:abstractNum') levels = undefined;
        if (tagName === 'w:num') num = undefined;
      },
      text() {},
    });
  }
  return {
    ordered(numId, level) {
      const levels = abstract.get(nums.get(numId) ?? '');
      const format = levels?.get(level);
      if (format === undefined) return undefined;
      // As mammoth: anything but a bullet is numbered.
      return format !== 'bullet';
    },
  };
}
