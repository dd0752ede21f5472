/* The record shapes a load produces live in domain; the table is the parsers' own. */
export * from '../../domain/measures/loads.ts';

export interface Table {
  headers: string[];
  /** Cells as text, with the spreadsheet row number. */
  rows: { row: number; cells: string[] }[];
}
