import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  boardMeetings,
  boardMembers,
  boards,
  highlightReports,
  issuedPapers,
  priorities,
  users,
} from '../schema.ts';
import { editableStates, type ReportState } from '../../domain/workflows/highlight-report.ts';

/*
 * What the home pages read of the board cycle: the reports a person owes, those waiting for the
 * programme office, the next meeting and how ready it is. All within one council.
 */

/** Meetings still to come: neither held nor cancelled. */
const stillToCome = inArray(boardMeetings.status, ['planned', 'cycle-open']);

export interface OwedReport {
  reportId: number;
  state: ReportState;
  priorityNumber: number;
  priorityTitle: string;
  meetingId: number;
  meetingOn: string;
  papersDueOn: string | null;
  board: string;
}

/** The reports a person is to write (assigned to them, or theirs as the priority's sponsor) for meetings to come. */
export async function reportsOwedBy(
  db: Db,
  organisationId: number,
  userId: number,
  today: string,
): Promise<OwedReport[]> {
  return db
    .select({
      reportId: highlightReports.id,
      state: highlightReports.state,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
      meetingId: boardMeetings.id,
      meetingOn: boardMeetings.meetingOn,
      papersDueOn: boardMeetings.papersDueOn,
      board: boards.name,
    })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(
      and(
        eq(boards.organisationId, organisationId),
        eq(sql`coalesce(${highlightReports.assignedUserId}, ${priorities.sponsorUserId})`, userId),
        inArray(highlightReports.state, [...editableStates]),
        gte(boardMeetings.meetingOn, today),
        stillToCome,
      ),
    )
    .orderBy(
      asc(sql`coalesce(${boardMeetings.papersDueOn}, ${boardMeetings.meetingOn})`),
      asc(priorities.number),
    );
}

export interface SubmittedReport extends OwedReport {
  sponsor: string;
}

/** Reports submitted and waiting for the programme office to approve or return, soonest deadline first. */
export async function reportsAwaitingApproval(db: Db, organisationId: number): Promise<SubmittedReport[]> {
  return db
    .select({
      reportId: highlightReports.id,
      state: highlightReports.state,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
      meetingId: boardMeetings.id,
      meetingOn: boardMeetings.meetingOn,
      papersDueOn: boardMeetings.papersDueOn,
      board: boards.name,
      sponsor: sql<string>`coalesce(${users.name}, nullif(${priorities.sponsorName}, ''), '')`,
    })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .leftJoin(
      users,
      eq(users.id, sql`coalesce(${highlightReports.assignedUserId}, ${priorities.sponsorUserId})`),
    )
    .where(
      and(eq(boards.organisationId, organisationId), eq(highlightReports.state, 'submitted'), stillToCome),
    )
    .orderBy(
      asc(sql`coalesce(${boardMeetings.papersDueOn}, ${boardMeetings.meetingOn})`),
      asc(boardMeetings.id),
      asc(priorities.number),
    );
}

/** The boards a person sits on, by id. */
export async function boardsSatOn(db: Db, organisationId: number, userId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: boards.id })
    .from(boardMembers)
    .innerJoin(boards, eq(boards.id, boardMembers.boardId))
    .where(and(eq(boards.organisationId, organisationId), eq(boardMembers.userId, userId)));
  return rows.map((r) => r.id);
}

export interface NextMeeting {
  meetingId: number;
  meetingOn: string;
  papersDueOn: string | null;
  status: (typeof boardMeetings.$inferSelect)['status'];
  boardId: number;
  board: string;
}

/**
 * The council's next meeting on or after today, of one of `boardIds` when given and any has one
 * (a board member's own board first), else of any board.
 */
export async function nextMeeting(
  db: Db,
  organisationId: number,
  today: string,
  boardIds: readonly number[] = [],
): Promise<NextMeeting | null> {
  // (A constant in ORDER BY would be read as a column position, so the preference is left out when there is none.)
  const preferred =
    boardIds.length > 0
      ? [asc(sql`case when ${inArray(boardMeetings.boardId, [...boardIds])} then 0 else 1 end`)]
      : [];
  const [row] = await db
    .select({
      meetingId: boardMeetings.id,
      meetingOn: boardMeetings.meetingOn,
      papersDueOn: boardMeetings.papersDueOn,
      status: boardMeetings.status,
      boardId: boards.id,
      board: boards.name,
    })
    .from(boardMeetings)
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(and(eq(boards.organisationId, organisationId), gte(boardMeetings.meetingOn, today), stillToCome))
    .orderBy(...preferred, asc(boardMeetings.meetingOn), asc(boardMeetings.id))
    .limit(1);
  return row ?? null;
}

export interface MeetingReadiness {
  /** How many of the meeting's reports are in each state. */
  reports: Record<ReportState, number>;
  total: number;
  /** The latest issue of its papers, if they have been issued. */
  issued: { version: number; issuedAt: Date } | null;
}

/** How far a meeting's papers have come: its reports by state and whether the papers are issued. */
export async function meetingReadiness(
  db: Db,
  organisationId: number,
  meetingId: number,
): Promise<MeetingReadiness> {
  const [states, [issued]] = await Promise.all([
    db
      .select({ state: highlightReports.state, n: count() })
      .from(highlightReports)
      .where(eq(highlightReports.meetingId, meetingId))
      .groupBy(highlightReports.state),
    db
      .select({ version: issuedPapers.version, issuedAt: issuedPapers.issuedAt })
      .from(issuedPapers)
      .where(
        and(
          eq(issuedPapers.organisationId, organisationId),
          eq(issuedPapers.kind, 'board-pack'),
          eq(issuedPapers.subjectId, meetingId),
        ),
      )
      .orderBy(sql`${issuedPapers.version} desc`)
      .limit(1),
  ]);
  const reports: Record<ReportState, number> = { draft: 0, submitted: 0, returned: 0, approved: 0 };
  for (const s of states) reports[s.state] = s.n;
  return { reports, total: states.reduce((sum, s) => sum + s.n, 0), issued: issued ?? null };
}
