/*
 * A budget line's planned and actual spend, quarter by quarter, and the totals the pages, papers
 * and API show. Pure: the rows come from src/db/projects.
 */
import {
  formatFinancialYear,
  formatMoney,
  quarterName,
  varianceText,
  varianceWords,
  type Pence,
} from './money.ts';
import { recurrenceNames, type Recurrence } from './vocabulary.ts';

export interface SpendRow {
  quarter: number;
  plannedPence: Pence | null;
  actualPence: Pence | null;
}

export interface BudgetLineRows {
  id: number;
  projectId: number | null;
  fundingSource: string;
  recurrence: Recurrence;
  financialYear: string;
  plannedPence: Pence;
  description: string;
  spend: readonly SpendRow[];
}

export interface QuarterView {
  quarter: string;
  planned: string;
  actual: string;
  /** Planned minus actual, signed; empty until the quarter has both. */
  variance: string;
  varianceWords: string;
}

export interface BudgetTotals {
  /** The lines' planned sums for their years. */
  plannedPence: Pence;
  /** Spend recorded so far. */
  actualPence: Pence;
  /** Planned for the quarters whose spend is recorded: what the actual is compared with. */
  plannedToDatePence: Pence;
}

export function lineTotals(line: Pick<BudgetLineRows, 'plannedPence' | 'spend'>): BudgetTotals {
  let actualPence = 0;
  let plannedToDatePence = 0;
  for (const s of line.spend) {
    if (s.actualPence === null) continue;
    actualPence += s.actualPence;
    plannedToDatePence += s.plannedPence ?? 0;
  }
  return { plannedPence: line.plannedPence, actualPence, plannedToDatePence };
}

export function sumTotals(lines: readonly Pick<BudgetLineRows, 'plannedPence' | 'spend'>[]): BudgetTotals {
  return lines.map(lineTotals).reduce(
    (a, b) => ({
      plannedPence: a.plannedPence + b.plannedPence,
      actualPence: a.actualPence + b.actualPence,
      plannedToDatePence: a.plannedToDatePence + b.plannedToDatePence,
    }),
    { plannedPence: 0, actualPence: 0, plannedToDatePence: 0 },
  );
}

/** The four quarters of a line, in order, with planned, actual and variance in words. */
export function quarterViews(line: Pick<BudgetLineRows, 'spend'>): QuarterView[] {
  return [1, 2, 3, 4].map((q) => {
    const s = line.spend.find((r) => r.quarter === q);
    const planned = s?.plannedPence ?? null;
    const actual = s?.actualPence ?? null;
    const both = planned !== null && actual !== null;
    return {
      quarter: quarterName(q),
      planned: planned === null ? 'Not planned by quarter' : formatMoney(planned),
      actual: actual === null ? 'Not recorded' : formatMoney(actual),
      variance: both ? varianceText(planned, actual) : '',
      varianceWords: both ? varianceWords(planned, actual) : '',
    };
  });
}

/** One line in words, as the papers print it: "Council budget, recurrent, 2017/18: £6,000,000". */
export function lineSummary(
  line: Pick<BudgetLineRows, 'fundingSource' | 'recurrence' | 'financialYear' | 'plannedPence'>,
): string {
  return `${line.fundingSource}, ${recurrenceNames[line.recurrence].toLowerCase()}, ${formatFinancialYear(line.financialYear)}: ${formatMoney(line.plannedPence)}`;
}

/** What has been spent against what was planned for the quarters recorded, in words. */
export function spendSummary(totals: BudgetTotals): string {
  if (totals.actualPence === 0 && totals.plannedToDatePence === 0) return 'No spend recorded yet';
  return `${formatMoney(totals.actualPence)} spent against ${formatMoney(totals.plannedToDatePence)} planned for the same quarters: ${varianceWords(totals.plannedToDatePence, totals.actualPence).toLowerCase()}`;
}
