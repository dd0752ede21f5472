/*
 * The Cabinet report's content, assembled from the rows the database returns for the quarter it
 * covers: the plan's progress, that quarter's approved highlight reports, the scorecard and the
 * consultation summarised by theme. Pure: no I/O.
 */
import { coverOf, type CommitteeCover } from '../../domain/publishing/committee-cover.ts';
import type { CabinetReport } from './types.ts';
import { lineTotals, sumTotals, type BudgetLineRows } from '../../domain/projects/budget.ts';
import { formatFinancialYear, formatMoney } from '../../domain/projects/money.ts';
import { recurrenceNames } from '../../domain/projects/vocabulary.ts';

export interface CabinetReportRows {
  report: CommitteeCover & {
    quarterLabel: string;
    quarterStart: string;
    quarterEnd: string;
  };
  council: { name: string } | null;
  plan: { title: string } | null;
  /** In plan order. */
  priorities: readonly { id: number; number: number; title: string }[];
  commitments: readonly { id: number; priorityId: number; status: string }[];
  /** "We did" achieved in the quarter, in date order. */
  achieved: readonly { commitmentId: number; text: string }[];
  /** Approved highlight reports for meetings in the quarter, in meeting order. */
  highlights: readonly {
    id: number;
    priorityId: number;
    meetingOn: string;
    currentRag: string | null;
    currentRagDefinition: string | null;
    reason: string;
  }[];
  /** Top-level progress items of those reports, in order. */
  progressItems: readonly { reportId: number; text: string }[];
  measures: readonly {
    name: string;
    latest: string;
    latestPeriod?: string;
    target?: string;
    direction: string;
  }[];
  consultation: {
    title: string;
    responses: number;
    themes: readonly { id: number; name: string; summary: string; responses: number }[];
  } | null;
  recipients: readonly { meeting: string; receivedOn: string | null }[];
  /** The plan's budget lines with their quarters; absent, the report has no investment table. */
  budgetLines?: readonly (BudgetLineRows & { projectTitle: string })[];
}

export function assembleCabinetReport(rows: CabinetReportRows, publicUrl: string): CabinetReport {
  const { report } = rows;
  return {
    council: rows.council?.name ?? '',
    planTitle: rows.plan?.title ?? '',
    quarter: { label: report.quarterLabel, start: report.quarterStart, end: report.quarterEnd },
    cover: coverOf(report),
    priorities: rows.priorities.map((p) => {
      const mine = rows.commitments.filter((c) => c.priorityId === p.id);
      const mineIds = new Set(mine.map((c) => c.id));
      return {
        number: p.number,
        title: p.title,
        total: mine.length,
        done: mine.filter((c) => c.status === 'done').length,
        inProgress: mine.filter((c) => c.status === 'in-progress').length,
        notStarted: mine.filter((c) => c.status === 'not-started').length,
        achievedThisQuarter: rows.achieved.filter((o) => mineIds.has(o.commitmentId)).map((o) => o.text),
      };
    }),
    highlights: rows.highlights.flatMap((r) => {
      const priority = rows.priorities.find((p) => p.id === r.priorityId);
      if (!priority) return [];
      return [
        {
          priorityNumber: priority.number,
          priorityTitle: priority.title,
          meetingOn: r.meetingOn,
          status: [r.currentRag, r.currentRagDefinition].filter(Boolean).join(' '),
          reason: r.reason,
          progress: rows.progressItems.filter((i) => i.reportId === r.id).map((i) => i.text),
        },
      ];
    }),
    measures: rows.measures.map((m) => ({
      name: m.name,
      latest: m.latest,
      period: m.latestPeriod ?? '',
      target: m.target ?? '',
      direction: m.direction,
    })),
    consultation: rows.consultation
      ? {
          title: rows.consultation.title,
          responses: rows.consultation.responses,
          themes: rows.consultation.themes.map((t) => ({
            name: t.name,
            summary: t.summary,
            responses: t.responses,
          })),
        }
      : null,
    recipients: rows.recipients.map((r) => ({ meeting: r.meeting, receivedOn: r.receivedOn })),
    publicUrl,
    ...(rows.budgetLines ? { investment: investmentOf(rows.budgetLines) } : {}),
  };
}

function investmentOf(
  lines: NonNullable<CabinetReportRows['budgetLines']>,
): NonNullable<CabinetReport['investment']> {
  const of = (kind: 'recurrent' | 'non-recurrent') =>
    formatMoney(sumTotals(lines.filter((l) => l.recurrence === kind)).plannedPence);
  return {
    lines: lines.map((l) => ({
      project: l.projectTitle,
      fundingSource: l.fundingSource,
      recurrence: recurrenceNames[l.recurrence],
      financialYear: formatFinancialYear(l.financialYear),
      planned: formatMoney(l.plannedPence),
      spent: formatMoney(lineTotals(l).actualPence),
      description: l.description,
    })),
    recurrent: of('recurrent'),
    nonRecurrent: of('non-recurrent'),
    spent: formatMoney(sumTotals(lines).actualPence),
  };
}
