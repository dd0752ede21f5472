import type { PublicInvestment } from '../../domain/publishing/snapshot.ts';
import { formatFinancialYear, formatMoney } from '../../domain/projects/money.ts';
import { recurrenceNames, type Recurrence } from '../../domain/projects/vocabulary.ts';

/* The published investment in words and tables; null when the publication carries none. */
export function investmentView(investment: PublicInvestment | undefined) {
  if (!investment) return null;
  const recurrence = (r: string) => recurrenceNames[r as Recurrence] ?? r;
  return {
    planned: formatMoney(investment.plannedPence),
    actual: formatMoney(investment.actualPence),
    projects: investment.projects.map((p) => [
      { text: p.title },
      { text: p.phase || p.kind },
      { text: formatMoney(p.plannedPence), format: 'numeric' },
      { text: formatMoney(p.actualPence), format: 'numeric' },
    ]),
    lines: investment.lines.map((l) => [
      { text: l.project || 'The whole plan' },
      { text: l.fundingSource },
      { text: recurrence(l.recurrence) },
      { text: formatFinancialYear(l.financialYear) },
      { text: formatMoney(l.plannedPence), format: 'numeric' },
      { text: formatMoney(l.actualPence), format: 'numeric' },
    ]),
  };
}
