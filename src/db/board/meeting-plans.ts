import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../changes.ts';
import type { Plan } from '../plan/queries.ts';
import { meetingPlans, plans } from '../schema.ts';

/*
 * The plans a meeting's pack covers beside the board's own (read for the meeting's context, the
 * form and the pack). Each lookup keeps to the meeting's council through the plan.
 */

/** The other plans the meeting's pack covers, in their order. */
export async function otherPlansOf(db: DbOrTx, organisationId: number, meetingId: number): Promise<Plan[]> {
  const rows = await db
    .select({ plan: plans })
    .from(meetingPlans)
    .innerJoin(plans, eq(plans.id, meetingPlans.planId))
    .where(and(eq(meetingPlans.meetingId, meetingId), eq(plans.organisationId, organisationId)))
    .orderBy(asc(meetingPlans.position), asc(meetingPlans.id));
  return rows.map((r) => r.plan);
}

/** The council's plans a meeting may add to its pack: every plan but the board's own. */
export async function plansToCover(db: DbOrTx, organisationId: number, boardPlanId: number | null) {
  return db
    .select({ id: plans.id, title: plans.title, kind: plans.kind, status: plans.status })
    .from(plans)
    .where(
      boardPlanId === null
        ? eq(plans.organisationId, organisationId)
        : and(eq(plans.organisationId, organisationId), ne(plans.id, boardPlanId)),
    )
    .orderBy(asc(plans.id));
}
