/*
 * The rows a publication's snapshot is made from. What of them may be public is decided by the
 * allow-list in src/domain/publishing/snapshot.ts; this module only reads.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { figuresFor, listMeasureRows } from '../measures/queries.ts';
import { listAreasOf, planContents } from '../plan/queries.ts';
import { organisations, plans } from '../schema.ts';
import type { Glossary } from '../../domain/glossary.ts';
import type { SnapshotRows } from '../../domain/publishing/snapshot.ts';
import { listBudgetLines, listProjects } from '../projects/queries.ts';

export interface SnapshotInput {
  organisationId: number;
  planId: number;
  quarter: { label: string; start: string; end: string };
  measureIds: number[];
  glossary: Glossary;
  targetReadingAge: number;
  /** The instant the figures are read at. */
  asOf: Date;
}

export class PlanNotFoundError extends Error {
  readonly code = 'plan-not-found';
  constructor() {
    super('Plan not found for this council');
  }
}

export async function snapshotRows(db: Db, input: SnapshotInput): Promise<SnapshotRows> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, input.planId));
  const [council] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!plan || !council || plan.organisationId !== input.organisationId) throw new PlanNotFoundError();
  const {
    priorities: priorityRows,
    commitments: commitmentRows,
    outcomes: outcomeRows,
  } = await planContents(db, plan.id);
  return {
    council,
    plan,
    quarter: input.quarter,
    priorities: priorityRows,
    commitments: commitmentRows,
    areas: [
      ...(
        await listAreasOf(
          db,
          priorityRows.map((p) => p.id),
        )
      ).values(),
    ].flat(),
    outcomes: outcomeRows,
    measures: await chosenMeasures(db, input.organisationId, input.measureIds, input.asOf),
    glossary: input.glossary,
    targetReadingAge: input.targetReadingAge,
    projects: await listProjects(db, input.organisationId, { planId: plan.id }),
    budgetLines: await listBudgetLines(db, input.organisationId, plan.id),
  };
}

/** The chosen measures with their figures, in the order chosen. */
async function chosenMeasures(db: Db, organisationId: number, measureIds: number[], today: Date) {
  if (measureIds.length === 0) return [];
  const rows = (await listMeasureRows(db, organisationId)).filter((r) => measureIds.includes(r.id));
  rows.sort((a, b) => measureIds.indexOf(a.id) - measureIds.indexOf(b.id));
  return figuresFor(db, rows, today);
}
