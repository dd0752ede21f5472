import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import { recordChange, systemActor } from '../../db/changes.ts';
import { addMember, openCycle } from '../../db/board/commands.ts';
import { loadRagScale, listMeetingReports } from '../../db/board/queries.ts';
import { createAction } from '../../db/meetings/commands.ts';
import { createApiToken, ensureOrganisation } from '../../db/people/commands.ts';
import { createRisk } from '../../db/risks/commands.ts';
import { highlightReports } from '../../db/schema.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { demoDate } from '../../demo/demo-date.ts';
import { addDays } from '../../domain/home.ts';
import type { Role } from '../../domain/roles.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import {
  buildCommitment,
  buildOrganisation,
  buildPlan,
  buildPlanWithPeople,
  buildPriority,
  buildUser,
} from '../../../test/helpers/builders.ts';
import { testClock } from '../../../test/helpers/clock.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { paths } from '../paths.ts';

const actor = systemActor('Test');

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The text under one of the home page's headings, up to the next section's heading. */
function section(html: string, heading: string): string {
  const start = html.indexOf(`<h2 class="govuk-heading-m">${heading}</h2>`);
  if (start === -1) return '';
  const next = html.indexOf('<h2 class="govuk-heading-m">', start + 1);
  return textOf(html.slice(start, next === -1 ? html.indexOf('</main>') : next));
}

const headings = (html: string) =>
  [...html.matchAll(/<h2 class="govuk-heading-m">([^<]+)<\/h2>/g)].map((m) => m[1]);

/** The demo as a newcomer gets it, with the service working to `today`. */
async function demoAt(t: TestContext, today: string) {
  const { app, database } = await testApp(t, { WESAID_TODAY: today });
  const organisationId = await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
  const accounts = await loadDemo(database.db, organisationId, testClock(demoDate));
  const homeOf = async (role: Role) => {
    const account = accounts.find((a) => a.role === role)!;
    const client = new TestClient(app);
    await client.signIn(account.email, account.password);
    const page = await client.get(paths.home());
    assert.equal(page.statusCode, 200, role);
    return page.body;
  };
  return { homeOf };
}

const officeHeadings = [
  'Reports waiting for approval',
  'Overdue commitments',
  'Figures out of date',
  'Risks due for review',
  'The next meeting',
  'Plans',
];

test('on the demo’s date each role’s home page shows what is theirs', async (t) => {
  const { homeOf } = await demoAt(t, demoDate);

  const sponsor = await homeOf('sponsor');
  assert.deepEqual(headings(sponsor), [
    'Reports you owe',
    'Your commitments overdue or due soon',
    'Papers for the next meeting',
    'Your actions',
    'Plans',
  ]);
  const owed = section(sponsor, 'Reports you owe');
  assert.match(owed, /1\. Quality of Practice Improvement Board, 12 November 2024 29 October 2024 Draft/);
  assert.match(owed, /3\. Achieving Permanence/);
  assert.doesNotMatch(owed, /2\. Working in Partnership|4\. Leadership and Workforce/, 'submitted already');
  assert.match(sponsor, /href="\/highlight-reports\/\d+\/edit">1\. Quality of Practice/);
  const mine = section(sponsor, 'Your commitments overdue or due soon');
  assert.match(mine, /Replace the TNAP with the Graded Care Profile.* 30 September 2024 Overdue/);
  assert.match(sponsor, /href="\/commitments\/\d+">Replace the TNAP/);
  const actions = section(sponsor, 'Your actions');
  assert.match(actions, /Bring the digital return home interview offer/);
  assert.match(actions, /Report on the first use of the Graded Care Profile/);
  assert.doesNotMatch(actions, /section 20/, 'an action owned by a named officer is not the sponsor’s');
  assert.match(sponsor, /href="\/actions\/\d+">Bring the digital return home interview offer/);
  assert.match(section(sponsor, 'Papers for the next meeting'), /Improvement Board: 12 November 2024/);

  for (const role of ['programme-manager', 'administrator'] as const) {
    const office = await homeOf(role);
    assert.deepEqual(headings(office), officeHeadings, role);
    const waiting = section(office, 'Reports waiting for approval');
    assert.match(waiting, /2\. Working in Partnership Improvement Board, 12 November 2024 Alison Montgomery/);
    assert.match(waiting, /4\. Leadership and Workforce/);
    assert.doesNotMatch(waiting, /1\. Quality of Practice/, 'still a draft');
    assert.match(office, /href="\/highlight-reports\/\d+">2\. Working in Partnership/);
    assert.match(section(office, 'Overdue commitments'), /8 commitments are past the date/);
    assert.match(section(office, 'Figures out of date'), /Care leavers Monthly April 2021/);
    assert.match(office, /href="\/measures\/\d+">Care leavers/);
    assert.match(section(office, 'Risks due for review'), /No risks are due for review in the next 14 days/);
    const next = section(office, 'The next meeting');
    assert.match(next, /Improvement Board: 12 November 2024/);
    assert.match(next, /Highlight reports approved 0 of 4 Waiting for approval 2 With the sponsor 2/);
    assert.match(next, /Not issued yet/);
  }

  const board = await homeOf('board-member');
  assert.deepEqual(headings(board), ['Papers for the next meeting', 'Your actions', 'Plans']);
  const papers = section(board, 'Papers for the next meeting');
  assert.match(papers, /Improvement Board: 12 November 2024 View the meeting/);
  assert.match(papers, /Board pack as a web page Board pack \(PDF\) Agenda/);
  assert.doesNotMatch(papers, /Waiting for approval/, 'readiness is the programme office’s');
  assert.match(section(board, 'Your actions'), /You have no open actions/);

  const viewer = await homeOf('viewer');
  assert.deepEqual(headings(viewer), ['Papers for the next meeting', 'Plans']);
  assert.match(section(viewer, 'Plans'), /Children.s Improvement Programme \(2024\/25\), adopted/);
  assert.match(viewer, new RegExp(`href="${paths.plans()}">All plans`));
});

test('two years on, the demo’s meeting has passed and its dates are overdue', async (t) => {
  const { homeOf } = await demoAt(t, '2026-06-01');

  const sponsor = await homeOf('sponsor');
  assert.match(
    section(sponsor, 'Reports you owe'),
    /You have no reports to write for the next meeting/,
    'the November 2024 meeting is past',
  );
  assert.match(section(sponsor, 'Your commitments overdue or due soon'), /Showing the 10 due soonest of \d+/);
  assert.match(section(sponsor, 'Your actions'), /12 November 2024 Overdue Open/);
  assert.match(section(sponsor, 'Papers for the next meeting'), /There is no meeting planned/);

  const office = await homeOf('programme-manager');
  assert.match(section(office, 'The next meeting'), /There is no meeting planned/);
  const risks = section(office, 'Risks due for review');
  assert.match(
    risks,
    /The service cannot recruit and keep enough permanent social workers .* 5 November 2024 Overdue/,
  );
  assert.match(risks, /Partners do not recognise and respond to risk/);
  assert.match(
    section(office, 'Figures out of date'),
    /Cared for children seen within timescales Monthly July 2024/,
  );

  assert.match(
    section(await homeOf('board-member'), 'Papers for the next meeting'),
    /There is no meeting planned/,
  );
});

/** Two sponsors in one council, and another council with records of its own, dated from today. */
async function twoCouncils(t: TestContext) {
  const { app, database } = await testApp(t);
  const db = database.db;
  const today = app.clock.today();
  const world = await buildPlanWithPeople(db);
  const org = world.organisationId;
  const { people } = world;
  const due = (days: number) => addDays(today, days);
  for (const [text, days, priorityId] of [
    ['Mine overdue', -3, world.priority.id],
    ['Mine due soon', 5, world.priority.id],
    ['Mine later', 40, world.priority.id],
    ['Theirs overdue', -2, world.otherPriority.id],
  ] as const)
    await buildCommitment(db, org, priorityId, { text, dueOn: due(days) });
  const board = await buildBoard(db, org, world.plan.id);
  const meeting = await buildMeeting(db, org, board.id, { meetingOn: due(30), papersDueOn: due(10) });
  await openCycle(
    db,
    org,
    { meetingId: meeting.id, planId: world.plan.id, scale: await loadRagScale(db, org) },
    actor,
  );
  const reports = await listMeetingReports(db, meeting.id);
  await addMember(
    db,
    org,
    board.id,
    { userId: people.boardMember.id, name: 'Chair', email: '', role: 'Independent chair' },
    actor,
  );
  await createAction(
    db,
    { organisationId: org, meeting },
    {
      agendaItemId: null,
      description: 'Chair to write to partners',
      ownerUserId: people.boardMember.id,
      ownerName: '',
      dueOn: due(7),
      status: 'open',
    },
    actor,
    today,
  );
  const riskInput = {
    priorityIds: [world.priority.id],
    cause: '',
    effect: '',
    controls: '',
    ownerUserId: null,
    ownerName: 'Head of Service',
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 3,
    reviewedOn: due(-60),
    status: 'open' as const,
  };
  await createRisk(
    db,
    world.plan,
    { ...riskInput, title: 'Not enough foster carers', nextReviewOn: due(3) },
    actor,
  );
  await createRisk(
    db,
    world.plan,
    { ...riskInput, title: 'A risk reviewed next year', nextReviewOn: due(300) },
    actor,
  );
  await buildMeasure(db, org, { name: 'Measure without figures' });
  await buildMeasure(db, org, { name: 'Measure up to date', frequency: 'monthly' }, [
    { period: today.slice(0, 7), value: 50 },
  ]);

  const elsewhere = await buildOrganisation(db, 'Otherborough Council');
  const stranger = await buildUser(db, 'sponsor', {
    organisationId: elsewhere,
    name: 'Otherborough Sponsor',
  });
  const theirPlan = await buildPlan(db, elsewhere, { title: 'Otherborough plan' });
  const theirPriority = await buildPriority(db, theirPlan, {
    title: 'Otherborough priority',
    sponsorUserId: stranger.id,
  });
  await buildCommitment(db, elsewhere, theirPriority.id, { text: 'Otherborough overdue', dueOn: due(-1) });
  const theirBoard = await buildBoard(db, elsewhere, theirPlan.id, 'Otherborough Board');
  const theirMeeting = await buildMeeting(db, elsewhere, theirBoard.id, {
    meetingOn: due(20),
    papersDueOn: due(6),
  });
  await openCycle(
    db,
    elsewhere,
    { meetingId: theirMeeting.id, planId: theirPlan.id, scale: await loadRagScale(db, elsewhere) },
    actor,
  );
  await db
    .update(highlightReports)
    .set({ state: 'submitted' })
    .where(eq(highlightReports.meetingId, theirMeeting.id));
  await createRisk(
    db,
    theirPlan,
    { ...riskInput, priorityIds: [], title: 'Otherborough risk', nextReviewOn: due(1) },
    actor,
  );
  await buildMeasure(db, elsewhere, { name: 'Otherborough measure' });

  const homeOf = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    const page = await client.get(paths.home());
    assert.equal(page.statusCode, 200);
    return { html: page.body, client };
  };
  return { app, db, world, people, reports, meeting, homeOf };
}

test('a sponsor sees only their own reports and commitments; another council’s never appear', async (t) => {
  const { db, world, people, reports, homeOf } = await twoCouncils(t);

  const { html: sponsor } = await homeOf(people.sponsor);
  assert.match(section(sponsor, 'Reports you owe'), /1\. Quality of practice/);
  assert.doesNotMatch(
    section(sponsor, 'Reports you owe'),
    /Leadership and workforce/,
    'the other sponsor’s report',
  );
  const mine = section(sponsor, 'Your commitments overdue or due soon');
  assert.match(mine, /Mine overdue .* Overdue/);
  assert.match(mine, /Mine due soon .* Due soon/);
  assert.doesNotMatch(mine, /Mine later|Theirs overdue|Otherborough/);
  assert.match(section(sponsor, 'Your actions'), /You have no open actions/);
  assert.doesNotMatch(sponsor, /Otherborough/);

  const { html: other } = await homeOf(people.otherSponsor);
  assert.match(section(other, 'Reports you owe'), /2\. Leadership and workforce/);
  assert.doesNotMatch(section(other, 'Reports you owe'), /Quality of practice/);
  assert.match(section(other, 'Your commitments overdue or due soon'), /Theirs overdue/);
  assert.doesNotMatch(section(other, 'Your commitments overdue or due soon'), /Mine/);

  // The sponsor submits: the report leaves their list and waits for the programme office.
  const first = reports.find((r) => r.priority.number === 1)!;
  // Straight into the database, with its history row as every change of the app has (pages are kept
  // per council data version, which the history moves).
  await db.transaction(async (tx) => {
    await tx
      .update(highlightReports)
      .set({ state: 'submitted' })
      .where(eq(highlightReports.id, first.report.id));
    await recordChange(tx, {
      organisationId: world.organisationId,
      recordType: 'highlight-report',
      recordId: first.report.id,
      action: 'update',
      actor: systemActor(),
      before: null,
      after: null,
    });
  });
  assert.doesNotMatch(section((await homeOf(people.sponsor)).html, 'Reports you owe'), /Quality of practice/);

  const { html: office } = await homeOf(people.programmeManager);
  assert.match(section(office, 'Reports waiting for approval'), /1\. Quality of practice .* Sam Sponsor/);
  const overdue = section(office, 'Overdue commitments');
  assert.match(overdue, /Mine overdue/);
  assert.match(overdue, /Theirs overdue/);
  assert.doesNotMatch(overdue, /Mine due soon/, 'the programme office’s list is of overdue ones');
  const risks = section(office, 'Risks due for review');
  assert.match(risks, /Not enough foster carers .* Due soon/);
  assert.doesNotMatch(risks, /reviewed next year/);
  const figures = section(office, 'Figures out of date');
  assert.match(figures, /Measure without figures Monthly No figures yet/);
  assert.doesNotMatch(figures, /Measure up to date/);
  assert.match(
    section(office, 'The next meeting'),
    /Highlight reports approved 0 of 2 Waiting for approval 1 With the sponsor 1/,
  );
  assert.doesNotMatch(office, /Otherborough/);

  const { html: chair } = await homeOf(people.boardMember);
  assert.match(section(chair, 'Your actions'), /Chair to write to partners .* Due soon Open/);
  assert.match(section(chair, 'Papers for the next meeting'), /Improvement Board/);
  assert.doesNotMatch(chair, /Otherborough|Reports you owe/);
});

test('GET /api/v1/home gives the same sections as JSON, for the caller only', async (t) => {
  const { app, db, people, homeOf } = await twoCouncils(t);
  // With the other sponsor's API token: their own sections and reports.
  const token = (await createApiToken(db, people.otherSponsor.id, {
    name: 'Home test',
    scope: 'read',
    expiresAt: new Date('2030-01-01T00:00:00Z'),
  }))!;
  const byToken = await app.inject({ url: paths.api.home(), headers: { authorization: `Bearer ${token}` } });
  assert.equal(byToken.statusCode, 200);
  assert.deepEqual(
    byToken.json<{ reportsOwed: { priority: string }[] }>().reportsOwed.map((r) => r.priority),
    ['2. Leadership and workforce'],
  );
  assert.equal((await app.inject({ url: paths.api.home() })).statusCode, 401);

  const { client } = await homeOf(people.sponsor);
  const response = await client.get(paths.api.home());
  assert.equal(response.statusCode, 200);
  const home = response.json<{
    sections: string[];
    reportsOwed: { priority: string; url: string; dueState: string }[];
    commitmentsDue: { total: number; overdue: number; items: { text: string; dueState: string }[] };
    overdueCommitments: null;
    actions: unknown[];
    plans: { title: string }[];
  }>();
  assert.deepEqual(home.sections, ['reports-owed', 'commitments-due', 'own-actions', 'plans']);
  assert.deepEqual(
    home.reportsOwed.map((r) => r.priority),
    ['1. Quality of practice'],
  );
  assert.match(home.reportsOwed[0]!.url, /^\/highlight-reports\/\d+\/edit$/);
  assert.deepEqual(
    home.commitmentsDue.items.filter((c) => c.text.startsWith('Mine')).map((c) => [c.text, c.dueState]),
    [
      ['Mine overdue', 'overdue'],
      ['Mine due soon', 'due-soon'],
    ],
  );
  assert.equal(home.overdueCommitments, null, 'not the sponsor’s section');
  assert.deepEqual(home.actions, []);
  assert.deepEqual(
    home.plans.map((p) => p.title),
    ['Improving services for children'],
  );
});

test('a visitor who is not signed in is sent to sign in, and signing in lands on the home page', async (t) => {
  const { app, database } = await testApp(t);
  const person = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  const visit = await client.get(paths.home());
  assert.equal(visit.statusCode, 302);
  assert.equal(visit.headers.location, paths.signIn());
  const signedIn = await client.signIn(person.email, person.password);
  assert.equal(signedIn.headers.location, paths.home());
  const home = await client.get(paths.home());
  assert.match(home.body, /<h1 class="govuk-heading-l">Home<\/h1>/);
  assert.match(section(home.body, 'Papers for the next meeting'), /There is no meeting planned/);
  assert.match(section(home.body, 'Plans'), /There are no plans yet/);
});
