/*
 * Internal to db/plan, re-exported by queries.ts: the plan read by National Framework outcome. A
 * commitment is read under its own tag, else its improvement area's, else its priority's
 * (`inheritedOutcome` in src/domain/national-framework.ts); the SQL condition below says the same
 * for the lists that filter in the database.
 */
import { and, asc, eq, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  inheritedOutcome,
  type FrameworkOutcome,
  type FrameworkTag,
} from '../../domain/national-framework.ts';
import { isOverdue } from '../../domain/commitments.ts';
import type { CommitmentStatus } from '../../domain/plan.ts';
import { liveCommitment, livePriority } from './archived.ts';
import { commitments, improvementAreas, priorities } from './schema.ts';

// Every column named by its table: the condition is used in selects with and without joins.
const q = (column: Column): SQL =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/** The commitment's inherited outcome is `outcome` (see inheritedOutcome). */
export function commitmentOutcomeIs(outcome: FrameworkOutcome): SQL {
  return sql`coalesce(${q(commitments.frameworkOutcome)},
    (select ia.framework_outcome from ${improvementAreas} ia where ia.id = ${q(commitments.improvementAreaId)}),
    (select p.framework_outcome from ${priorities} p where p.id = ${q(commitments.priorityId)})) = ${outcome}`;
}

export interface OutcomeCommitmentRow {
  id: number;
  text: string;
  status: CommitmentStatus;
  dueOn: string | null;
  owner: string;
  overdue: boolean;
  priorityId: number;
  priorityNumber: number;
  priorityTitle: string;
  /** The outcome it is read under, and whether that is its own tag or inherited. */
  outcome: FrameworkTag;
  inherited: boolean;
}

/** Every commitment in use in a plan with the outcome it is read under, in the plan's order. */
export async function planCommitmentOutcomes(
  db: Db,
  planId: number,
  today: string,
): Promise<OutcomeCommitmentRow[]> {
  const rows = await db
    .select({
      id: commitments.id,
      text: commitments.text,
      status: commitments.status,
      dueOn: commitments.dueOn,
      owner: commitments.owner,
      own: commitments.frameworkOutcome,
      area: improvementAreas.frameworkOutcome,
      priority: priorities.frameworkOutcome,
      priorityId: priorities.id,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
    })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .leftJoin(improvementAreas, eq(improvementAreas.id, commitments.improvementAreaId))
    .where(and(eq(priorities.planId, planId), livePriority(), liveCommitment()))
    .orderBy(asc(priorities.number), asc(commitments.position), asc(commitments.id));
  return rows.map(({ own, area, priority, ...row }) => {
    const outcome = inheritedOutcome(own, area, priority);
    return { ...row, outcome, inherited: own === null && outcome !== null, overdue: isOverdue(row, today) };
  });
}
