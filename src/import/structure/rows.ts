/**
 * A spreadsheet's rows (an XLSX sheet or a CSV file) as lines and blocks: one line a row, cells
 * TAB-joined; the column headings are the first row that is mostly short text (a tracker often has
 * a title and a date above them), the rows above it are paragraphs, and the rest is one table.
 */
import type { SourceLine } from '../../domain/imports.ts';
import type { StructureBlock, TableCell, TableRow } from '../../domain/document-structure.ts';
import { table } from './text-blocks.ts';

export interface Sheet {
  /** The sheet's name, for a workbook of several. */
  name?: string;
  rows: string[][];
}

export function cleanCell(text: string): string {
  // A TAB in a cell would read as a cell boundary, and a line break as a new row.
  return text.replace(/\s+/g, ' ').trim();
}

export function sheetBlocks(
  sheets: Sheet[],
  named: boolean,
): { lines: SourceLine[]; blocks: StructureBlock[] } {
  const lines: SourceLine[] = [];
  const blocks: StructureBlock[] = [];
  const add = (text: string): SourceLine => {
    const line = { number: lines.length + 1, text: text.trimEnd() };
    lines.push(line);
    return line;
  };
  for (const sheet of sheets) {
    if (named && sheet.name) {
      if (lines.length > 0) add('');
      const line = add(sheet.name);
      if (line.text.trim() !== '') {
        blocks.push({
          type: 'heading',
          index: 0,
          level: 1,
          text: cleanCell(sheet.name),
          lines: [line.number],
        });
      }
    }
    const rows = sheet.rows.map((cells) => {
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });
    const headerAt = rows.findIndex((cells, i) => i < 30 && headingRow(cells));
    const tableFrom = headerAt === -1 ? firstFilled(rows) : headerAt;
    const tableRows: TableRow[] = [];
    const refs: number[] = [];
    rows.forEach((cells, i) => {
      const line = add(cells.join('\t'));
      const filled = line.text.trim() !== '';
      if (i < tableFrom) {
        if (filled) {
          blocks.push({
            type: 'paragraph',
            index: 0,
            text: cells.filter(Boolean).join(' '),
            lines: [line.number],
          });
        }
        return;
      }
      if (filled) refs.push(line.number);
      tableRows.push({
        cells: cells.map((text): TableCell => ({ text, lines: text === '' ? [] : [line.number] })),
        lines: filled ? [line.number] : [],
      });
    });
    // Blank rows at the end of a sheet are not rows of its table.
    while (tableRows.length > 0 && tableRows[tableRows.length - 1]!.lines.length === 0) tableRows.pop();
    if (refs.length > 0) blocks.push({ ...table(tableRows, refs, headerAt !== -1), index: 0 });
  }
  return { lines, blocks: blocks.map((block, index) => ({ ...block, index })) };
}

function firstFilled(rows: string[][]): number {
  const at = rows.findIndex((cells) => cells.some((cell) => cell !== ''));
  return at === -1 ? rows.length : at;
}

/** Column headings: at least two filled cells, most of them short words rather than values. */
function headingRow(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length < 2) return false;
  const short = filled.filter(
    (cell) =>
      cell.length <= 40 && /\p{L}/u.test(cell) && !/^[\d\s/.,:%£$€-]+$/.test(cell) && !/[.!?]$/.test(cell),
  );
  return short.length >= filled.length * 0.8;
}
