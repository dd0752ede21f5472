import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  insertRecord,
  recordChange,
  updateRecord,
  type Actor,
  type SaveResult,
  type Tx,
} from '../changes.ts';
import { actionUpdates, meetingActions } from './schema.ts';
import type { MeetingAction } from './queries.ts';
import { isClosed, type ActionStatus, type ClosingStatus } from '../../domain/meetings/vocabulary.ts';

/* Actions arising: raised at a meeting, updated with dated notes, closed as done or dropped. */

export interface ActionInput {
  agendaItemId: number | null;
  description: string;
  ownerUserId: number | null;
  ownerName: string;
  dueOn: string | null;
  status: ActionStatus;
}

/** The day an action closed: kept when it stays closed, set when it closes, cleared when reopened. */
const closedOnAfter = (
  current: { status: ActionStatus; closedOn: string | null } | null,
  next: ActionStatus,
  today: string,
) => (!isClosed(next) ? null : current && isClosed(current.status) ? current.closedOn : today);

export async function createAction(
  db: Db,
  ctx: { organisationId: number; meeting: { id: number } },
  input: ActionInput,
  actor: Actor,
  today: string,
): Promise<MeetingAction> {
  return insertRecord(
    db,
    meetingActions,
    'meeting-action',
    ctx.organisationId,
    { ...input, meetingId: ctx.meeting.id, closedOn: closedOnAfter(null, input.status, today) },
    actor,
  );
}

export async function updateAction(
  db: Db,
  ctx: { organisationId: number; action: MeetingAction },
  expectedVersion: number,
  input: ActionInput,
  actor: Actor,
  today: string,
): Promise<SaveResult<MeetingAction>> {
  return updateRecord(
    db,
    meetingActions,
    'meeting-action',
    ctx.organisationId,
    ctx.action.id,
    expectedVersion,
    { ...input, closedOn: closedOnAfter(ctx.action, input.status, today) },
    actor,
  );
}

async function appendUpdate(
  tx: Tx,
  organisationId: number,
  actionId: number,
  input: { text: string; today: string },
  actor: Actor,
) {
  const [row] = await tx
    .insert(actionUpdates)
    .values({
      actionId,
      text: input.text,
      updatedOn: input.today,
      userId: actor.userId,
      actorName: actor.name,
    })
    .returning();
  await recordChange(tx, {
    organisationId,
    recordType: 'action-update',
    recordId: row!.id,
    action: 'create',
    actor,
    before: null,
    after: row!,
  });
  return row!;
}

/** A dated update on an action (the owner's or the programme office's); updates are never changed. */
export async function addActionUpdate(
  db: Db,
  ctx: { organisationId: number; action: { id: number } },
  input: { text: string; today: string },
  actor: Actor,
) {
  return db.transaction((tx) => appendUpdate(tx, ctx.organisationId, ctx.action.id, input, actor));
}

/** Closes the action as done or dropped at the version loaded, with a closing note as its update. */
export async function closeAction(
  db: Db,
  ctx: { organisationId: number; action: MeetingAction },
  expectedVersion: number,
  input: { status: ClosingStatus; note: string; today: string },
  actor: Actor,
): Promise<SaveResult<MeetingAction>> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(meetingActions)
      .where(eq(meetingActions.id, ctx.action.id))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== expectedVersion) return { ok: false, conflict: true, current: before };
    const [after] = await tx
      .update(meetingActions)
      .set({
        status: input.status,
        closedOn: closedOnAfter(before, input.status, input.today),
        version: sql`${meetingActions.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(meetingActions.id, before.id), eq(meetingActions.version, expectedVersion)))
      .returning();
    await recordChange(tx, {
      organisationId: ctx.organisationId,
      recordType: 'meeting-action',
      recordId: before.id,
      action: 'update',
      actor,
      before,
      after: after!,
    });
    if (input.note)
      await appendUpdate(tx, ctx.organisationId, before.id, { text: input.note, today: input.today }, actor);
    return { ok: true, record: after! };
  });
}
