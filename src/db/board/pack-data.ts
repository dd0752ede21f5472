import { eq } from 'drizzle-orm';
import type { CouncilRagStatus } from '../../domain/council-rag-scale.ts';
import { loadRagScale } from './rag-scale.ts';
import { loadReportDetails, type ReportDetailRows } from './report-detail.ts';
import { listMeetingReports, type MeetingContext, type ReportRow } from './queries.ts';
import type { Db } from '../client.ts';
import { getRiskSettings, prioritiesOf, risksAboveThreshold } from '../risks/queries.ts';
import type { RiskDirection, RiskRating } from '../../domain/risks/scoring.ts';
import { organisations } from '../schema.ts';
import { listMilestones, listProjects } from '../projects/queries.ts';
import type { MilestoneStatus, ProjectKind } from '../../domain/projects/vocabulary.ts';
import type { BudgetTotals } from '../../domain/projects/budget.ts';
import type { PlanKind } from '../../domain/plan.ts';
import type { ExpectationStatus, ExpectationStrength } from '../../domain/programmes/expectations.ts';
import { listExpectations } from '../programmes/queries.ts';
import type { Plan } from '../plan/queries.ts';

/*
 * The rows a meeting's board pack is made from. The pack itself (RAG codes read through the
 * council's scale, direction of travel, the evidence check) is assembled in
 * src/reports/board-pack/assemble.ts.
 */

export interface BoardPackRows {
  council: string;
  board: string;
  meetingOn: string;
  /** The plan's title, when the meeting has a plan. */
  planTitle: string | null;
  scale: CouncilRagStatus[];
  reports: (ReportRow & { detail: ReportDetailRows })[];
  risks?: { threshold: number; rows: PackRisk[] };
  projects?: PackProject[];
  /** The plan's expectations, when it is a reform programme. */
  expectations?: PackExpectation[];
  /** Each plan the pack covers, the board's first; only when the meeting covers more than one. */
  parts?: PackPart[];
}

export interface PackPart {
  planTitle: string;
  planKind: PlanKind;
  reports: BoardPackRows['reports'];
  risks: { threshold: number; rows: PackRisk[] };
  projects: PackProject[];
  expectations?: PackExpectation[];
}

export interface PackProject {
  title: string;
  kind: ProjectKind;
  phase: string;
  leadDisplayName: string;
  priorityNumbers: number[];
  rag: string | null;
  ragReason: string;
  milestones: { title: string; dueOn: string | null; status: MilestoneStatus; completedOn: string | null }[];
  budget: BudgetTotals;
}

export interface PackRisk {
  title: string;
  ownerDisplayName: string;
  priorityNumbers: number[];
  inherent: RiskRating;
  residual: RiskRating;
  direction: RiskDirection;
  controls: string;
  nextReviewOn: string | null;
}

export async function loadBoardPackRows(
  db: Db,
  organisationId: number,
  ctx: MeetingContext,
  today: string,
): Promise<BoardPackRows> {
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const scale = await loadRagScale(db, organisationId);
  const rows = await listMeetingReports(db, ctx.meeting.id);
  const details = await loadReportDetails(db, {
    reports: rows.map((row) => row.report),
    meetingOn: ctx.meeting.meetingOn,
    today,
  });
  const reports = rows.map((row, i) => ({ ...row, detail: details[i]! }));
  const common = {
    council: organisation?.name ?? '',
    board: ctx.board.name,
    meetingOn: ctx.meeting.meetingOn,
    planTitle: ctx.plan?.title ?? null,
    scale,
  };
  if (!ctx.plan) return { ...common, reports };
  const others = new Set(ctx.otherPlans.map((p) => p.id));
  // The board's own plan also takes any report whose priority is in none of the plans (an import's).
  const partOf = async (plan: Plan, own: boolean): Promise<PackPart> => ({
    planTitle: plan.title,
    planKind: plan.kind,
    reports: reports.filter((r) => (own ? !others.has(r.priority.planId) : r.priority.planId === plan.id)),
    risks: await loadPackRisks(db, organisationId, plan.id),
    projects: await loadPackProjects(db, organisationId, plan.id),
    ...(plan.kind === 'reform-programme'
      ? { expectations: await loadPackExpectations(db, organisationId, plan.id) }
      : {}),
  });
  const parts = [
    await partOf(ctx.plan, true),
    ...(await Promise.all(ctx.otherPlans.map((plan) => partOf(plan, false)))),
  ];
  const [lead] = parts;
  return {
    ...common,
    reports,
    risks: lead!.risks,
    projects: lead!.projects,
    ...(lead!.expectations ? { expectations: lead!.expectations } : {}),
    ...(parts.length > 1 ? { parts } : {}),
  };
}

export interface PackExpectation {
  text: string;
  strength: ExpectationStrength;
  reference: string;
  status: ExpectationStatus;
  evidence: string;
  commitments: string[];
  measures: string[];
}

/** A reform programme's checklist with the commitment and measure each cites, by name. */
async function loadPackExpectations(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<PackExpectation[]> {
  const rows = await listExpectations(db, organisationId, planId);
  return rows.map((e) => ({
    text: e.text,
    strength: e.strength,
    reference: e.reference,
    status: e.status,
    evidence: e.evidence,
    commitments: e.commitmentText === null ? [] : [e.commitmentText],
    measures: e.measureName === null ? [] : [e.measureName],
  }));
}

/** The register as the board sees it: open risks at or above the council's threshold. */
async function loadPackRisks(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<{ threshold: number; rows: PackRisk[] }> {
  const { settings } = await getRiskSettings(db, organisationId);
  const above = await risksAboveThreshold(db, organisationId, planId);
  const numbers = new Map((await prioritiesOf(db, planId)).map((p) => [p.id, p.number]));
  return {
    threshold: settings.threshold,
    rows: above.map((r) => ({
      title: r.title,
      ownerDisplayName: r.ownerDisplayName,
      priorityNumbers: r.priorityIds.flatMap((id) => numbers.get(id) ?? []).sort((a, b) => a - b),
      inherent: r.inherent,
      residual: r.residual,
      direction: r.direction,
      controls: r.controls,
      nextReviewOn: r.nextReviewOn,
    })),
  };
}

/** The plan's projects as the board reads them: status, milestones and money. */
async function loadPackProjects(db: Db, organisationId: number, planId: number): Promise<PackProject[]> {
  const rows = await listProjects(db, organisationId, { planId });
  const numbers = new Map((await prioritiesOf(db, planId)).map((p) => [p.id, p.number]));
  return Promise.all(
    rows.map(async (p) => ({
      title: p.title,
      kind: p.kind,
      phase: p.phase,
      leadDisplayName: p.leadDisplayName,
      priorityNumbers: p.priorityIds.flatMap((id) => numbers.get(id) ?? []).sort((a, b) => a - b),
      rag: p.rag,
      ragReason: p.ragReason,
      milestones: (await listMilestones(db, p.id)).map((m) => ({
        title: m.title,
        dueOn: m.dueOn,
        status: m.status,
        completedOn: m.completedOn,
      })),
      budget: p.budget,
    })),
  );
}
