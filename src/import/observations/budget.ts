/*
 * A budget file: one row per project and quarter, with the columns project, financial year,
 * quarter, planned and actual (and, when a project has more than one line in a year, funding
 * source to say which). Each row is matched to a budget line the programme office has already
 * added on the project's page: the file says what was planned and spent, never where money comes from.
 */
import {
  parseFinancialYear,
  parseMoney,
  parseQuarter,
  formatFinancialYear,
} from '../../domain/projects/money.ts';
import type { BudgetSpendRow, BudgetTarget } from '../../domain/projects/budget-load.ts';
import { cell, columnIndex } from './common.ts';
import type { LoadProblem, Table } from './types.ts';

const columns = {
  project: ['project', 'project_title', 'proposition'],
  year: ['financial_year', 'year', 'fy'],
  quarter: ['quarter', 'qtr'],
  planned: ['planned', 'planned_spend', 'budget'],
  actual: ['actual', 'actual_spend', 'spent'],
  source: ['funding_source', 'source', 'fund'],
};

export function isBudgetLayout(table: Table): boolean {
  return (
    columnIndex(table, ...columns.project) >= 0 &&
    columnIndex(table, ...columns.quarter) >= 0 &&
    columnIndex(table, ...columns.planned) >= 0 &&
    columnIndex(table, ...columns.actual) >= 0
  );
}

export function readBudget(
  table: Table,
  targets: readonly BudgetTarget[],
): { rows: BudgetSpendRow[]; errors: LoadProblem[] } {
  const col = {
    project: columnIndex(table, ...columns.project),
    year: columnIndex(table, ...columns.year),
    quarter: columnIndex(table, ...columns.quarter),
    planned: columnIndex(table, ...columns.planned),
    actual: columnIndex(table, ...columns.actual),
    source: columnIndex(table, ...columns.source),
  };
  const name = (i: number) => table.headers[i] ?? '';
  const rows: BudgetSpendRow[] = [];
  const errors: LoadProblem[] = [];
  if (col.year < 0) {
    errors.push({
      row: 1,
      column: table.headers.join(', '),
      message: 'Add a financial year column, for example 2024/25',
    });
    return { rows, errors };
  }
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const problem = (column: number, message: string) => errors.push({ row, column: name(column), message });
    const projectText = cell(cells, col.project);
    const yearText = cell(cells, col.year);
    const quarterText = cell(cells, col.quarter);
    const plannedText = cell(cells, col.planned);
    const actualText = cell(cells, col.actual);
    const sourceText = cell(cells, col.source);
    if ([projectText, yearText, quarterText, plannedText, actualText].every((t) => t === '')) continue;

    const before = errors.length;
    const matches = targets.filter((t) => t.title.trim().toLowerCase() === projectText.toLowerCase());
    if (projectText === '') problem(col.project, 'Enter the project’s title');
    else if (matches.length === 0) problem(col.project, `There is no project called “${projectText}”`);
    else if (matches.length > 1)
      problem(
        col.project,
        `More than one project is called “${projectText}” (in ${matches.map((m) => m.planTitle).join(' and ')}): give one a different title`,
      );
    const year = parseFinancialYear(yearText);
    if (year === null) problem(col.year, 'Financial year must be written like 2024/25');
    const quarter = parseQuarter(quarterText);
    if (quarter === null) problem(col.quarter, 'Quarter must be Q1, Q2, Q3 or Q4 (Q1 is April to June)');
    const planned = plannedText === '' ? null : parseMoney(plannedText);
    if (plannedText !== '' && planned === null)
      problem(col.planned, 'Planned must be a sum of money, like 12500 or £12,500.00');
    const actual = actualText === '' ? null : parseMoney(actualText);
    if (actualText !== '' && actual === null)
      problem(col.actual, 'Actual must be a sum of money, like 12500 or £12,500.00');
    if (errors.length > before) continue;

    const project = matches[0]!;
    let lines = project.lines.filter((l) => l.financialYear === year);
    if (sourceText) lines = lines.filter((l) => l.fundingSource.toLowerCase() === sourceText.toLowerCase());
    if (lines.length === 0) {
      problem(
        sourceText ? col.source : col.year,
        `${project.title} has no budget line for ${formatFinancialYear(year!)}${sourceText ? ` from ${sourceText}` : ''}: add one on the project’s page first`,
      );
      continue;
    }
    if (lines.length > 1) {
      problem(
        col.source >= 0 ? col.source : col.project,
        `${project.title} has ${lines.length} budget lines for ${formatFinancialYear(year!)}: add a funding source column to say which (${lines.map((l) => l.fundingSource).join(' or ')})`,
      );
      continue;
    }
    const line = lines[0]!;
    const key = `${line.id}|${quarter}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(
        col.quarter,
        `Row ${earlier} already gives ${project.title} for Q${quarter} ${formatFinancialYear(year!)}`,
      );
      continue;
    }
    seen.set(key, row);
    rows.push({
      row,
      budgetLineId: line.id,
      project: project.title,
      financialYear: year!,
      quarter: quarter!,
      plannedPence: planned,
      actualPence: actual,
    });
  }
  return { rows, errors };
}
