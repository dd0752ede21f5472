/*
 * Internal to db/plan, re-exported by queries.ts: what "in use" means for the plan's records, and the
 * reads of archived ones (the banner, what archiving takes with it, the "Archived records" page).
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { commitments, improvementAreas, outcomes, priorities, users } from '../schema.ts';

/*
 * Archived records are kept but leave every list, count, overview, pack and publication. Archiving
 * a priority takes its improvement areas and commitments with it, and archiving an improvement
 * area the commitments linked to it; an outcome goes with its commitment because outcomes are only
 * read for the commitments listed.
 */

/** A priority in use. */
export const livePriority = (): SQL => isNull(priorities.archivedAt);

/** An improvement area in use: neither it nor its priority archived. */
export const liveArea = (): SQL =>
  and(
    isNull(improvementAreas.archivedAt),
    sql`not exists (select 1 from ${priorities} where ${priorities.id} = ${improvementAreas.priorityId} and ${priorities.archivedAt} is not null)`,
  )!;

/** A commitment in use: neither it, its priority nor its improvement area archived. */
export const liveCommitment = (): SQL =>
  and(
    isNull(commitments.archivedAt),
    sql`not exists (select 1 from ${priorities} where ${priorities.id} = ${commitments.priorityId} and ${priorities.archivedAt} is not null)`,
    sql`not exists (select 1 from ${improvementAreas} where ${improvementAreas.id} = ${commitments.improvementAreaId} and ${improvementAreas.archivedAt} is not null)`,
  )!;

/** An outcome in use (its commitment is checked by whoever chose the commitments). */
export const liveOutcome = (): SQL => isNull(outcomes.archivedAt);

/** Who archived a record and when, for the banner on its page; null when it is in use. */
export async function archivedNote(
  db: Db,
  record: { archivedAt: Date | null; archivedBy: number | null },
): Promise<{ at: Date; by: string } | null> {
  if (!record.archivedAt) return null;
  const [who] = record.archivedBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, record.archivedBy))
    : [];
  return { at: record.archivedAt, by: who?.name ?? 'someone' };
}

/** What archiving a record would take with it, counted from the records in use under it. */
export async function archiveReach(
  db: Db,
  type: 'priority' | 'improvement-area' | 'commitment' | 'outcome',
  id: number,
): Promise<{ areas: number; commitments: number; outcomes: number }> {
  const none = { areas: 0, commitments: 0, outcomes: 0 };
  if (type === 'outcome') return none;
  if (type === 'commitment') {
    const [row] = await db
      .select({ n: count() })
      .from(outcomes)
      .where(and(eq(outcomes.commitmentId, id), liveOutcome()));
    return { ...none, outcomes: row?.n ?? 0 };
  }
  const underArea = type === 'improvement-area';
  const [areaRow] = underArea
    ? [{ n: 0 }]
    : await db
        .select({ n: count() })
        .from(improvementAreas)
        .where(and(eq(improvementAreas.priorityId, id), liveArea()));
  const [commitmentRow] = await db
    .select({ n: count() })
    .from(commitments)
    .where(
      and(
        underArea ? eq(commitments.improvementAreaId, id) : eq(commitments.priorityId, id),
        liveCommitment(),
      ),
    );
  return { ...none, areas: areaRow?.n ?? 0, commitments: commitmentRow?.n ?? 0 };
}

/**
 * A plan's archived records, newest first in each kind, for its "Archived records" page, each with
 * the sponsor of the priority it sits under (who may restore it).
 */
export async function listArchived(db: Db, planId: number) {
  const planPriorities = db
    .select({ id: priorities.id })
    .from(priorities)
    .where(eq(priorities.planId, planId));
  const archivedPriorities = await db
    .select()
    .from(priorities)
    .where(and(eq(priorities.planId, planId), isNotNull(priorities.archivedAt)))
    .orderBy(desc(priorities.archivedAt));
  const archivedAreas = await db
    .select({
      area: improvementAreas,
      priorityNumber: priorities.number,
      sponsorUserId: priorities.sponsorUserId,
    })
    .from(improvementAreas)
    .innerJoin(priorities, eq(priorities.id, improvementAreas.priorityId))
    .where(and(inArray(improvementAreas.priorityId, planPriorities), isNotNull(improvementAreas.archivedAt)))
    .orderBy(desc(improvementAreas.archivedAt));
  const archivedCommitments = await db
    .select({
      commitment: commitments,
      priorityNumber: priorities.number,
      sponsorUserId: priorities.sponsorUserId,
    })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .where(and(inArray(commitments.priorityId, planPriorities), isNotNull(commitments.archivedAt)))
    .orderBy(desc(commitments.archivedAt));
  const archivedOutcomes = await db
    .select({
      outcome: outcomes,
      commitmentText: commitments.text,
      priorityNumber: priorities.number,
      sponsorUserId: priorities.sponsorUserId,
    })
    .from(outcomes)
    .innerJoin(commitments, eq(commitments.id, outcomes.commitmentId))
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .where(and(inArray(commitments.priorityId, planPriorities), isNotNull(outcomes.archivedAt)))
    .orderBy(desc(outcomes.archivedAt));
  return {
    priorities: archivedPriorities,
    areas: archivedAreas,
    commitments: archivedCommitments,
    outcomes: archivedOutcomes,
  };
}
