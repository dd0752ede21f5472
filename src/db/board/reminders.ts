import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ReminderKind } from '../../domain/board-cycle.ts';
import type { Db } from '../client.ts';
import {
  boardMeetings,
  boards,
  highlightReportEvents,
  highlightReports,
  priorities,
  reminderLog,
  users,
} from '../schema.ts';

/*
 * What the reminders read and write (src/mail/reminders.ts decides what is due): meetings whose
 * cycle is open, their reports with who writes each, returns, the programme office, and the
 * reminder log in which each e-mail is claimed before it is sent.
 */

/** Meetings with an open cycle, on or after `today`, of one council or all. */
export async function openCycleMeetings(db: Db, today: string, organisationId?: number) {
  return db
    .select({ meeting: boardMeetings, board: boards })
    .from(boardMeetings)
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(
      and(
        eq(boardMeetings.status, 'cycle-open'),
        isNotNull(boardMeetings.cycleOpenedAt),
        gte(boardMeetings.meetingOn, today),
        organisationId ? eq(boards.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(asc(boardMeetings.meetingOn), asc(boardMeetings.id));
}

/** A meeting's reports with the name and e-mail of who writes each (none for a disabled account). */
export async function reportsToRemind(db: Db, meetingId: number) {
  return db
    .select({
      report: highlightReports,
      priority: sql<string>`'Priority ' || ${priorities.number} || ': ' || ${priorities.title}`,
      name: sql<string>`coalesce(${users.name}, ${priorities.sponsorName})`,
      email: sql<string>`coalesce(${users.email}, '')`,
    })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .leftJoin(
      users,
      and(
        eq(users.id, sql`coalesce(${highlightReports.assignedUserId}, ${priorities.sponsorUserId})`),
        eq(users.disabled, false),
      ),
    )
    .where(eq(highlightReports.meetingId, meetingId))
    .orderBy(asc(priorities.number));
}

/** Every return of these reports, oldest first. */
export async function returnEvents(db: Db, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(highlightReportEvents)
    .where(
      and(
        inArray(highlightReportEvents.reportId, [...reportIds]),
        eq(highlightReportEvents.action, 'return'),
      ),
    )
    .orderBy(asc(highlightReportEvents.id));
}

/** The council's programme managers with an active account, who get the digest. */
export async function programmeOffice(db: Db, organisationId: number) {
  return db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.role, 'programme-manager'),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.id));
}

/**
 * Claims one e-mail in the reminder log: the id of the claim, or null when it was claimed before
 * (sent already, or being sent by another run). The unique key makes this safe to race.
 */
export async function claimReminder(
  db: Db,
  claim: { organisationId: number; eventKey: string; kind: ReminderKind; recipient: string; subject: string },
): Promise<number | null> {
  const claimed = await db
    .insert(reminderLog)
    .values(claim)
    .onConflictDoNothing()
    .returning({ id: reminderLog.id });
  return claimed[0]?.id ?? null;
}

/** Gives a claim back when the e-mail could not be sent, so the next run tries again. */
export async function releaseReminder(db: Db, claimId: number): Promise<void> {
  await db.delete(reminderLog).where(eq(reminderLog.id, claimId));
}
