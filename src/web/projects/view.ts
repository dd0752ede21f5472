import type { BudgetLineRow, ProjectRow } from '../../db/projects/queries.ts';
import type { CouncilRagStatus } from '../../domain/council-rag-scale.ts';
import { lineTotals, quarterViews, spendSummary } from '../../domain/projects/budget.ts';
import { formatFinancialYear, formatMoney } from '../../domain/projects/money.ts';
import { ragTitle } from '../../domain/rag-scale.ts';
import { recurrenceNames } from '../../domain/projects/vocabulary.ts';

/* Projects and budget lines as the pages show them: sums in pounds, variance in words. */

/** A stored RAG code through the council's scale; a code the scale no longer has still reads. */
export function ragOf(code: string | null, scale: readonly CouncilRagStatus[]) {
  if (code === null) return null;
  const status = scale.find((s) => s.code === code);
  return { code, label: status ? ragTitle(status) : code, definition: status?.definition ?? '' };
}

export function projectListRow(p: ProjectRow, scale: readonly CouncilRagStatus[]) {
  return {
    ...p,
    ragStatus: ragOf(p.rag, scale),
    planned: formatMoney(p.budget.plannedPence),
    actual: formatMoney(p.budget.actualPence),
  };
}

export function budgetLineView(line: BudgetLineRow) {
  const totals = lineTotals(line);
  return {
    id: line.id,
    projectTitle: line.projectTitle,
    fundingSource: line.fundingSource,
    recurrence: recurrenceNames[line.recurrence],
    financialYear: formatFinancialYear(line.financialYear),
    planned: formatMoney(line.plannedPence),
    actual: formatMoney(totals.actualPence),
    description: line.description,
    quarters: quarterViews(line),
    hasQuarters: line.spend.length > 0,
    spend: spendSummary(totals),
  };
}
