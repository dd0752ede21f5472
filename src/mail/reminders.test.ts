import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { moveReport, openCycle } from '../db/board/commands.ts';
import { loadRagScale } from '../db/board/queries.ts';
import { reminderLinks } from '../web/board/mail-links.ts';
import { systemActor } from '../db/changes.ts';
import { highlightReports } from '../db/schema.ts';
import { testDatabase } from '../../test/helpers/database.ts';
import { buildPlanWithPeople, buildUser } from '../../test/helpers/builders.ts';
import { buildBoard, buildMeeting } from '../../test/helpers/board-builders.ts';
import { smtpSink } from '../../test/helpers/smtp.ts';
import { createMailer } from './mailer.ts';
import { daysBefore, sendDueReminders } from './reminders.ts';

/*
 * Reminders over real SMTP, with "today" given: who gets which e-mail on which day, and that
 * running again sends nothing twice.
 */

async function world(t: import('node:test').TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const people = await buildPlanWithPeople(db);
  const board = await buildBoard(db, people.organisationId, people.plan.id);
  // Papers due Tuesday 8 October, reminders 3 days before (Saturday 5 October), meeting on the 15th.
  const meeting = await buildMeeting(db, people.organisationId, board.id);
  const sink = await smtpSink(t);
  const mailer = createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'Wesaid <wesaid@testshire.gov.uk>' })!;
  t.after(() => mailer.close());
  const remind = (today: string) =>
    sendDueReminders(db, mailer, { today, links: reminderLinks('https://wesaid.testshire.gov.uk') });
  const open = async () =>
    openCycle(
      db,
      people.organisationId,
      { meetingId: meeting.id, planId: people.plan.id, scale: await loadRagScale(db, people.organisationId) },
      systemActor('Office'),
    );
  const reportOf = async (priorityId: number) =>
    (await db.select().from(highlightReports).where(eq(highlightReports.priorityId, priorityId)))[0]!;
  return { db, people, meeting, sink, remind, open, reportOf };
}

test('daysBefore counts calendar days across a month end', () => {
  assert.equal(daysBefore('2024-10-02', 3), '2024-09-29');
});

test('nothing is sent before a cycle opens; opening it e-mails each sponsor once', async (t) => {
  const { remind, open, sink, people, reportOf } = await world(t);
  assert.deepEqual(await remind('2024-09-20'), []);
  await open();
  const sent = await remind('2024-09-20');
  assert.deepEqual(
    sent.map((s) => [s.kind, s.to]).sort(),
    [
      ['cycle-opened', people.people.otherSponsor.email],
      ['cycle-opened', people.people.sponsor.email],
    ].sort(),
  );
  assert.equal(sink.messages.length, 2);
  const mine = sink.messages.find((m) => m.to.includes(people.people.sponsor.email))!;
  assert.equal(
    mine.subject,
    'Highlight report needed: Priority 1: Quality of practice – Improvement Board, 15 October 2024',
  );
  assert.match(mine.text, /Dear Sam Sponsor,/);
  assert.match(mine.text, /Papers are due by 8 October 2024\./);
  const report = await reportOf(people.priority.id);
  assert.match(mine.text, new RegExp(`https://wesaid\\.testshire\\.gov\\.uk/highlight-reports/${report.id}`));
  // Run again the same day, and the next: nothing new.
  assert.deepEqual(await remind('2024-09-20'), []);
  assert.deepEqual(await remind('2024-09-21'), []);
  assert.equal(sink.messages.length, 2);
});

test('days before the deadline, sponsors who have not submitted are reminded and the office gets a digest', async (t) => {
  const { db, remind, open, sink, people, reportOf } = await world(t);
  const secondOffice = await buildUser(db, 'programme-manager', { organisationId: people.organisationId });
  await open();
  await remind('2024-09-20');
  sink.messages.length = 0;
  const report = await reportOf(people.otherPriority.id);
  await db.update(highlightReports).set({ currentRag: 'amber' }).where(eq(highlightReports.id, report.id));
  await moveReport(
    db,
    people.organisationId,
    { reportId: report.id, action: 'submit', as: 'sponsor' },
    systemActor('Olu'),
  );

  assert.deepEqual(await remind('2024-10-04'), [], 'the day before the reminder day');
  const due = await remind('2024-10-05');
  assert.deepEqual(
    due.map((s) => [s.kind, s.to]),
    [
      ['deadline', people.people.sponsor.email],
      ['digest', people.people.programmeManager.email],
      ['digest', secondOffice.email],
    ],
  );
  const digest = sink.messages.find((m) => m.to.includes(people.people.programmeManager.email))!;
  assert.equal(digest.subject, '1 highlight report not submitted – Improvement Board, 15 October 2024');
  assert.match(digest.text, /- Priority 1: Quality of practice: Sam Sponsor \(not yet submitted\)/);
  assert.doesNotMatch(digest.text, /Leadership and workforce/);
  assert.deepEqual(await remind('2024-10-06'), []);
  // On the deadline the office hears once more; the sponsor's reminder is not repeated.
  const deadline = await remind('2024-10-08');
  assert.deepEqual(
    deadline.map((s) => [s.kind, s.to]),
    [
      ['digest', people.people.programmeManager.email],
      ['digest', secondOffice.email],
    ],
  );
  assert.deepEqual(await remind('2024-10-09'), []);
  // After the meeting, nothing at all.
  assert.deepEqual(await remind('2024-10-16'), []);
});

test('a returned report e-mails its sponsor with the comments, once for each return', async (t) => {
  const { db, remind, open, sink, people, reportOf } = await world(t);
  await open();
  await remind('2024-09-20');
  sink.messages.length = 0;
  const report = await reportOf(people.priority.id);
  await db.update(highlightReports).set({ currentRag: 'green' }).where(eq(highlightReports.id, report.id));
  const office = { userId: people.people.programmeManager.id, name: 'Pat Office' };
  await moveReport(
    db,
    people.organisationId,
    { reportId: report.id, action: 'submit', as: 'sponsor' },
    systemActor('Sam'),
  );
  await moveReport(
    db,
    people.organisationId,
    {
      reportId: report.id,
      action: 'return',
      comment: 'Explain why Green when two actions are late.',
      as: 'programme-office',
    },
    office,
  );
  const sent = await remind('2024-09-25');
  assert.deepEqual(
    sent.map((s) => [s.kind, s.to]),
    [['returned', people.people.sponsor.email]],
  );
  assert.equal(
    sink.messages[0]!.subject,
    'Highlight report returned: Priority 1: Quality of practice – Improvement Board, 15 October 2024',
  );
  assert.match(
    sink.messages[0]!.text,
    /Pat Office returned the highlight report for Priority 1: Quality of practice with these comments:\n\nExplain why Green when two actions are late\./,
  );
  assert.deepEqual(await remind('2024-09-25'), []);
  // Returned a second time: a second e-mail, for the second event.
  await moveReport(
    db,
    people.organisationId,
    { reportId: report.id, action: 'submit', as: 'sponsor' },
    systemActor('Sam'),
  );
  await moveReport(
    db,
    people.organisationId,
    { reportId: report.id, action: 'return', comment: 'Still no evidence.', as: 'programme-office' },
    office,
  );
  const again = await remind('2024-09-26');
  assert.equal(again.length, 1);
  assert.match(sink.messages[1]!.text, /Still no evidence\./);
});

test('an e-mail that fails to send is not marked sent, so the next run sends it', async (t) => {
  const { db, open } = await world(t);
  await open();
  const failing = { send: () => Promise.reject(new Error('relay down')), close: () => undefined };
  await assert.rejects(
    sendDueReminders(db, failing, { today: '2024-09-20', links: reminderLinks('https://x.example') }),
    /relay down/,
  );
  const sink = await smtpSink(t);
  const mailer = createMailer({ SMTP_URL: sink.url, MAIL_FROM: 'w@x.example' })!;
  t.after(() => mailer.close());
  const sent = await sendDueReminders(db, mailer, {
    today: '2024-09-20',
    links: reminderLinks('https://x.example'),
  });
  assert.equal(sent.length, 2);
});
