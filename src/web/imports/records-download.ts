/*
 * The import preview's records as a spreadsheet, CSV or Excel, so a programme office can check an
 * import row by row before confirming it: one row per record (the list `import --dry-run --json`
 * prints), its fields in columns named as in docs/imports.md, its source lines and their text.
 */
import { stringify } from 'csv-stringify/sync';
import type { ImportedDocument } from '../../domain/imports.ts';
import { spreadsheetSafe } from '../../domain/spreadsheet-cell.ts';
import { importRecords, recordFields, type FieldValue } from '../../import/records.ts';

/** Every field name of every record type, once, in the order the types list them. */
const fieldNames = [...new Set(Object.values(recordFields).flat())];

export const recordColumns: { key: string; header: string; width: number }[] = [
  { key: 'record', header: 'record', width: 8 },
  { key: 'type', header: 'type', width: 22 },
  { key: 'parent', header: 'parent', width: 8 },
  ...fieldNames.map((name) => ({ key: name, header: name, width: 24 })),
  { key: 'lines', header: 'lines', width: 16 },
  { key: 'sharedLines', header: 'sharedLines', width: 16 },
  { key: 'sourceText', header: 'sourceText', width: 80 },
];

type Cell = string | number | null;

/**
 * One row per record, keyed by column. Records and parents are numbered from 1, as a person counts
 * rows; the source text is every line the record was read from, shared ones included.
 */
export function recordRows(document: ImportedDocument, sourceText: string): Record<string, Cell>[] {
  const source = sourceText === '' ? [] : sourceText.split('\n');
  const textOf = (lines: number[]) =>
    lines
      .map((n) => source[n - 1]?.trim() ?? '')
      .filter(Boolean)
      .join('\n');
  return importRecords(document).map((record, i) => {
    const row: Record<string, Cell> = {
      record: i + 1,
      type: record.type,
      parent: record.parent === null ? null : record.parent + 1,
    };
    for (const [name, value] of Object.entries(record.fields)) row[name] = cell(value);
    row.lines = record.lines.join(', ');
    row.sharedLines = record.sharedLines.join(', ');
    row.sourceText = textOf([...record.lines, ...record.sharedLines].sort((a, b) => a - b));
    return row;
  });
}

function cell(value: FieldValue): Cell {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

export function recordsCsv(document: ImportedDocument, sourceText: string): string {
  const rows = recordRows(document, sourceText).map((row) =>
    recordColumns.map((c) => spreadsheetSafe(row[c.key] ?? '')),
  );
  return stringify(rows, { header: true, columns: recordColumns.map((c) => c.header) });
}

export async function recordsWorkbook(document: ImportedDocument, sourceText: string): Promise<Buffer> {
  // Loaded when first needed, so that it does not slow every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wesaid';
  const sheet = workbook.addWorksheet('Records');
  sheet.columns = recordColumns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of recordRows(document, sourceText)) {
    // A workbook's text cells are not formulas, but a copy pasted or saved as CSV would be read as one.
    sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, spreadsheetSafe(v)])));
  }
  sheet.getColumn('sourceText').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
