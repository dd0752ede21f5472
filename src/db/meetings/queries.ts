import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { getMeeting, type MeetingContext } from '../board/queries.ts';
import { boardMeetings, boards, highlightReports, measures, priorities, users } from '../schema.ts';
import { actionUpdates, agendaItems, meetingActions, meetingAttendees } from './schema.ts';
import type { ActionStatus } from '../../domain/meetings/vocabulary.ts';
import { actionLog } from '../../domain/meetings/action-log.ts';

/* Reads of a meeting's record. Every lookup by id joins to the board's council. */

export type AgendaItem = typeof agendaItems.$inferSelect;
export type Attendee = typeof meetingAttendees.$inferSelect;
export type MeetingAction = typeof meetingActions.$inferSelect;
export type ActionUpdate = typeof actionUpdates.$inferSelect;

/** An agenda item with the name of what it points at. */
export interface AgendaRow extends AgendaItem {
  /** "Priority 1: Quality of Practice", a measure's name, or "Highlight report: Priority 1: …". */
  linkText: string | null;
}

export async function listAgenda(db: Db, meetingId: number): Promise<AgendaRow[]> {
  const reportPriority = sql<
    string | null
  >`(select 'Highlight report: Priority ' || p.number || ': ' || p.title
    from highlight_reports r join priorities p on p.id = r.priority_id where r.id = ${agendaItems.highlightReportId})`;
  const rows = await db
    .select({
      item: agendaItems,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
      measureName: measures.name,
      reportText: reportPriority,
    })
    .from(agendaItems)
    .leftJoin(priorities, eq(priorities.id, agendaItems.priorityId))
    .leftJoin(measures, eq(measures.id, agendaItems.measureId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  return rows.map((r) => ({
    ...r.item,
    linkText:
      r.priorityNumber !== null
        ? `Priority ${r.priorityNumber}: ${r.priorityTitle}`
        : (r.measureName ?? r.reportText ?? null),
  }));
}

export interface AgendaItemContext extends MeetingContext {
  item: AgendaItem;
}

export async function getAgendaItem(
  db: Db,
  organisationId: number,
  itemId: number,
): Promise<AgendaItemContext | null> {
  const [row] = await db
    .select({ item: agendaItems })
    .from(agendaItems)
    .innerJoin(boardMeetings, eq(boardMeetings.id, agendaItems.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(and(eq(agendaItems.id, itemId), eq(boards.organisationId, organisationId)));
  if (!row) return null;
  const ctx = await getMeeting(db, organisationId, row.item.meetingId);
  return ctx ? { ...ctx, item: row.item } : null;
}

const attendeeName = sql<string>`coalesce(${users.name}, ${meetingAttendees.name})`;

export type AttendeeRow = Attendee & { displayName: string };

export async function listAttendees(db: Db, meetingId: number): Promise<AttendeeRow[]> {
  const rows = await db
    .select({ attendee: meetingAttendees, displayName: attendeeName })
    .from(meetingAttendees)
    .leftJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(meetingAttendees.id));
  return rows.map((r) => ({ ...r.attendee, displayName: r.displayName }));
}

export async function getAttendee(db: Db, organisationId: number, attendeeId: number) {
  const [row] = await db
    .select({ attendee: meetingAttendees })
    .from(meetingAttendees)
    .innerJoin(boardMeetings, eq(boardMeetings.id, meetingAttendees.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(and(eq(meetingAttendees.id, attendeeId), eq(boards.organisationId, organisationId)));
  if (!row) return null;
  const ctx = await getMeeting(db, organisationId, row.attendee.meetingId);
  return ctx ? { ...ctx, attendee: row.attendee } : null;
}

/** An action with who owns it, where it arose and its updates, oldest first. */
export interface ActionRow extends MeetingAction {
  ownerDisplayName: string;
  /** The day of the meeting it arose at. */
  raisedOn: string;
  boardId: number;
  itemTitle: string | null;
  updates: ActionUpdate[];
}

const ownerDisplayName = sql<string>`coalesce(${users.name}, ${meetingActions.ownerName})`;
const itemTitle = sql<
  string | null
>`(select a.title from agenda_items a where a.id = ${meetingActions.agendaItemId})`;

async function actionRows(db: Db, where: ReturnType<typeof and>): Promise<ActionRow[]> {
  const rows = await db
    .select({
      action: meetingActions,
      ownerDisplayName,
      raisedOn: boardMeetings.meetingOn,
      boardId: boardMeetings.boardId,
      itemTitle,
    })
    .from(meetingActions)
    .innerJoin(boardMeetings, eq(boardMeetings.id, meetingActions.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .leftJoin(users, eq(users.id, meetingActions.ownerUserId))
    .where(where)
    .orderBy(asc(boardMeetings.meetingOn), asc(meetingActions.id));
  const ids = rows.map((r) => r.action.id);
  const updates =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(actionUpdates)
          .where(inArray(actionUpdates.actionId, ids))
          .orderBy(asc(actionUpdates.updatedOn), asc(actionUpdates.id));
  return rows.map((r) => ({
    ...r.action,
    ownerDisplayName: r.ownerDisplayName,
    raisedOn: r.raisedOn,
    boardId: r.boardId,
    itemTitle: r.itemTitle,
    updates: updates.filter((u) => u.actionId === r.action.id),
  }));
}

/** The actions raised at a meeting. */
export async function listMeetingActions(db: Db, organisationId: number, meetingId: number) {
  return actionRows(
    db,
    and(eq(meetingActions.meetingId, meetingId), eq(boards.organisationId, organisationId)),
  );
}

/** Every action of a board's meetings: what carrying forward and the pack's action log choose from. */
export async function listBoardActions(db: Db, organisationId: number, boardId: number) {
  return actionRows(db, and(eq(boardMeetings.boardId, boardId), eq(boards.organisationId, organisationId)));
}

/** The council's actions, of one status when asked. */
export async function listCouncilActions(db: Db, organisationId: number, status?: ActionStatus) {
  return actionRows(
    db,
    and(eq(boards.organisationId, organisationId), status ? eq(meetingActions.status, status) : undefined),
  );
}

export interface ActionContext extends MeetingContext {
  action: ActionRow;
}

export async function getAction(
  db: Db,
  organisationId: number,
  actionId: number,
): Promise<ActionContext | null> {
  const [action] = await actionRows(
    db,
    and(eq(meetingActions.id, actionId), eq(boards.organisationId, organisationId)),
  );
  if (!action) return null;
  const ctx = await getMeeting(db, organisationId, action.meetingId);
  return ctx ? { ...ctx, action } : null;
}

/** The board's meetings after this one: where its minutes may be approved. */
export async function laterMeetings(db: Db, meeting: { boardId: number; meetingOn: string }) {
  return db
    .select()
    .from(boardMeetings)
    .where(and(eq(boardMeetings.boardId, meeting.boardId), gt(boardMeetings.meetingOn, meeting.meetingOn)))
    .orderBy(asc(boardMeetings.meetingOn));
}

/** The board's meeting before this one, if any. */
export async function previousMeeting(db: Db, meeting: { boardId: number; meetingOn: string }) {
  const [row] = await db
    .select()
    .from(boardMeetings)
    .where(and(eq(boardMeetings.boardId, meeting.boardId), lt(boardMeetings.meetingOn, meeting.meetingOn)))
    .orderBy(desc(boardMeetings.meetingOn))
    .limit(1);
  return row ?? null;
}

/** The meeting whose minutes this one approved, and the one that approved this one's. */
export async function meetingById(db: Db, meetingId: number | null) {
  if (meetingId === null) return null;
  const [row] = await db.select().from(boardMeetings).where(eq(boardMeetings.id, meetingId));
  return row ?? null;
}

/** What an agenda item may point at: the plan's priorities, the council's measures, the meeting's reports. */
export async function agendaTargets(db: Db, organisationId: number, ctx: MeetingContext) {
  const [priorityRows, measureRows, reportRows] = await Promise.all([
    ctx.plan
      ? db
          .select({ id: priorities.id, number: priorities.number, title: priorities.title })
          .from(priorities)
          .where(eq(priorities.planId, ctx.plan.id))
          .orderBy(asc(priorities.number))
      : Promise.resolve([]),
    db
      .select({ id: measures.id, name: measures.name })
      .from(measures)
      .where(eq(measures.organisationId, organisationId))
      .orderBy(asc(measures.name)),
    db
      .select({ id: highlightReports.id, number: priorities.number, title: priorities.title })
      .from(highlightReports)
      .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
      .where(eq(highlightReports.meetingId, ctx.meeting.id))
      .orderBy(asc(priorities.number)),
  ]);
  return { priorities: priorityRows, measures: measureRows, reports: reportRows };
}

/**
 * The pack's action log rows for a meeting: earlier open actions of its board, and those closed
 * since the board's previous meeting (chosen by src/domain/meetings/action-log.ts).
 */
export async function loadActionLogRows(db: Db, organisationId: number, ctx: MeetingContext) {
  const [all, previous] = await Promise.all([
    listBoardActions(db, organisationId, ctx.board.id),
    previousMeeting(db, ctx.meeting),
  ]);
  return actionLog(all, ctx.meeting.meetingOn, previous?.meetingOn ?? null);
}

/** The open actions (open or in progress) a person owns, soonest due first. */
export async function openActionsOwnedBy(
  db: Db,
  organisationId: number,
  userId: number,
): Promise<ActionRow[]> {
  const rows = await actionRows(
    db,
    and(
      eq(boards.organisationId, organisationId),
      eq(meetingActions.ownerUserId, userId),
      inArray(meetingActions.status, ['open', 'in-progress']),
    ),
  );
  // Undated actions last; then the order the meetings raised them in.
  return rows.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
}
