import { and, eq, sql } from 'drizzle-orm';
import { recordChange, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { boardMeetings, meetingPlans } from '../schema.ts';
import type { Meeting } from './queries.ts';

/*
 * Which plans a meeting's pack covers beside the board's own. A change of the meeting: saved at the
 * version the person loaded (the meeting's), with its history row naming the plans before and after.
 */

export type MeetingWithPlans = Meeting & { otherPlanIds: number[] };

export async function setMeetingPlans(
  db: Db,
  organisationId: number,
  meetingId: number,
  expectedVersion: number,
  planIds: readonly number[],
  actor: Actor,
): Promise<SaveResult<MeetingWithPlans>> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select()
      .from(boardMeetings)
      .where(eq(boardMeetings.id, meetingId))
      .for('update');
    if (!meeting) return { ok: false, conflict: false };
    const chosen = await tx
      .select({ planId: meetingPlans.planId })
      .from(meetingPlans)
      .where(eq(meetingPlans.meetingId, meetingId))
      .orderBy(meetingPlans.position, meetingPlans.id);
    const before = { ...meeting, otherPlanIds: chosen.map((c) => c.planId) };
    if (meeting.version !== expectedVersion) return { ok: false, conflict: true, current: before };
    if (JSON.stringify(before.otherPlanIds) === JSON.stringify(planIds)) return { ok: true, record: before };
    await tx.delete(meetingPlans).where(eq(meetingPlans.meetingId, meetingId));
    if (planIds.length > 0)
      await tx
        .insert(meetingPlans)
        .values(planIds.map((planId, position) => ({ meetingId, planId, position })));
    const [updated] = await tx
      .update(boardMeetings)
      .set({ version: sql`${boardMeetings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(boardMeetings.id, meetingId), eq(boardMeetings.version, expectedVersion)))
      .returning();
    const after = { ...updated!, otherPlanIds: [...planIds] };
    await recordChange(tx, {
      organisationId,
      recordType: 'board-meeting',
      recordId: meetingId,
      action: 'update',
      actor,
      before,
      after,
    });
    return { ok: true, record: after };
  });
}
