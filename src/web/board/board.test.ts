import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { highlightReports } from '../../db/schema.ts';
import { defaultRagScale } from '../../domain/rag-scale.ts';
import { docxText, findOutOfOrder } from '../../reports/text-readback.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildArea, buildCommitment, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildApprovedReport, buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { smtpSink } from '../../../test/helpers/smtp.ts';
import { paths } from '../paths.ts';

async function cycleWorld(t: import('node:test').TestContext, today = '2024-10-01') {
  const { app, database } = await testApp(t, { WESAID_TODAY: today });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  await buildApprovedReport(db, world.organisationId, board.id, world.priority.id, { currentRag: 'amber' });
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const client = (person: { email: string; password: string }) => {
    const c = new TestClient(app);
    return c.signIn(person.email, person.password).then(() => c);
  };
  return { app, db, world, board, meeting, client };
}

async function openedCycle(t: import('node:test').TestContext, today = '2024-10-01') {
  const w = await cycleWorld(t, today);
  const office = await w.client(w.world.people.programmeManager);
  await office.get(paths.meeting(w.meeting.id));
  const opened = await office.post(paths.openCycle(w.meeting.id), {});
  assert.equal(opened.statusCode, 303);
  const reports = await w.db
    .select()
    .from(highlightReports)
    .where(eq(highlightReports.meetingId, w.meeting.id));
  const mine = reports.find((r) => r.priorityId === w.world.priority.id)!;
  const other = reports.find((r) => r.priorityId === w.world.otherPriority.id)!;
  return { ...w, office, reports, mine, other };
}

test('opening a cycle makes a draft report per priority, for its sponsor, with the previous RAG carried', async (t) => {
  const { reports, mine, other, world, office, meeting } = await openedCycle(t);
  assert.equal(reports.length, 2);
  assert.equal(mine.state, 'draft');
  assert.equal(mine.assignedUserId, world.people.sponsor.id);
  assert.equal(mine.previousRag, 'amber');
  assert.equal(other.previousRag, null);
  const page = await office.get(paths.meeting(meeting.id));
  assert.match(page.body, /Reports being written/);
  assert.doesNotMatch(page.body, /Open the reporting cycle/);
  // Opening twice is refused rather than making more reports.
  const again = await office.post(paths.openCycle(meeting.id), {});
  assert.equal(again.statusCode, 400);
});

test('a sponsor writes the report with nested lists, sees the evidence check, and submits', async (t) => {
  const { db, world, mine, client } = await openedCycle(t);
  const sponsor = await client(world.people.sponsor);
  const form = await sponsor.get(paths.editHighlightReport(mine.id));
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /What needs to improve: The quality of assessments/);
  const saved = await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'green',
    reason: 'Some actions are delayed.',
    completedBy: 'Sam Sponsor',
    [`progress-${world.area.id}`]: '- Audit completed\n  - 20 cases reviewed\n- Training delivered',
    [`next-${world.area.id}`]: '- Re-audit in December',
    commitmentIds: String(world.commitment.id),
  });
  assert.equal(saved.statusCode, 303);
  const page = await sponsor.get(paths.highlightReport(mine.id));
  assert.match(page.body, /data-kind="rag-reason-mismatch"/);
  assert.match(page.body, /data-kind="rag-improved-without-progress"|data-kind="rag-reason-mismatch"/);
  assert.match(
    page.body,
    /<li>Audit completed<ul class="govuk-list govuk-list--bullet"><li>20 cases reviewed<\/li><\/ul><\/li>/,
  );
  assert.match(page.body, /We will introduce a new staff induction/);
  const submitted = await sponsor.post(paths.moveHighlightReport(mine.id, 'submit'), {});
  assert.equal(submitted.statusCode, 303);
  const [row] = await db.select().from(highlightReports).where(eq(highlightReports.id, mine.id));
  assert.equal(row!.state, 'submitted');
  // Submitted reports are no longer editable, even by their sponsor.
  assert.equal((await sponsor.get(paths.editHighlightReport(mine.id))).statusCode, 400);
});

test('the form shows errors in GOV.UK style and keeps what was typed', async (t) => {
  const { world, mine, client } = await openedCycle(t);
  const sponsor = await client(world.people.sponsor);
  await sponsor.get(paths.editHighlightReport(mine.id));
  const response = await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'purple',
    reason: 'My reason',
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<a href="#currentRag">Select the current RAG status from the list<\/a>/);
  assert.match(response.body, /My reason/);
});

test('two people editing the same report at once lose nothing', async (t) => {
  const { world, mine, client, office, db } = await openedCycle(t);
  const sponsor = await client(world.people.sponsor);
  await sponsor.get(paths.editHighlightReport(mine.id));
  await office.get(paths.editHighlightReport(mine.id));
  const first = await office.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'amber',
    reason: 'Programme office wording.',
    [`progress-${world.area.id}`]: '- Office item',
  });
  assert.equal(first.statusCode, 303);
  const second = await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'green',
    reason: 'Sponsor wording.',
    [`progress-${world.area.id}`]: '- Sponsor item',
  });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /Someone else changed this report while you were editing/);
  assert.match(second.body, /Programme office wording\./);
  assert.match(second.body, /Office item/);
  assert.match(second.body, /Sponsor wording\./);
  assert.match(second.body, /- Sponsor item/);
  const [stored] = await db.select().from(highlightReports).where(eq(highlightReports.id, mine.id));
  assert.equal(stored!.reason, 'Programme office wording.');
  // Saving again from the conflict page, at the newer version, is a deliberate choice and succeeds.
  const version = /name="version" value="(\d+)"/.exec(second.body)![1]!;
  const third = await sponsor.post(paths.editHighlightReport(mine.id), {
    version,
    currentRag: 'green',
    reason: 'Sponsor wording.',
    [`progress-${world.area.id}`]: '- Sponsor item',
  });
  assert.equal(third.statusCode, 303);
});

test('only the sponsor or the programme office write a report; board members comment; sponsors cannot approve', async (t) => {
  const { world, mine, other, client } = await openedCycle(t);
  const sponsor = await client(world.people.sponsor);
  assert.equal((await sponsor.get(paths.editHighlightReport(other.id))).statusCode, 403);
  await sponsor.get(paths.highlightReport(mine.id));
  assert.equal((await sponsor.post(paths.moveHighlightReport(other.id, 'submit'), {})).statusCode, 403);
  const member = await client(world.people.boardMember);
  assert.equal((await member.get(paths.editHighlightReport(mine.id))).statusCode, 403);
  await member.get(paths.highlightReport(mine.id));
  const commented = await member.post(paths.highlightReportComments(mine.id), {
    text: 'Why is the induction late?',
  });
  assert.equal(commented.statusCode, 303);
  assert.match((await member.get(paths.highlightReport(mine.id))).body, /Why is the induction late\?/);
  const viewer = await client(world.people.viewer);
  await viewer.get(paths.highlightReport(mine.id));
  assert.equal((await viewer.post(paths.highlightReportComments(mine.id), { text: 'x' })).statusCode, 403);
  await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'amber',
    reason: 'On plan.',
  });
  await sponsor.get(paths.highlightReport(mine.id));
  await sponsor.post(paths.moveHighlightReport(mine.id, 'submit'), {});
  assert.equal((await sponsor.post(paths.moveHighlightReport(mine.id, 'approve'), {})).statusCode, 403);
  const noCsrf = await sponsor.post(paths.highlightReportComments(mine.id), {
    _csrf: null,
    text: 'No token',
  });
  assert.equal(noCsrf.statusCode, 403);
});

test('returned with comments, resubmitted, approved; then the pack reads back in order', async (t) => {
  const { world, mine, client, office, meeting, db } = await openedCycle(t);
  await buildArea(db, world.organisationId, world.priority.id, {
    title: 'The timeliness of permanence',
    position: 1,
  });
  const sponsor = await client(world.people.sponsor);
  await sponsor.get(paths.editHighlightReport(mine.id));
  await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'amber',
    reason: 'Recovery actions in place.',
    completedBy: 'Sam Sponsor',
    [`progress-${world.area.id}`]: '- Audit done',
  });
  await sponsor.get(paths.highlightReport(mine.id));
  await sponsor.post(paths.moveHighlightReport(mine.id, 'submit'), {});

  await office.get(paths.highlightReport(mine.id));
  const empty = await office.post(paths.moveHighlightReport(mine.id, 'return'), { comment: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#return-comment">Enter what the sponsor needs to change/);
  await office.post(paths.moveHighlightReport(mine.id, 'return'), { comment: 'Say what the audit found.' });
  const returned = await sponsor.get(paths.highlightReport(mine.id));
  assert.match(returned.body, /Returned with comments/);
  assert.match(returned.body, /Say what the audit found\./);

  const [current] = await db.select().from(highlightReports).where(eq(highlightReports.id, mine.id));
  await sponsor.get(paths.editHighlightReport(mine.id));
  await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(current!.version),
    currentRag: 'amber',
    reason: 'Recovery actions in place.',
    completedBy: 'Sam Sponsor',
    [`progress-${world.area.id}`]: '- Audit done: thresholds applied inconsistently',
  });
  await sponsor.get(paths.highlightReport(mine.id));
  await sponsor.post(paths.moveHighlightReport(mine.id, 'submit'), {});
  await office.get(paths.highlightReport(mine.id));
  assert.equal((await office.post(paths.moveHighlightReport(mine.id, 'approve'), {})).statusCode, 303);
  const history = await office.get(paths.highlightReportHistory(mine.id));
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /Progress: - Audit done: thresholds applied inconsistently/);

  const docx = await office.get(paths.boardPack(meeting.id, 'docx'));
  assert.equal(docx.statusCode, 200);
  assert.match(String(docx.headers['content-disposition']), /attachment; filename=".*\.docx"/);
  const text = await docxText(docx.rawPayload);
  assert.equal(
    findOutOfOrder(text, [
      'RAG summary',
      'Priority 1: Quality of practice',
      'Priority 2: Leadership and workforce',
      'Reason for RAG Recovery actions in place.',
      'Report status Approved',
      'What needs to improve: The quality of assessments',
      'Audit done: thresholds applied inconsistently',
      'What needs to improve: The timeliness of permanence',
    ]),
    undefined,
  );
  const html = await office.get(paths.boardPack(meeting.id, 'html'));
  assert.match(String(html.headers['content-type']), /text\/html/);
  const styleNonce = /style-src[^;]*'nonce-([^']+)'/.exec(
    String(html.headers['content-security-policy']),
  )?.[1];
  assert.ok(
    styleNonce && html.body.includes(`<style nonce="${styleNonce}">`),
    'the pack’s own styles are allowed by the page’s CSP',
  );
  const pdf = await office.get(paths.boardPack(meeting.id, 'pdf'));
  assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
  assert.equal((await office.get(paths.boardPack(meeting.id, 'exe'))).statusCode, 404);
});

test('the API lists a meeting day’s reports with previous and current RAG, state and evidence warnings', async (t) => {
  const { world, mine, client, office } = await openedCycle(t);
  const sponsor = await client(world.people.sponsor);
  await sponsor.get(paths.editHighlightReport(mine.id));
  await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'green',
    reason: 'Work is at risk.',
  });
  const response = await office.get(paths.api.highlightReports({ meeting: '2024-10-15' }));
  assert.equal(response.statusCode, 200);
  const body = response.json<{
    items: {
      priority: { number: number; title: string };
      previousRag: string | null;
      currentRag: string | null;
      state: string;
      evidenceWarnings: { kind: string }[];
    }[];
  }>();
  assert.deepEqual(
    body.items.map((i) => i.priority),
    [
      { number: 1, title: 'Quality of practice' },
      { number: 2, title: 'Leadership and workforce' },
    ],
  );
  assert.equal(body.items[0]!.previousRag, 'amber');
  assert.equal(body.items[0]!.currentRag, 'green');
  assert.equal(body.items[0]!.state, 'draft');
  // Amber to Green, with an at-risk reason and no progress written: two things to ask about.
  assert.deepEqual(
    body.items[0]!.evidenceWarnings.map((w) => w.kind),
    ['rag-reason-mismatch', 'rag-improved-without-progress'],
  );
  assert.equal((await office.get('/api/v1/highlight-reports?meeting=10-15-2024')).statusCode, 400);
  assert.deepEqual((await office.get(paths.api.highlightReports({ meeting: '2030-01-01' }))).json(), {
    items: [],
  });
});

test('RAG history shows approved ratings as a chart with a table; the RAG scale is editable per council', async (t) => {
  const { world, office, client } = await openedCycle(t);
  const history = await office.get(paths.priorityRagHistory(world.priority.id));
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /<svg[^>]*role="img"/);
  assert.match(
    history.body,
    /<th scope="row" class="govuk-table__header">1\. Quality of practice<\/th><td class="govuk-table__cell">Amber \(At Risk\)<\/td>/,
  );
  assert.equal((await office.get(paths.planRagHistory(world.plan.id))).statusCode, 200);

  const scale = await office.get(paths.ragScale());
  assert.match(
    scale.body,
    /One or more aspect of programme viability i\.e\. time, cost, scope, quality etc\. is at risk/,
  );
  const values = Object.fromEntries(
    defaultRagScale().flatMap((s) => [
      [`label-${s.code}`, s.label],
      [`meaning-${s.code}`, s.meaning],
      [`definition-${s.code}`, s.definition],
    ]),
  );
  const blank = await office.post(paths.ragScale(), { ...values, 'definition-red': '' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#definition-red">Enter a definition for Red/);
  const saved = await office.post(paths.ragScale(), {
    ...values,
    'definition-amber': 'Within tolerance but at risk.',
    newLabel: 'Not started',
    newDefinition: 'Work has not begun.',
  });
  assert.equal(saved.statusCode, 200);
  assert.match(saved.body, /The RAG scale has been saved/);
  assert.match((await office.get(paths.ragScale())).body, /Within tolerance but at risk\./);
  const sponsor = await client(world.people.sponsor);
  assert.equal((await sponsor.get(paths.ragScale())).statusCode, 403);
});

test('boards, members and meetings are set up by the programme office', async (t) => {
  const { world, client, board } = await cycleWorld(t);
  const office = await client(world.people.programmeManager);
  await office.get(paths.newBoard());
  const created = await office.post(paths.newBoard(), {
    name: 'Corporate Parenting Board',
    kind: 'corporate-parenting-board',
    planId: String(world.plan.id),
  });
  assert.equal(created.statusCode, 303);
  const boardUrl = String(created.headers.location);
  const boardId = boardUrl.split('/').at(-1)!;
  await office.get(paths.newBoardMember(boardId));
  assert.equal(
    (await office.post(paths.newBoardMember(boardId), { userId: '', name: '', email: '', role: '' }))
      .statusCode,
    400,
  );
  assert.equal(
    (
      await office.post(paths.newBoardMember(boardId), {
        userId: String(world.people.boardMember.id),
        name: '',
        email: '',
        role: 'Independent chair',
      })
    ).statusCode,
    303,
  );
  await office.get(paths.newMeeting(boardId));
  const late = await office.post(paths.newMeeting(boardId), {
    'meetingOn-day': '10',
    'meetingOn-month': '9',
    'meetingOn-year': '2024',
    'papersDueOn-day': '11',
    'papersDueOn-month': '9',
    'papersDueOn-year': '2024',
    reminderDaysBefore: '3',
  });
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /Papers deadline must be on or before the date of the meeting/);
  const meeting = await office.post(paths.newMeeting(boardId), {
    'meetingOn-day': '10',
    'meetingOn-month': '12',
    'meetingOn-year': '2024',
    'papersDueOn-day': '3',
    'papersDueOn-month': '12',
    'papersDueOn-year': '2024',
    reminderDaysBefore: '3',
  });
  assert.equal(meeting.statusCode, 303);
  const page = await office.get(boardUrl);
  assert.match(page.body, /Independent chair/);
  assert.match(page.body, /10 December 2024/);
  const list = await office.get(paths.boards());
  assert.match(list.body, /Corporate Parenting Board/);
  const sponsor = await client(world.people.sponsor);
  assert.equal((await sponsor.get(paths.newBoard())).statusCode, 403);
  assert.equal((await sponsor.get(paths.board(board.id))).statusCode, 200);
});

test('opening a cycle and returning a report e-mail the sponsor at once, over SMTP', async (t) => {
  const sink = await smtpSink(t);
  const { app, database } = await testApp(t, {
    SMTP_URL: sink.url,
    MAIL_FROM: 'Wesaid <wesaid@testshire.gov.uk>',
    PUBLIC_URL: 'https://wesaid.testshire.gov.uk',
    WESAID_TODAY: '2024-10-01',
  });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  // Today (1 October 2024, the app's clock) is before the meeting and before any reminder is due.
  const meeting = await buildMeeting(db, world.organisationId, board.id, {
    meetingOn: '2024-10-30',
    papersDueOn: '2024-10-20',
  });
  const office = new TestClient(app);
  await office.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  await office.get(paths.meeting(meeting.id));
  await office.post(paths.openCycle(meeting.id), {});
  assert.deepEqual(
    sink.messages.map((m) => m.to[0]).sort(),
    [world.people.otherSponsor.email, world.people.sponsor.email].sort(),
  );
  assert.match(
    sink.messages[0]!.subject,
    /^Highlight report needed: Priority \d: .* – Improvement Board, 30 October 2024$/,
  );

  const [mine] = await db
    .select()
    .from(highlightReports)
    .where(eq(highlightReports.priorityId, world.priority.id));
  await db
    .update(highlightReports)
    .set({ currentRag: 'amber', state: 'submitted' })
    .where(eq(highlightReports.id, mine!.id));
  await office.get(paths.highlightReport(mine!.id));
  await office.post(paths.moveHighlightReport(mine!.id, 'return'), { comment: 'Add the audit findings.' });
  assert.equal(sink.messages.length, 3);
  assert.deepEqual(sink.messages[2]!.to, [world.people.sponsor.email]);
  assert.match(sink.messages[2]!.text, /Add the audit findings\./);
  assert.match(
    sink.messages[2]!.text,
    new RegExp(`https://wesaid\\.testshire\\.gov\\.uk/highlight-reports/${mine!.id}`),
  );
});

test('the evidence check sees overdue commitments as at the meeting and text copied from the last approved report', async (t) => {
  // Today is after the meeting of 15 October 2024, so the evidence is judged as at the meeting.
  const { world, mine, client, office, db } = await openedCycle(t, '2024-12-01');
  await buildCommitment(db, world.organisationId, world.priority.id, {
    text: 'We will publish the neglect strategy.',
    dueOn: '2024-10-01',
    owner: 'Head of Early Help',
  });
  // Due after the meeting: overdue today, but not when the board read the report.
  await buildCommitment(db, world.organisationId, world.priority.id, {
    text: 'We will open the new home.',
    dueOn: '2024-11-30',
  });
  const sponsor = await client(world.people.sponsor);
  await sponsor.get(paths.editHighlightReport(mine.id));
  await sponsor.post(paths.editHighlightReport(mine.id), {
    version: String(mine.version),
    currentRag: 'amber',
    reason: 'Progress not as expected in some areas.',
  });
  const body = (await office.get(paths.api.highlightReports({ meeting: '2024-10-15' }))).json<{
    items: { evidenceWarnings: { kind: string; evidence: string[] }[] }[];
  }>();
  const warnings = body.items[0]!.evidenceWarnings;
  assert.deepEqual(
    warnings.map((w) => w.kind),
    ['unchanged-text', 'overdue-commitments'],
  );
  assert.deepEqual(warnings[1]!.evidence, [
    'We will publish the neglect strategy. (due 1 October 2024, owner Head of Early Help)',
  ]);
});
