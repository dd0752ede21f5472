import type { FrameworkTag } from '../../domain/national-framework.ts';
import { packScale, type CouncilRagStatus } from '../../domain/council-rag-scale.ts';
import { checkReportEvidence, latestWithPeriod, type ReportEvidence } from '../../domain/evidence-check.ts';
import { findStatus, ragDirection } from '../../domain/rag-scale.ts';
import { itemsToTree, type DetailArea } from '../../domain/report-items.ts';
import type { ReportState } from '../../domain/workflows/highlight-report.ts';
import { formatDate } from '../../domain/format.ts';
import type { ActionStatus } from '../../domain/meetings/vocabulary.ts';
import type { RiskDirection, RiskRating } from '../../domain/risks/scoring.ts';
import { riskBandNames, riskDirectionNames } from '../../domain/risks/words.ts';
import type {
  BoardPack,
  BoardPackAction,
  BoardPackPart,
  BoardPackPriority,
  BoardPackProject,
  BoardPackRisks,
  Direction,
  MeasureRating,
} from './types.ts';
import { planKindNames, type PlanKind } from '../../domain/plan.ts';
import { packExpectations, type PackExpectationRows } from './expectations.ts';
import { spendSummary, type BudgetTotals } from '../../domain/projects/budget.ts';
import { formatMoney } from '../../domain/projects/money.ts';
import {
  milestoneStatusNames,
  projectKindNames,
  type MilestoneStatus,
  type ProjectKind,
} from '../../domain/projects/vocabulary.ts';

/*
 * A meeting's reports as the board pack renderers take them. Stored RAG values may be a code
 * ("amber") or a word as imported ("Amber"); both are read through the council's scale so the pack
 * shows the council's own wording. Pure: the rows come from src/db/board (loadBoardPackRows).
 */

export interface PackReportRows {
  report: {
    previousRag: string | null;
    currentRag: string | null;
    reason: string;
    completedBy: string;
    state: ReportState;
  };
  priority: { number: number; title: string; ambition: string; frameworkOutcome?: FrameworkTag };
  assignee: string;
  detail: Omit<ReportEvidence, 'areas' | 'measures'> & {
    areas: readonly DetailArea[];
    measures: readonly {
      id: number;
      name: string;
      latest: string;
      latestPeriod?: string;
      target?: string;
      rating: MeasureRating;
      direction: string;
      narrative: string;
      offTarget: boolean;
    }[];
  };
}

/** An open risk above the council's threshold, as src/db/risks rates it. */
export interface PackRiskRows {
  title: string;
  ownerDisplayName: string;
  priorityNumbers: readonly number[];
  inherent: RiskRating;
  residual: RiskRating;
  direction: RiskDirection;
  controls: string;
  nextReviewOn: string | null;
}

/** A project of the plan, as src/db/projects reads it. */
export interface PackProjectRows {
  title: string;
  kind: ProjectKind;
  phase: string;
  leadDisplayName: string;
  priorityNumbers: readonly number[];
  rag: string | null;
  ragReason: string;
  milestones: readonly {
    title: string;
    dueOn: string | null;
    status: MilestoneStatus;
    completedOn: string | null;
  }[];
  budget: BudgetTotals;
}

export interface PackRows {
  council: string;
  board: string;
  meetingOn: string;
  planTitle: string | null;
  scale: readonly CouncilRagStatus[];
  reports: readonly PackReportRows[];
  /** Absent when the meeting has no plan: there is no register to read. */
  risks?: { threshold: number; rows: readonly PackRiskRows[] };
  /** The action log's rows (src/db/meetings loadActionLogRows); absent, the pack has no action log. */
  actions?: readonly PackActionRow[];
  /** The plan's projects; absent when the meeting has no plan. */
  projects?: readonly PackProjectRows[];
  /** A reform programme's expectations; absent for an improvement plan. */
  expectations?: readonly PackExpectationRows[];
  /**
   * Each plan the meeting's pack covers, the board's own first, with its own reports and sections.
   * With more than one, the pack is made of parts and the fields above (but the action log) are unused.
   */
  parts?: readonly PackPartRows[];
}

export interface PackPartRows {
  planTitle: string;
  planKind: PlanKind;
  reports: readonly PackReportRows[];
  risks?: { threshold: number; rows: readonly PackRiskRows[] };
  projects?: readonly PackProjectRows[];
  expectations?: readonly PackExpectationRows[];
}

export interface PackActionRow {
  raisedOn: string;
  itemTitle: string | null;
  description: string;
  ownerDisplayName: string;
  dueOn: string | null;
  status: ActionStatus;
  closedOn: string | null;
  updates: readonly { updatedOn: string; text: string }[];
}

function packAction(a: PackActionRow): BoardPackAction {
  const latest = a.updates.at(-1);
  return {
    raisedOn: a.raisedOn,
    ...(a.itemTitle ? { item: a.itemTitle } : {}),
    description: a.description,
    owner: a.ownerDisplayName,
    ...(a.dueOn ? { dueDate: a.dueOn } : {}),
    status: a.status,
    ...(a.closedOn ? { closedOn: a.closedOn } : {}),
    ...(latest ? { latestUpdate: { date: latest.updatedOn, text: latest.text } } : {}),
  };
}

export function assembleBoardPack(rows: PackRows, options: { generatedAt: Date }): BoardPack {
  const priorities = (reports: readonly PackReportRows[]) => packPriorities(reports, rows.scale);
  // A pack covering several plans puts each in its own part; one plan keeps the pack as it always was.
  const parts: BoardPackPart[] | undefined =
    rows.parts && rows.parts.length > 1
      ? rows.parts.map((part) => ({
          title: part.planTitle,
          kind: planKindNames[part.planKind],
          priorities: priorities(part.reports),
          ...(part.risks ? { risks: packRisks(part.risks) } : {}),
          ...(part.projects ? { projects: part.projects.map(packProject) } : {}),
          ...(part.expectations ? { expectations: packExpectations(part.expectations) } : {}),
        }))
      : undefined;
  return withUnknownStatuses({
    council: rows.council,
    board: rows.board,
    meeting: { date: rows.meetingOn, title: `${rows.planTitle ?? rows.board} Highlight Report` },
    generatedAt: options.generatedAt.toISOString(),
    ragScale: packScale(rows.scale),
    priorities: parts ? [] : priorities(rows.reports),
    ...(!parts && rows.risks ? { risks: packRisks(rows.risks) } : {}),
    ...(!parts && rows.projects ? { projects: rows.projects.map(packProject) } : {}),
    ...(!parts && rows.expectations ? { expectations: packExpectations(rows.expectations) } : {}),
    ...(rows.actions ? { actionLog: rows.actions.map(packAction) } : {}),
    ...(parts ? { parts } : {}),
  });
}

function packPriorities(
  reports: readonly PackReportRows[],
  scale: readonly CouncilRagStatus[],
): BoardPackPriority[] {
  const code = (value: string | null) => (value ? (findStatus(scale, value)?.code ?? value) : undefined);
  return reports.map((row) => {
    const previousRag = code(row.report.previousRag);
    const currentRag = code(row.report.currentRag);
    const direction: Direction =
      previousRag === undefined && currentRag !== undefined
        ? 'new'
        : ragDirection(previousRag, currentRag, scale);
    return {
      number: row.priority.number,
      title: row.priority.title,
      ...(row.priority.ambition ? { ambition: row.priority.ambition } : {}),
      sponsor: row.assignee,
      ...(previousRag ? { previousRag } : {}),
      ...(currentRag ? { currentRag } : {}),
      direction,
      reason: row.report.reason,
      completedBy: row.report.completedBy,
      state: row.report.state,
      areas: row.detail.areas.map((a) => ({
        title: a.title,
        progress: itemsToTree(a.progress),
        nextPeriod: itemsToTree(a.nextPeriod),
      })),
      ...(row.priority.frameworkOutcome ? { frameworkOutcome: row.priority.frameworkOutcome } : {}),
      evidenceWarnings: checkReportEvidence(row.detail, scale),
      measures: row.detail.measures.map((m) => ({
        name: m.name,
        latest: latestWithPeriod(m),
        ...(m.target ? { target: m.target } : {}),
        rating: m.rating,
        direction: m.direction,
        narrative: m.narrative,
      })),
    };
  });
}

function packProject(p: PackProjectRows): BoardPackProject {
  return {
    title: p.title,
    kind: projectKindNames[p.kind],
    phase: p.phase,
    lead: p.leadDisplayName,
    priorities: p.priorityNumbers.join(', '),
    ...(p.rag ? { rag: p.rag } : {}),
    reason: p.ragReason,
    milestones: p.milestones.map((m) => ({
      title: m.title,
      due: m.dueOn ? formatDate(m.dueOn) : '',
      status: milestoneStatusNames[m.status],
      completed: m.completedOn ? formatDate(m.completedOn) : '',
    })),
    investment:
      p.budget.plannedPence === 0 && p.budget.actualPence === 0
        ? 'No budget lines.'
        : `${formatMoney(p.budget.plannedPence)} planned. ${spendSummary(p.budget)}.`,
  };
}

function packRisks(risks: NonNullable<PackRows['risks']>): BoardPackRisks {
  const scored = (r: RiskRating) => `${r.score} (${riskBandNames[r.band]})`;
  return {
    threshold: risks.threshold,
    items: risks.rows.map((r) => ({
      title: r.title,
      owner: r.ownerDisplayName,
      priorities: r.priorityNumbers.join(', '),
      beforeControls: scored(r.inherent),
      afterControls: scored(r.residual),
      direction: riskDirectionNames[r.direction],
      controls: r.controls,
      nextReview: r.nextReviewOn ? formatDate(r.nextReviewOn) : '',
    })),
  };
}

/** Codes the pack's scale does not know (a council's old local status) still get an entry, uncoloured. */
export function withUnknownStatuses(pack: BoardPack): BoardPack {
  const known = new Set(pack.ragScale.map((s) => s.code));
  const extra = [
    ...new Set(
      [...pack.priorities, ...(pack.parts ?? []).flatMap((part) => part.priorities)]
        .flatMap((p) => [p.previousRag, p.currentRag])
        .filter((c): c is string => !!c && !known.has(c)),
    ),
  ];
  return {
    ...pack,
    ragScale: [
      ...pack.ragScale,
      ...extra.map((c) => ({
        code: c,
        label: c,
        definition: 'A status no longer in the council’s RAG scale.',
        colour: '#b1b4b6',
      })),
    ],
  };
}
