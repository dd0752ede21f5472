import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { DbOrTx } from '../changes.ts';
import { users } from '../people/schema.ts';
import { plans, priorities } from '../plan/schema.ts';
import {
  sumTotals,
  type BudgetLineRows,
  type BudgetTotals,
  type SpendRow,
} from '../../domain/projects/budget.ts';
import { budgetLines, budgetSpend, projectMilestones, projects } from './schema.ts';

/* Reads of projects, milestones and budget lines. Every lookup by id joins to the plan's council. */

export type Project = typeof projects.$inferSelect;
export type Milestone = typeof projectMilestones.$inferSelect;
export type BudgetLine = typeof budgetLines.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

export interface BudgetLineRow extends BudgetLine, BudgetLineRows {
  spend: SpendRow[];
  /** The project's title; empty for a line of the whole plan. */
  projectTitle: string;
}

export interface ProjectRow extends Project {
  leadDisplayName: string;
  budget: BudgetTotals;
  milestoneCount: number;
}

const leadDisplayName = sql<string>`coalesce(${users.name}, ${projects.leadName})`;

async function spendOf(db: DbOrTx, lineIds: readonly number[]): Promise<Map<number, SpendRow[]>> {
  const rows = lineIds.length
    ? await db
        .select()
        .from(budgetSpend)
        .where(inArray(budgetSpend.budgetLineId, [...lineIds]))
        .orderBy(asc(budgetSpend.quarter))
    : [];
  const byLine = new Map<number, SpendRow[]>();
  for (const r of rows) {
    const list = byLine.get(r.budgetLineId) ?? [];
    list.push({ quarter: r.quarter, plannedPence: r.plannedPence, actualPence: r.actualPence });
    byLine.set(r.budgetLineId, list);
  }
  return byLine;
}

/** The budget lines of a plan (or of its one project), each with its quarters, in year order. */
export async function listBudgetLines(
  db: DbOrTx,
  organisationId: number,
  planId: number,
  options: { projectId?: number } = {},
): Promise<BudgetLineRow[]> {
  const rows = await db
    .select({ line: budgetLines, projectTitle: sql<string>`coalesce(${projects.title}, '')` })
    .from(budgetLines)
    .innerJoin(plans, eq(plans.id, budgetLines.planId))
    .leftJoin(projects, eq(projects.id, budgetLines.projectId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        eq(budgetLines.planId, planId),
        options.projectId === undefined ? undefined : eq(budgetLines.projectId, options.projectId),
      ),
    )
    .orderBy(asc(budgetLines.financialYear), asc(budgetLines.id));
  const spend = await spendOf(
    db,
    rows.map((r) => r.line.id),
  );
  return rows.map((r) => ({ ...r.line, projectTitle: r.projectTitle, spend: spend.get(r.line.id) ?? [] }));
}

/** The council's projects, or one plan's, in the order they were added. */
export async function listProjects(
  db: Db,
  organisationId: number,
  options: { planId?: number } = {},
): Promise<ProjectRow[]> {
  const rows = await db
    .select({ project: projects, leadDisplayName })
    .from(projects)
    .innerJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(users, eq(users.id, projects.leadUserId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        options.planId === undefined ? undefined : eq(projects.planId, options.planId),
      ),
    )
    .orderBy(asc(projects.id));
  const ids = rows.map((r) => r.project.id);
  const lines = ids.length
    ? await db.select().from(budgetLines).where(inArray(budgetLines.projectId, ids))
    : [];
  const spend = await spendOf(
    db,
    lines.map((l) => l.id),
  );
  const counts = ids.length
    ? await db
        .select({ projectId: projectMilestones.projectId, n: sql<number>`count(*)::int` })
        .from(projectMilestones)
        .where(inArray(projectMilestones.projectId, ids))
        .groupBy(projectMilestones.projectId)
    : [];
  return rows.map((r) => ({
    ...r.project,
    leadDisplayName: r.leadDisplayName,
    budget: sumTotals(
      lines
        .filter((l) => l.projectId === r.project.id)
        .map((l) => ({ plannedPence: l.plannedPence, spend: spend.get(l.id) ?? [] })),
    ),
    milestoneCount: counts.find((c) => c.projectId === r.project.id)?.n ?? 0,
  }));
}

export interface LinkedPriority {
  id: number;
  number: number;
  title: string;
}

export interface ProjectContext {
  project: Project & { leadDisplayName: string };
  plan: PlanRow;
  priorities: LinkedPriority[];
  milestones: Milestone[];
  budgetLines: BudgetLineRow[];
}

export async function getProject(
  db: Db,
  organisationId: number,
  projectId: number,
): Promise<ProjectContext | null> {
  const [row] = await db
    .select({ project: projects, plan: plans, leadDisplayName })
    .from(projects)
    .innerJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(users, eq(users.id, projects.leadUserId))
    .where(and(eq(projects.id, projectId), eq(plans.organisationId, organisationId)));
  if (!row) return null;
  const { priorityIds } = row.project;
  const [linkedPriorities, milestones, lines] = await Promise.all([
    priorityIds.length
      ? db
          .select({ id: priorities.id, number: priorities.number, title: priorities.title })
          .from(priorities)
          .where(and(eq(priorities.planId, row.plan.id), inArray(priorities.id, priorityIds)))
          .orderBy(asc(priorities.number))
      : [],
    listMilestones(db, projectId),
    listBudgetLines(db, organisationId, row.plan.id, { projectId }),
  ]);
  return {
    project: { ...row.project, leadDisplayName: row.leadDisplayName },
    plan: row.plan,
    priorities: linkedPriorities,
    milestones,
    budgetLines: lines,
  };
}

/** A project's milestones, soonest due first (undated ones last). */
export async function listMilestones(db: Db, projectId: number): Promise<Milestone[]> {
  return db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(sql`${projectMilestones.dueOn} asc nulls last`, asc(projectMilestones.id));
}

export async function getMilestone(db: Db, organisationId: number, milestoneId: number) {
  const [row] = await db
    .select({ milestone: projectMilestones, project: projects, plan: plans })
    .from(projectMilestones)
    .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .innerJoin(plans, eq(plans.id, projects.planId))
    .where(and(eq(projectMilestones.id, milestoneId), eq(plans.organisationId, organisationId)));
  return row ?? null;
}

export async function getBudgetLine(db: Db, organisationId: number, lineId: number) {
  const [row] = await db
    .select({ line: budgetLines, plan: plans })
    .from(budgetLines)
    .innerJoin(plans, eq(plans.id, budgetLines.planId))
    .where(and(eq(budgetLines.id, lineId), eq(plans.organisationId, organisationId)));
  if (!row) return null;
  const [project] = row.line.projectId
    ? await db.select().from(projects).where(eq(projects.id, row.line.projectId))
    : [];
  return { ...row, project: project ?? null };
}

/** The plan's priorities a project may serve (archived ones included, so an old link still reads). */
export async function projectPriorityChoices(db: Db, planId: number) {
  return db
    .select({ id: priorities.id, number: priorities.number, title: priorities.title })
    .from(priorities)
    .where(eq(priorities.planId, planId))
    .orderBy(asc(priorities.number));
}

/** What a budget file is checked against: the council's projects with their lines, by title. */
export async function budgetLoadTargets(db: DbOrTx, organisationId: number) {
  const rows = await db
    .select({
      projectId: projects.id,
      title: projects.title,
      planTitle: plans.title,
      lineId: budgetLines.id,
      financialYear: budgetLines.financialYear,
      fundingSource: budgetLines.fundingSource,
    })
    .from(projects)
    .innerJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(budgetLines, eq(budgetLines.projectId, projects.id))
    .where(eq(plans.organisationId, organisationId))
    .orderBy(asc(projects.id), asc(budgetLines.id));
  const byProject = new Map<
    number,
    {
      id: number;
      title: string;
      planTitle: string;
      lines: { id: number; financialYear: string; fundingSource: string }[];
    }
  >();
  for (const r of rows) {
    const p = byProject.get(r.projectId) ?? {
      id: r.projectId,
      title: r.title,
      planTitle: r.planTitle,
      lines: [],
    };
    if (r.lineId !== null)
      p.lines.push({
        id: r.lineId,
        financialYear: r.financialYear ?? '',
        fundingSource: r.fundingSource ?? '',
      });
    byProject.set(r.projectId, p);
  }
  return [...byProject.values()];
}
