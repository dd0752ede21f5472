/*
 * Bytes to a table of text cells, from CSV (csv-parse) or the first worksheet of an XLSX workbook
 * (exceljs). Cells become text here so every layout validates numbers and periods the same way.
 */
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Table } from './types.ts';

export type FileKind = 'csv' | 'xlsx';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** XLSX files are zip archives; anything else is read as CSV text. */
export function fileKindOf(bytes: Buffer, fileName: string): FileKind {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC) || /\.xlsx$/i.test(fileName)) return 'xlsx';
  return 'csv';
}

export class UnreadableFileError extends Error {}

export function readCsv(bytes: Buffer): Table {
  let records: string[][];
  try {
    records = parse(bytes, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new UnreadableFileError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  const [headers = [], ...rest] = records;
  return { headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Excel keeps a month heading such as "Jul-20" as a date: read it back as the month it names.
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}`;
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).trim();
}

export async function readXlsx(bytes: Buffer): Promise<Table> {
  // Loaded when first needed: exceljs is a large module, and most starts never read a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('The file could not be read as an Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('The workbook has no worksheets');
  const table: Table = { headers: [], rows: [] };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.every((c) => c === '')) return;
    if (table.headers.length === 0 && table.rows.length === 0) table.headers = filled;
    else table.rows.push({ row: rowNumber, cells: filled });
  });
  return table;
}
