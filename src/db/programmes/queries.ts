/*
 * Reads for a reform programme's expectations checklist. Every lookup joins to the plan's council,
 * so another council's expectation (or plan) is simply not found.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { commitments, plans, priorities } from '../plan/schema.ts';
import { measures } from '../measures/schema.ts';
import { expectations } from './schema.ts';

export type Expectation = typeof expectations.$inferSelect;

export interface ExpectationRow extends Expectation {
  commitmentText: string | null;
  measureName: string | null;
}

const withEvidence = {
  expectation: expectations,
  commitmentText: commitments.text,
  measureName: measures.name,
};

const toRow = (r: {
  expectation: Expectation;
  commitmentText: string | null;
  measureName: string | null;
}): ExpectationRow => ({ ...r.expectation, commitmentText: r.commitmentText, measureName: r.measureName });

/** A plan's expectations in the order they were added, with the commitment and measure they cite. */
export async function listExpectations(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<ExpectationRow[]> {
  const rows = await db
    .select(withEvidence)
    .from(expectations)
    .innerJoin(plans, eq(plans.id, expectations.planId))
    .leftJoin(commitments, eq(commitments.id, expectations.commitmentId))
    .leftJoin(measures, eq(measures.id, expectations.measureId))
    .where(and(eq(expectations.planId, planId), eq(plans.organisationId, organisationId)))
    .orderBy(asc(expectations.id));
  return rows.map(toRow);
}

export interface ExpectationContext {
  expectation: ExpectationRow;
  plan: typeof plans.$inferSelect;
}

export async function getExpectation(
  db: Db,
  organisationId: number,
  expectationId: number,
): Promise<ExpectationContext | null> {
  const [row] = await db
    .select({ ...withEvidence, plan: plans })
    .from(expectations)
    .innerJoin(plans, eq(plans.id, expectations.planId))
    .leftJoin(commitments, eq(commitments.id, expectations.commitmentId))
    .leftJoin(measures, eq(measures.id, expectations.measureId))
    .where(and(eq(expectations.id, expectationId), eq(plans.organisationId, organisationId)));
  return row ? { expectation: toRow(row), plan: row.plan } : null;
}

/** The strength and status of each expectation of several plans, for counting (the board pack). */
export async function expectationStates(db: Db, organisationId: number, planIds: readonly number[]) {
  if (planIds.length === 0) return [];
  return db
    .select({ planId: expectations.planId, strength: expectations.strength, status: expectations.status })
    .from(expectations)
    .innerJoin(plans, eq(plans.id, expectations.planId))
    .where(and(inArray(expectations.planId, [...planIds]), eq(plans.organisationId, organisationId)));
}

/** What an expectation can cite as evidence: the council's commitments in use, and its measures. */
export async function evidenceChoices(db: Db, organisationId: number) {
  const [commitmentRows, measureRows] = await Promise.all([
    db
      .select({
        id: commitments.id,
        text: commitments.text,
        planTitle: plans.title,
        priorityNumber: priorities.number,
      })
      .from(commitments)
      .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
      .innerJoin(plans, eq(plans.id, priorities.planId))
      .where(
        and(
          eq(plans.organisationId, organisationId),
          isNull(commitments.archivedAt),
          isNull(priorities.archivedAt),
        ),
      )
      .orderBy(asc(plans.id), asc(priorities.number), asc(commitments.id)),
    db
      .select({ id: measures.id, name: measures.name })
      .from(measures)
      .where(eq(measures.organisationId, organisationId))
      .orderBy(asc(measures.name)),
  ]);
  return { commitments: commitmentRows, measures: measureRows };
}
