import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import { boardMeetings } from '../schema.ts';
import { agendaItems, meetingAttendees } from './schema.ts';
import type { AgendaItem, Attendee } from './queries.ts';
import { approvalProblem, frozenMessage } from '../../domain/meetings/minutes.ts';
import type { AttendanceKind, AttendeeRole } from '../../domain/meetings/vocabulary.ts';
import type { Meeting } from '../board/queries.ts';

/*
 * Writes of a meeting's record: agenda, minutes and decisions, attendance, and approving the
 * minutes. Each write and its history row in one transaction. Approved minutes are frozen: the
 * commands refuse with MinutesFrozenError, and a trigger refuses in the database all the same.
 */

export type { Actor, SaveResult } from '../changes.ts';
export {
  addActionUpdate,
  closeAction,
  createAction,
  updateAction,
  type ActionInput,
} from './action-commands.ts';

export class MinutesFrozenError extends Error {
  constructor(approvedOn: string | null) {
    super(frozenMessage(approvedOn));
    this.name = 'MinutesFrozenError';
  }
}

/** A rule of the minutes refused the write (approving at the wrong meeting, approving twice). */
export class MinutesRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MinutesRuleError';
  }
}

interface MeetingOf {
  organisationId: number;
  meeting: Meeting;
}

/** Refuses changes once the minutes are approved; `approvedOn` words the refusal. */
async function refuseIfFrozen(db: Db, meetingId: number, approvedOn?: (id: number) => Promise<string>) {
  const [row] = await db
    .select({ at: boardMeetings.minutesApprovedAt, by: boardMeetings.minutesApprovedByMeetingId })
    .from(boardMeetings)
    .where(eq(boardMeetings.id, meetingId));
  if (row?.at) throw new MinutesFrozenError(row.by && approvedOn ? await approvedOn(row.by) : null);
}

const approvingDay = (db: Db) => async (id: number) => {
  const [row] = await db
    .select({ on: boardMeetings.meetingOn })
    .from(boardMeetings)
    .where(eq(boardMeetings.id, id));
  return row?.on ?? '';
};

export interface AgendaItemInput {
  title: string;
  priorityId: number | null;
  measureId: number | null;
  highlightReportId: number | null;
  topic: string;
}

export async function addAgendaItem(db: Db, ctx: MeetingOf, input: AgendaItemInput, actor: Actor) {
  await refuseIfFrozen(db, ctx.meeting.id, approvingDay(db));
  const [last] = await db
    .select({ position: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, ctx.meeting.id));
  return insertRecord(
    db,
    agendaItems,
    'agenda-item',
    ctx.organisationId,
    { ...input, meetingId: ctx.meeting.id, position: (last?.position ?? 0) + 1 },
    actor,
  );
}

export async function updateAgendaItem(
  db: Db,
  ctx: MeetingOf & { item: AgendaItem },
  expectedVersion: number,
  input: Partial<AgendaItemInput> & Partial<{ minutes: string; decisions: string }>,
  actor: Actor,
): Promise<SaveResult<AgendaItem>> {
  await refuseIfFrozen(db, ctx.meeting.id, approvingDay(db));
  return updateRecord(
    db,
    agendaItems,
    'agenda-item',
    ctx.organisationId,
    ctx.item.id,
    expectedVersion,
    input,
    actor,
  );
}

/** The minutes and decisions of one agenda item: an edit of the item, refused once approved. */
export async function saveMinutes(
  db: Db,
  ctx: MeetingOf & { item: AgendaItem },
  expectedVersion: number,
  input: { minutes: string; decisions: string },
  actor: Actor,
): Promise<SaveResult<AgendaItem>> {
  return updateAgendaItem(db, ctx, expectedVersion, input, actor);
}

/**
 * Records that a later meeting of the board approved these minutes. From then on the record is
 * frozen; the approval itself cannot be changed (a trigger keeps it).
 */
export async function approveMinutes(
  db: Db,
  ctx: MeetingOf,
  approvedAt: Meeting,
  expectedVersion: number,
  actor: Actor,
): Promise<SaveResult<Meeting>> {
  const problem = approvalProblem(ctx.meeting, approvedAt);
  if (problem) throw new MinutesRuleError(problem);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(boardMeetings)
      .where(eq(boardMeetings.id, ctx.meeting.id))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.minutesApprovedAt) throw new MinutesRuleError('These minutes are already approved');
    if (before.version !== expectedVersion) return { ok: false, conflict: true, current: before };
    const [after] = await tx
      .update(boardMeetings)
      .set({
        minutesApprovedAt: sql`now()`,
        minutesApprovedByMeetingId: approvedAt.id,
        version: sql`${boardMeetings.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(boardMeetings.id, before.id), eq(boardMeetings.version, expectedVersion)))
      .returning();
    await recordChange(tx, {
      organisationId: ctx.organisationId,
      recordType: 'board-meeting',
      recordId: before.id,
      action: 'update',
      actor,
      before,
      after: after!,
    });
    return { ok: true, record: after! };
  });
}

export interface AttendeeInput {
  userId: number | null;
  name: string;
  role: AttendeeRole;
  attendance: AttendanceKind;
}

export async function addAttendee(db: Db, ctx: MeetingOf, input: AttendeeInput, actor: Actor) {
  return insertRecord(
    db,
    meetingAttendees,
    'meeting-attendee',
    ctx.organisationId,
    { ...input, meetingId: ctx.meeting.id },
    actor,
  );
}

export async function updateAttendee(
  db: Db,
  ctx: { organisationId: number; attendee: Attendee },
  expectedVersion: number,
  input: AttendeeInput,
  actor: Actor,
): Promise<SaveResult<Attendee>> {
  return updateRecord(
    db,
    meetingAttendees,
    'meeting-attendee',
    ctx.organisationId,
    ctx.attendee.id,
    expectedVersion,
    input,
    actor,
  );
}
