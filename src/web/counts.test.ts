import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systemActor } from '../db/changes.ts';
import { addMember } from '../db/board/commands.ts';
import { listBoards, listMeetings } from '../db/board/queries.ts';
import { listCommitments, listPlans } from '../db/plan/queries.ts';
import { createConsultation, submitResponse } from '../db/publishing/commands.ts';
import { listConsultations } from '../db/publishing/queries.ts';
import { highlightReports } from '../db/schema.ts';
import { testApp } from '../../test/helpers/app.ts';
import { buildMeeting, buildBoard } from '../../test/helpers/board-builders.ts';
import { buildOutcome, buildPlan, buildPlanWithPeople, buildPriority } from '../../test/helpers/builders.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { paths } from './paths.ts';

/*
 * Issue 10: every list showed "1" for its counts, because the count did not refer to the outer
 * row. Each count here is set up so that the right answer is not 1 and differs between rows.
 */

const actor = systemActor('Test');

/** The numeric cells of the table row that links to `href`, in column order. */
function numbersInRow(html: string, href: string): number[] {
  const rows = html.split(/<tr[\s>]/).filter((row) => row.includes(`href="${href}"`));
  assert.equal(rows.length, 1, `one row links to ${href}`);
  return [...rows[0]!.matchAll(/govuk-table__cell--numeric">\s*(\d+)\s*</g)].map((m) => Number(m[1]));
}

async function world(t: import('node:test').TestContext) {
  const { app, database } = await testApp(t);
  const db = database.db;
  const base = await buildPlanWithPeople(db);
  const { organisationId, plan } = base;
  // The first plan has three priorities; a second plan has none, a third has one.
  await buildPriority(db, plan, { number: 3, title: 'Partnerships' });
  const empty = await buildPlan(db, organisationId, { title: 'An earlier plan', status: 'closed' });
  const single = await buildPlan(db, organisationId, { title: 'A single-priority plan' });
  await buildPriority(db, single, { number: 1, title: 'Early help' });
  const client = new TestClient(app);
  await client.signIn(base.people.programmeManager.email, base.people.programmeManager.password);
  return { app, db, ...base, empty, single, client };
}

test('plans count their own priorities, on the page and in the API', async (t) => {
  const { db, organisationId, plan, empty, single, client } = await world(t);
  const counts = new Map((await listPlans(db, organisationId)).map((p) => [p.id, p.priorities]));
  assert.deepEqual([counts.get(plan.id), counts.get(empty.id), counts.get(single.id)], [3, 0, 1]);

  const page = await client.get(paths.plans());
  assert.deepEqual(numbersInRow(page.body, paths.plan(plan.id)), [3]);
  assert.deepEqual(numbersInRow(page.body, paths.plan(empty.id)), [0]);

  const api = await client.get(paths.api.plans());
  assert.equal(api.statusCode, 200);
  const items = api.json<{ items: { id: number; priorities: number }[] }>().items;
  assert.deepEqual(Object.fromEntries(items.map((p) => [p.id, p.priorities])), {
    [plan.id]: 3,
    [empty.id]: 0,
    [single.id]: 1,
  });
});

test('boards count their own meetings and members; meetings their own highlight reports', async (t) => {
  const { db, organisationId, plan, priority, otherPriority, client } = await world(t);
  const busy = await buildBoard(db, organisationId, plan.id, 'Improvement Board');
  const quiet = await buildBoard(db, organisationId, plan.id, 'Corporate Parenting Panel');
  const september = await buildMeeting(db, organisationId, busy.id, { meetingOn: '2024-09-10' });
  const october = await buildMeeting(db, organisationId, busy.id, { meetingOn: '2024-10-15' });
  await buildMeeting(db, organisationId, busy.id, { meetingOn: '2024-11-19' });
  await buildMeeting(db, organisationId, quiet.id, { meetingOn: '2024-10-01' });
  for (const name of ['Chair', 'DfE adviser']) {
    await addMember(db, organisationId, busy.id, { userId: null, name, email: '', role: name }, actor);
  }
  await db
    .insert(highlightReports)
    .values([priority.id, otherPriority.id].map((priorityId) => ({ meetingId: september.id, priorityId })));

  const boards = new Map((await listBoards(db, organisationId)).map((b) => [b.id, b]));
  assert.deepEqual([boards.get(busy.id)!.meetings, boards.get(quiet.id)!.meetings], [3, 1]);
  assert.deepEqual([boards.get(busy.id)!.members, boards.get(quiet.id)!.members], [2, 0]);
  const meetings = new Map((await listMeetings(db, busy.id)).map((m) => [m.meeting.id, m.reports]));
  assert.deepEqual([meetings.get(september.id), meetings.get(october.id)], [2, 0]);

  const boardsPage = await client.get(paths.boards());
  assert.deepEqual(numbersInRow(boardsPage.body, paths.board(busy.id)), [2, 3]);
  assert.deepEqual(numbersInRow(boardsPage.body, paths.board(quiet.id)), [0, 1]);
  const boardPage = await client.get(paths.board(busy.id));
  assert.deepEqual(numbersInRow(boardPage.body, paths.meeting(september.id)), [2]);
  assert.deepEqual(numbersInRow(boardPage.body, paths.meeting(october.id)), [0]);
});

test('consultations count their own responses', async (t) => {
  const { db, organisationId, client } = await world(t);
  const open = { description: 'Tell us', closesOn: '2024-12-31', status: 'open' as const };
  const busy = await createConsultation(db, organisationId, { title: 'Our plan', ...open }, actor);
  const quiet = await createConsultation(db, organisationId, { title: 'Family hubs', ...open }, actor);
  const respond = (consultation: typeof busy, nonce: string) =>
    submitResponse(
      db,
      consultation,
      { respondent: 'parent-or-carer', answers: {}, formNonce: nonce, senderKey: nonce },
      '2024-10-01',
    );
  for (const nonce of ['a', 'b', 'c']) await respond(busy, nonce);
  await respond(quiet, 'd');

  const counts = new Map(
    (await listConsultations(db, organisationId)).map((c) => [c.consultation.id, c.responses]),
  );
  assert.deepEqual([counts.get(busy.id), counts.get(quiet.id)], [3, 1]);
  const page = await client.get(paths.publishing.consultations());
  assert.deepEqual(numbersInRow(page.body, paths.publishing.consultation(busy.id)), [3]);
  assert.deepEqual(numbersInRow(page.body, paths.publishing.consultation(quiet.id)), [1]);
});

test('commitments in a list count their own outcomes', async (t) => {
  const { db, organisationId, plan, commitment, otherCommitment } = await world(t);
  await buildOutcome(db, organisationId, commitment.id);
  await buildOutcome(db, organisationId, commitment.id);
  const { items } = await listCommitments(db, {
    planId: plan.id,
    today: '2024-10-01',
    page: 1,
    pageSize: 50,
  });
  const counts = new Map(items.map((c) => [c.id, c.outcomeCount]));
  assert.deepEqual([counts.get(commitment.id), counts.get(otherCommitment.id)], [2, 0]);
});
