/*
 * A budget file as read, before anything is written: each row's quarter of one budget line, with
 * its planned and actual spend in pence. The reader is src/import/observations/budget.ts; the data
 * load writes the rows all or nothing.
 */

export interface BudgetSpendRow {
  /** The spreadsheet row it came from. */
  row: number;
  budgetLineId: number;
  project: string;
  /** "2024-25" */
  financialYear: string;
  quarter: number;
  plannedPence: number | null;
  actualPence: number | null;
}

/** The council's projects and their budget lines, as a budget file is checked against them. */
export interface BudgetTarget {
  id: number;
  title: string;
  planTitle: string;
  lines: readonly { id: number; financialYear: string; fundingSource: string }[];
}

/** What the load report says of a budget file. */
export interface BudgetLoadSummary {
  projects: number;
  quarters: number;
  plannedPence: number;
  actualPence: number;
}

export function budgetSummary(rows: readonly BudgetSpendRow[]): BudgetLoadSummary {
  return {
    projects: new Set(rows.map((r) => r.project.toLowerCase())).size,
    quarters: rows.length,
    plannedPence: rows.reduce((n, r) => n + (r.plannedPence ?? 0), 0),
    actualPence: rows.reduce((n, r) => n + (r.actualPence ?? 0), 0),
  };
}
