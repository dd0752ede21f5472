/**
 * An Excel workbook from plain sheets of rows, so a spreadsheet can be made off the request thread
 * (src/reports/render-pool.ts) from data the route has already read and worded.
 */
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../domain/spreadsheet-cell.ts';

export type WorkbookCell = string | number | null;

export interface WorkbookSheet {
  name: string;
  /** The first row, bold; each column's key names its cell in the rows given as records. */
  columns: { header: string; key: string; width: number }[];
  /** A record by column key, or a list of cells from the first column. */
  rows: (Record<string, WorkbookCell> | WorkbookCell[])[];
}

export interface Workbook {
  creator: string;
  sheets: WorkbookSheet[];
}

export async function renderWorkbook(book: Workbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = book.creator;
  for (const source of book.sheets) {
    const sheet = workbook.addWorksheet(source.name);
    sheet.columns = source.columns;
    sheet.getRow(1).font = { bold: true };
    for (const row of source.rows) sheet.addRow(row);
    // A workbook's text cells are not formulas, but a copy pasted or saved as CSV would be read as one.
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = spreadsheetSafe(cell.value);
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
