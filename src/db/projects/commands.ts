import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  insertRecord,
  recordChange,
  updateRecord,
  type Actor,
  type SaveResult,
  type Tx,
} from '../changes.ts';
import type { MilestoneStatus, ProjectKind, Recurrence } from '../../domain/projects/vocabulary.ts';
import type { BudgetSpendRow } from '../../domain/projects/budget-load.ts';
import type { BudgetLine, Milestone, Project } from './queries.ts';
import { budgetLines, budgetSpend, projectMilestones, projects } from './schema.ts';

/* Every change to projects, milestones and budget lines, each with its change-history row in the same transaction. */

export type { Actor, SaveResult } from '../changes.ts';

export interface ProjectInput {
  title: string;
  kind: ProjectKind;
  phase: string;
  purpose: string;
  leadUserId: number | null;
  leadName: string;
  priorityIds: number[];
  measureIds: number[];
  rag: string | null;
  ragReason: string;
}

export interface MilestoneInput {
  title: string;
  dueOn: string | null;
  status: MilestoneStatus;
  completedOn: string | null;
}

export interface BudgetLineInput {
  projectId: number | null;
  fundingSource: string;
  recurrence: Recurrence;
  financialYear: string;
  plannedPence: number;
  description: string;
}

export async function createProject(
  db: Db,
  plan: { id: number; organisationId: number },
  input: ProjectInput,
  actor: Actor,
): Promise<Project> {
  return insertRecord(db, projects, 'project', plan.organisationId, { ...input, planId: plan.id }, actor);
}

export async function updateProject(
  db: Db,
  ctx: { plan: { organisationId: number }; project: Project },
  expectedVersion: number,
  input: ProjectInput,
  actor: Actor,
): Promise<SaveResult<Project>> {
  return updateRecord(
    db,
    projects,
    'project',
    ctx.plan.organisationId,
    ctx.project.id,
    expectedVersion,
    input,
    actor,
  );
}

export async function createMilestone(
  db: Db,
  ctx: { plan: { organisationId: number }; project: { id: number } },
  input: MilestoneInput,
  actor: Actor,
): Promise<Milestone> {
  return insertRecord(
    db,
    projectMilestones,
    'milestone',
    ctx.plan.organisationId,
    { ...input, projectId: ctx.project.id },
    actor,
  );
}

export async function updateMilestone(
  db: Db,
  ctx: { plan: { organisationId: number }; milestone: Milestone },
  expectedVersion: number,
  input: MilestoneInput,
  actor: Actor,
): Promise<SaveResult<Milestone>> {
  return updateRecord(
    db,
    projectMilestones,
    'milestone',
    ctx.plan.organisationId,
    ctx.milestone.id,
    expectedVersion,
    input,
    actor,
  );
}

export async function createBudgetLine(
  db: Db,
  plan: { id: number; organisationId: number },
  input: BudgetLineInput,
  actor: Actor,
): Promise<BudgetLine> {
  return insertRecord(
    db,
    budgetLines,
    'budget-line',
    plan.organisationId,
    { ...input, planId: plan.id },
    actor,
  );
}

export async function updateBudgetLine(
  db: Db,
  ctx: { plan: { organisationId: number }; line: BudgetLine },
  expectedVersion: number,
  input: BudgetLineInput,
  actor: Actor,
): Promise<SaveResult<BudgetLine>> {
  return updateRecord(
    db,
    budgetLines,
    'budget-line',
    ctx.plan.organisationId,
    ctx.line.id,
    expectedVersion,
    input,
    actor,
  );
}

/**
 * A budget file's quarters, written inside the data load's transaction: each row replaces its
 * line's planned and actual for that quarter, and each line touched has one history row saying
 * what its quarters were and became.
 */
export async function writeBudgetSpend(
  tx: Tx,
  organisationId: number,
  dataLoadId: number,
  rows: readonly BudgetSpendRow[],
  actor: Actor,
): Promise<void> {
  const lineIds = [...new Set(rows.map((r) => r.budgetLineId))];
  if (lineIds.length === 0) return;
  const quartersOf = async () => {
    const all = await tx.select().from(budgetSpend).where(inArray(budgetSpend.budgetLineId, lineIds));
    return (lineId: number) =>
      all
        .filter((s) => s.budgetLineId === lineId)
        .sort((a, b) => a.quarter - b.quarter)
        .map((s) => ({ quarter: s.quarter, plannedPence: s.plannedPence, actualPence: s.actualPence }));
  };
  const before = await quartersOf();
  for (const r of rows) {
    await tx
      .insert(budgetSpend)
      .values({
        budgetLineId: r.budgetLineId,
        quarter: r.quarter,
        plannedPence: r.plannedPence,
        actualPence: r.actualPence,
        dataLoadId,
      })
      .onConflictDoUpdate({
        target: [budgetSpend.budgetLineId, budgetSpend.quarter],
        set: {
          plannedPence: r.plannedPence,
          actualPence: r.actualPence,
          dataLoadId,
          version: sql`${budgetSpend.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }
  const after = await quartersOf();
  for (const lineId of lineIds) {
    await recordChange(tx, {
      organisationId,
      recordType: 'budget-line',
      recordId: lineId,
      action: 'import',
      actor,
      before: { quarters: before(lineId) },
      after: { quarters: after(lineId), dataLoadId },
    });
  }
}
