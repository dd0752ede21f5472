import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  boardMeetings,
  boards,
  highlightReportEvents,
  highlightReports,
  priorities,
  reminderLog,
  users,
} from '../db/schema.ts';
import { paths } from '../web/paths.ts';
import type { Mailer } from './mailer.ts';
import * as messages from './messages.ts';

/*
 * Reminders are worked out from the state of the data and a date, never from a schedule kept in
 * memory, so `wesaid remind` can run from cron, after a restart, or twice, and send each e-mail
 * once: every e-mail is an event ("the cycle for report 12 opened", "report 12 was returned at
 * event 40") claimed in the reminder log before it is sent.
 */

export interface ReminderOptions {
  /** ISO date: what "today" is for deadlines. */
  today: string;
  /** Where links in e-mails point, e.g. https://wesaid.council.gov.uk */
  publicUrl: string;
  /** Only this council's meetings (the web app after opening a cycle); all councils when absent. */
  organisationId?: number;
}

export interface SentReminder {
  kind: 'cycle-opened' | 'deadline' | 'returned' | 'digest';
  to: string;
  subject: string;
}

type Kind = SentReminder['kind'];

/** The day `days` before an ISO date. */
export function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export async function sendDueReminders(
  db: Db,
  mailer: Mailer,
  options: ReminderOptions,
): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  const link = (path: string) => new URL(path, options.publicUrl).toString();

  const send = async (
    organisationId: number,
    kind: Kind,
    eventKey: string,
    to: string,
    message: { subject: string; text: string },
  ) => {
    if (!to) return;
    const claimed = await db
      .insert(reminderLog)
      .values({ organisationId, eventKey, kind, recipient: to, subject: message.subject })
      .onConflictDoNothing()
      .returning({ id: reminderLog.id });
    if (claimed.length === 0) return;
    try {
      await mailer.send({ to, ...message });
    } catch (error) {
      // Not sent, so not claimed: the next run tries again.
      await db.delete(reminderLog).where(eq(reminderLog.id, claimed[0]!.id));
      throw error;
    }
    sent.push({ kind, to, subject: message.subject });
  };

  const meetings = await db
    .select({ meeting: boardMeetings, board: boards })
    .from(boardMeetings)
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(
      and(
        eq(boardMeetings.status, 'cycle-open'),
        isNotNull(boardMeetings.cycleOpenedAt),
        gte(boardMeetings.meetingOn, options.today),
        options.organisationId ? eq(boards.organisationId, options.organisationId) : undefined,
      ),
    )
    .orderBy(asc(boardMeetings.meetingOn), asc(boardMeetings.id));

  for (const { meeting, board } of meetings) {
    const organisationId = board.organisationId;
    const reports = await db
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
      .where(eq(highlightReports.meetingId, meeting.id))
      .orderBy(asc(priorities.number));
    const ref = (r: (typeof reports)[number]): messages.ReportRef => ({
      priority: r.priority,
      board: board.name,
      meetingOn: meeting.meetingOn,
      papersDueOn: meeting.papersDueOn,
      link: link(paths.highlightReport(r.report.id)),
    });

    for (const r of reports) {
      await send(
        organisationId,
        'cycle-opened',
        `cycle-opened:${r.report.id}`,
        r.email,
        messages.cycleOpened(r.name, ref(r)),
      );
    }

    const returns = reports.length
      ? await db
          .select()
          .from(highlightReportEvents)
          .where(
            and(
              inArray(
                highlightReportEvents.reportId,
                reports.map((r) => r.report.id),
              ),
              eq(highlightReportEvents.action, 'return'),
            ),
          )
          .orderBy(asc(highlightReportEvents.id))
      : [];
    for (const event of returns) {
      const r = reports.find((x) => x.report.id === event.reportId)!;
      await send(
        organisationId,
        'returned',
        `returned:${event.id}`,
        r.email,
        messages.returned(r.name, ref(r), event.actorName, event.comment),
      );
    }

    if (!meeting.papersDueOn || options.today < daysBefore(meeting.papersDueOn, meeting.reminderDaysBefore))
      continue;
    const missing = reports.filter((r) => r.report.state === 'draft' || r.report.state === 'returned');
    if (options.today <= meeting.papersDueOn) {
      for (const r of missing) {
        await send(
          organisationId,
          'deadline',
          `deadline:${r.report.id}`,
          r.email,
          messages.deadlineReminder(r.name, ref(r)),
        );
      }
    }
    if (missing.length === 0) continue;
    // Two digests at most: when the reminders go out, and on the deadline or after it.
    const stage = options.today >= meeting.papersDueOn ? 'deadline' : 'reminder';
    const office = await db
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
    const message = messages.digest(
      board.name,
      meeting.meetingOn,
      meeting.papersDueOn,
      missing.map((r) => ({
        priority: r.priority,
        sponsor: r.name,
        state: r.report.state === 'returned' ? 'returned' : 'not yet submitted',
      })),
      link(paths.meeting(meeting.id)),
    );
    for (const person of office)
      await send(organisationId, 'digest', `digest:${meeting.id}:${stage}`, person.email, message);
  }
  return sent;
}
