import type { Db } from '../db/client.ts';
import { claimReminder, releaseReminder } from '../db/board/commands.ts';
import { openCycleMeetings, programmeOffice, reportsToRemind, returnEvents } from '../db/board/queries.ts';
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
  /** Where links in e-mails point: full URLs, made by the caller (web or cli) from its own paths. */
  links: ReminderLinks;
  /** Only this council's meetings (the web app after opening a cycle); all councils when absent. */
  organisationId?: number;
}

/** The links an e-mail carries, as absolute URLs. Mail knows nothing of the web app's routes. */
export interface ReminderLinks {
  highlightReport(reportId: number): string;
  meeting(meetingId: number): string;
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

  const send = async (
    organisationId: number,
    kind: Kind,
    eventKey: string,
    to: string,
    message: { subject: string; text: string },
  ) => {
    if (!to) return;
    const claim = await claimReminder(db, {
      organisationId,
      eventKey,
      kind,
      recipient: to,
      subject: message.subject,
    });
    if (claim === null) return;
    try {
      await mailer.send({ to, ...message });
    } catch (error) {
      // Not sent, so not claimed: the next run tries again.
      await releaseReminder(db, claim);
      throw error;
    }
    sent.push({ kind, to, subject: message.subject });
  };

  const meetings = await openCycleMeetings(db, options.today, options.organisationId);

  for (const { meeting, board } of meetings) {
    const organisationId = board.organisationId;
    const reports = await reportsToRemind(db, meeting.id);
    const ref = (r: (typeof reports)[number]): messages.ReportRef => ({
      priority: r.priority,
      board: board.name,
      meetingOn: meeting.meetingOn,
      papersDueOn: meeting.papersDueOn,
      link: options.links.highlightReport(r.report.id),
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

    const returns = await returnEvents(
      db,
      reports.map((r) => r.report.id),
    );
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
    const office = await programmeOffice(db, organisationId);
    const message = messages.digest(
      board.name,
      meeting.meetingOn,
      meeting.papersDueOn,
      missing.map((r) => ({
        priority: r.priority,
        sponsor: r.name,
        state: r.report.state === 'returned' ? 'returned' : 'not yet submitted',
      })),
      options.links.meeting(meeting.id),
    );
    for (const person of office)
      await send(organisationId, 'digest', `digest:${meeting.id}:${stage}`, person.email, message);
  }
  return sent;
}
