import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { commitments, changeHistory, outcomes } from '../../db/schema.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { testApp } from '../../../test/helpers/app.ts';
import {
  buildOrganisation,
  buildPlan,
  buildPlanWithPeople,
  buildCommitment,
  buildUser,
} from '../../../test/helpers/builders.ts';

/** A JSON API list. */
interface List<T> {
  items: T[];
}

/** A council with a plan and people; `today` sets the app's clock (the suite's date by default). */
async function setUp(t: import('node:test').TestContext, today?: string) {
  const { app, database } = await testApp(t, today ? { WESAID_TODAY: today } : {});
  const world = await buildPlanWithPeople(database.db);
  const as = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    return client;
  };
  return { app, db: database.db, ...world, as };
}

const editForm = (overrides: Record<string, string> = {}) => ({
  text: 'We will introduce a new staff induction by March.',
  owner: 'Head of Service',
  'dueOn-day': '31',
  'dueOn-month': '3',
  'dueOn-year': '2025',
  status: 'in-progress',
  improvementAreaId: '',
  ...overrides,
});

test('every role can read the plan overview, which counts commitments and overdue ones', async (t) => {
  const { plan, people, as } = await setUp(t);
  for (const person of Object.values(people)) {
    const client = await as(person);
    const page = await client.get(`/plans/${plan.id}`);
    assert.equal(page.statusCode, 200, person.role);
    assert.match(page.body, /1\. Quality of practice/);
    assert.match(page.body, /Sam Sponsor/);
  }
  const viewer = await as(people.viewer);
  const page = await viewer.get(`/plans/${plan.id}`);
  assert.doesNotMatch(page.body, /Add a priority/);
  const manager = await as(people.programmeManager);
  assert.match((await manager.get(`/plans/${plan.id}`)).body, /Add a priority/);
});

test('the overview is kept per data version: a change committed elsewhere shows on the next request', async (t) => {
  const { db, organisationId, plan, priority, people, as } = await setUp(t);
  const viewer = await as(people.viewer);
  const doneCell = (body: string) =>
    /Quality of practice<\/a><\/td>(?:\s*<td[^>]*>.*?<\/td>){4}\s*<td[^>]*>(\d+)<\/td>/s.exec(body)?.[1];
  const before = await viewer.get(`/plans/${plan.id}`);
  assert.equal(doneCell(before.body), '0');
  // As another instance would: straight into the database, with its history row, not through this app.
  await buildCommitment(db, organisationId, priority.id, { text: 'Kinship carers', status: 'done' });
  const after = await viewer.get(`/plans/${plan.id}`);
  assert.equal(doneCell(after.body), '1');
  // Nothing changed since: the same counts, answered from what was kept.
  assert.equal(doneCell((await viewer.get(`/plans/${plan.id}`)).body), '1');
});

test('signed-out people are sent to sign in; the API answers 401', async (t) => {
  const { app, plan } = await setUp(t);
  const page = await app.inject({ method: 'GET', url: `/plans/${plan.id}` });
  assert.equal(page.statusCode, 302);
  assert.equal(page.headers.location, `/sign-in?returnTo=%2Fplans%2F${plan.id}`);
  const api = await app.inject({ method: 'GET', url: '/api/v1/plans' });
  assert.equal(api.statusCode, 401);
});

test('a sponsor edits a commitment in their priority, and the change lands in the history', async (t) => {
  const { db, commitment, people, as } = await setUp(t);
  const sponsor = await as(people.sponsor);
  const form = await sponsor.get(`/commitments/${commitment.id}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="version" value="1"/);
  const saved = await sponsor.post(`/commitments/${commitment.id}/edit`, { ...editForm(), version: '1' });
  assert.equal(saved.statusCode, 303);
  const [row] = await db.select().from(commitments).where(eq(commitments.id, commitment.id));
  assert.equal(row!.text, 'We will introduce a new staff induction by March.');
  assert.equal(row!.dueOn, '2025-03-31');
  assert.equal(row!.version, 2);
  const history = await db
    .select()
    .from(changeHistory)
    .where(sql`${changeHistory.recordType} = 'commitment' and ${changeHistory.recordId} = ${commitment.id}`);
  const update = history.find((h) => h.action === 'update')!;
  assert.equal(update.actorName, 'Sam Sponsor');
  assert.equal(update.before!.text, 'We will introduce a new staff induction.');
  assert.equal(update.after!.text, 'We will introduce a new staff induction by March.');
  const page = await sponsor.get(`/history/commitment/${commitment.id}`);
  assert.match(page.body, /Changed by Sam Sponsor/);
});

test('a sponsor cannot edit another sponsor’s priority or its commitments, by page or by direct request', async (t) => {
  const { db, otherPriority, otherCommitment, people, as } = await setUp(t);
  const sponsor = await as(people.sponsor);
  assert.equal((await sponsor.get(`/commitments/${otherCommitment.id}/edit`)).statusCode, 403);
  assert.equal((await sponsor.get(`/priorities/${otherPriority.id}/edit`)).statusCode, 403);
  await sponsor.get(`/commitments/${otherCommitment.id}`);
  const post = await sponsor.post(`/commitments/${otherCommitment.id}/edit`, {
    ...editForm({ text: 'Hijacked' }),
    version: '1',
  });
  assert.equal(post.statusCode, 403);
  const outcome = await sponsor.post(`/commitments/${otherCommitment.id}/outcomes/new`, { text: 'Hijacked' });
  assert.equal(outcome.statusCode, 403);
  const [row] = await db.select().from(commitments).where(eq(commitments.id, otherCommitment.id));
  assert.equal(row!.text, 'We will put a permanent leadership team in place.');
  assert.equal((await db.select().from(outcomes)).length, 0);
});

test('viewers and board members cannot change the plan; board members can comment', async (t) => {
  const { db, commitment, people, as } = await setUp(t);
  for (const person of [people.viewer, people.boardMember]) {
    const client = await as(person);
    await client.get(`/commitments/${commitment.id}`);
    const post = await client.post(`/commitments/${commitment.id}/edit`, {
      ...editForm({ text: 'Changed' }),
      version: '1',
    });
    assert.equal(post.statusCode, 403, person.role);
  }
  const board = await as(people.boardMember);
  await board.get(`/commitments/${commitment.id}`);
  const comment = await board.post(`/comments/commitment/${commitment.id}`, {
    text: 'How will we know the induction works?',
  });
  assert.equal(comment.statusCode, 303);
  assert.match(
    (await board.get(`/commitments/${commitment.id}`)).body,
    /How will we know the induction works\?/,
  );
  const viewer = await as(people.viewer);
  await viewer.get(`/commitments/${commitment.id}`);
  assert.equal(
    (await viewer.post(`/comments/commitment/${commitment.id}`, { text: 'Hello' })).statusCode,
    403,
  );
  const [row] = await db.select().from(commitments).where(eq(commitments.id, commitment.id));
  assert.equal(row!.version, 1);
});

test('bad input is answered by the field and changes nothing', async (t) => {
  const { db, commitment, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(`/commitments/${commitment.id}/edit`);
  const cases: [Record<string, string>, RegExp][] = [
    [{ text: '' }, /href="#text">Enter what we said we would do/],
    [{ text: 'x'.repeat(20001) }, /We said must be 20,000 characters or fewer/],
    [
      { 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2025' },
      /href="#dueOn-day">Due date must be a real date/,
    ],
    [{ 'dueOn-day': '', 'dueOn-month': '2', 'dueOn-year': '2025' }, /Due date must include a day/],
    [{ 'dueOn-year': '25' }, /Year must include 4 numbers/],
    [{ status: 'finished' }, /href="#status">Select the status of the commitment/],
    [{ improvementAreaId: '999999' }, /Select an improvement area from the list/],
  ];
  for (const [overrides, message] of cases) {
    const response = await manager.post(`/commitments/${commitment.id}/edit`, {
      ...editForm(overrides),
      version: '1',
    });
    assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 80));
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, message);
  }
  const noVersion = await manager.post(`/commitments/${commitment.id}/edit`, editForm());
  assert.equal(noVersion.statusCode, 400);
  const repeated = await manager.post(`/commitments/${commitment.id}/edit`, {
    ...editForm(),
    text: ['one', 'two'],
    version: '1',
  });
  assert.equal(repeated.statusCode, 400);
  const [row] = await db.select().from(commitments).where(eq(commitments.id, commitment.id));
  assert.equal(row!.version, 1);
  assert.equal(row!.text, 'We will introduce a new staff induction.');
});

test('malformed bodies and unknown ids are refused clearly', async (t) => {
  const { app, commitment, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  for (const url of [
    '/commitments/999999',
    '/commitments/abc',
    '/commitments/0',
    '/priorities/99999999999',
    '/plans/-1',
    '/history/commitment/424242',
    '/history/nonsense/1',
  ]) {
    const response = await manager.get(url);
    assert.equal(response.statusCode, 404, url);
    assert.match(response.body, /not found/i);
  }
  const json = await app.inject({
    method: 'POST',
    url: `/commitments/${commitment.id}/edit`,
    headers: { 'content-type': 'application/json' },
    payload: '{"text": ',
  });
  assert.equal(json.statusCode, 400);
});

test('saving over a newer version shows both versions and keeps the person’s text', async (t) => {
  const { db, commitment, people, as } = await setUp(t);
  const first = await as(people.programmeManager);
  const second = await as(people.sponsor);
  await first.get(`/commitments/${commitment.id}/edit`);
  await second.get(`/commitments/${commitment.id}/edit`);
  const saved = await first.post(`/commitments/${commitment.id}/edit`, {
    ...editForm({ text: 'First person’s wording' }),
    version: '1',
  });
  assert.equal(saved.statusCode, 303);
  const clash = await second.post(`/commitments/${commitment.id}/edit`, {
    ...editForm({ text: 'Second person’s wording' }),
    version: '1',
  });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /Someone else changed this while you were editing/);
  assert.match(clash.body, /First person’s wording/, 'their version is shown');
  assert.match(
    clash.body,
    /<textarea[^>]*name="text"[^>]*>Second person’s wording<\/textarea>/,
    'my text is kept in the form',
  );
  assert.match(clash.body, /name="version" value="2"/);
  const [row] = await db.select().from(commitments).where(eq(commitments.id, commitment.id));
  assert.equal(row!.text, 'First person’s wording');
  const again = await second.post(`/commitments/${commitment.id}/edit`, {
    ...editForm({ text: 'Second person’s wording' }),
    version: '2',
  });
  assert.equal(again.statusCode, 303);
});

test('recording an outcome puts "We did" beside "We said"', async (t) => {
  const { db, commitment, people, as } = await setUp(t);
  const sponsor = await as(people.sponsor);
  await sponsor.get(`/commitments/${commitment.id}/outcomes/new`);
  const bad = await sponsor.post(`/commitments/${commitment.id}/outcomes/new`, {
    text: 'Done',
    'achievedOn-day': '',
    'achievedOn-month': '',
    'achievedOn-year': '',
    evidence: 'not a link',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Evidence line 1 must end with a web address/);
  const saved = await sponsor.post(`/commitments/${commitment.id}/outcomes/new`, {
    text: 'We refreshed the induction and 20 staff completed it.',
    'achievedOn-day': '14',
    'achievedOn-month': '8',
    'achievedOn-year': '2024',
    evidence: 'Induction report https://intranet.example.gov.uk/induction',
  });
  assert.equal(saved.statusCode, 303);
  const page = await sponsor.get(`/commitments/${commitment.id}`);
  assert.match(page.body, /We refreshed the induction and 20 staff completed it\./);
  assert.match(page.body, /14 August 2024/);
  assert.match(page.body, /href="https:\/\/intranet.example.gov.uk\/induction"/);
  const [row] = await db.select().from(outcomes);
  assert.deepEqual(row!.evidence, [
    { title: 'Induction report', url: 'https://intranet.example.gov.uk/induction' },
  ]);
});

test('commitment lists are filtered by status, owner and overdue, and paged', async (t) => {
  // On 1 March 2025, so the commitments due on 31 December 2024 are overdue.
  const { db, organisationId, priority, plan, people, as } = await setUp(t, '2025-03-01');
  const { buildCommitment } = await import('../../../test/helpers/builders.ts');
  for (let i = 0; i < 30; i++) {
    await buildCommitment(db, organisationId, priority.id, {
      text: `Generated commitment ${i}`,
      owner: i % 2 ? 'Team A' : 'Team B',
      dueOn: '2020-01-01',
      status: i % 3 ? 'in-progress' : 'done',
    });
  }
  const manager = await as(people.programmeManager);
  const all = await manager.get(`/plans/${plan.id}/commitments`);
  assert.match(all.body, /32 commitments shown 1 to 25/);
  assert.match(all.body, /govuk-pagination/);
  const overdue = await manager.get(`/plans/${plan.id}/commitments?overdue=yes`);
  // 20 generated plus the two built with a due date of 31 December 2024, which has passed.
  assert.match(overdue.body, /22 commitments/);
  const teamA = await manager.get(`/plans/${plan.id}/commitments?owner=Team%20A&status=done`);
  assert.match(teamA.body, /5 commitments/);
  const page2 = await manager.get(`/priorities/${priority.id}?page=2`);
  assert.match(page2.body, /31 commitments shown 26 to 31/);
});

test('another council’s records are not found', async (t) => {
  const { db, commitment, as } = await setUp(t);
  const otherCouncil = await buildOrganisation(db, 'Elsewhere Borough Council');
  const outsider = await buildUser(db, 'administrator', { organisationId: otherCouncil });
  const otherPlan = await buildPlan(db, otherCouncil, { title: 'Elsewhere plan' });
  const client = await as(outsider);
  assert.equal((await client.get(`/commitments/${commitment.id}`)).statusCode, 404);
  const plans = await client.get('/plans');
  assert.match(plans.body, /Elsewhere plan/);
  assert.doesNotMatch(plans.body, /Improving services for children/);
  assert.equal((await client.get(`/plans/${otherPlan.id}`)).statusCode, 200);
});

test('the change history cannot be rewritten', async (t) => {
  const { db } = await setUp(t);
  const refusedAsAppendOnly = (error: unknown) => /append-only/.test(String((error as Error).cause ?? error));
  await assert.rejects(
    db.execute(sql`update change_history set actor_name = 'someone else'`),
    refusedAsAppendOnly,
  );
  await assert.rejects(db.execute(sql`delete from change_history`), refusedAsAppendOnly);
});

test('a programme manager creates a plan, a priority, an area and a commitment through the forms', async (t) => {
  const { people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/plans/new');
  const plan = await manager.post('/plans/new', {
    title: 'Plan 2025',
    period: '2025 to 2027',
    status: 'draft',
    'adoptedOn-day': '',
    'adoptedOn-month': '',
    'adoptedOn-year': '',
  });
  assert.equal(plan.statusCode, 303);
  const planUrl = plan.headers.location as string;
  await manager.get(`${planUrl}/priorities/new`);
  const form = {
    number: '1',
    title: 'Safe children',
    ambition: '',
    impactForChildren: '',
    whatWeWillDo: '',
    sponsorUserId: String(people.sponsor.id),
    sponsorName: '',
  };
  const priority = await manager.post(`${planUrl}/priorities/new`, form);
  assert.equal(priority.statusCode, 303);
  const duplicate = await manager.post(`${planUrl}/priorities/new`, form);
  assert.equal(duplicate.statusCode, 400);
  assert.match(duplicate.body, /This plan already has a priority with that number/);
  const priorityUrl = priority.headers.location as string;
  await manager.get(`${priorityUrl}/areas/new`);
  const area = await manager.post(`${priorityUrl}/areas/new`, {
    title: 'The timeliness of assessments',
    source: 'Ofsted 2023',
  });
  assert.equal(area.statusCode, 303);
  await manager.get(`${priorityUrl}/commitments/new`);
  const commitment = await manager.post(`${priorityUrl}/commitments/new`, editForm());
  assert.equal(commitment.statusCode, 303);
  const page = await manager.get(planUrl);
  assert.match(page.body, /1\. Safe children/);
});

test('the JSON API lists plans, priorities, areas, commitments and outcomes with the same rules as the pages', async (t) => {
  const { app, db, plan, priority, commitment, organisationId, people, as } = await setUp(t);
  const { buildOutcome } = await import('../../../test/helpers/builders.ts');
  await buildOutcome(db, organisationId, commitment.id);
  const viewer = await as(people.viewer);
  const plans = await viewer.get('/api/v1/plans');
  assert.equal(plans.statusCode, 200);
  assert.deepEqual(
    plans.json<List<{ title: string }>>().items.map((p) => p.title),
    ['Improving services for children'],
  );
  const priorities = (await viewer.get(`/api/v1/plans/${plan.id}/priorities`)).json<
    List<{ sponsor: string; number: number }>
  >().items;
  assert.equal(priorities[0]!.sponsor, 'Sam Sponsor');
  assert.equal(priorities[0]!.number, 1);
  const areas = (await viewer.get(`/api/v1/priorities/${priority.id}/improvement-areas`)).json<
    List<{ title: string }>
  >().items;
  assert.equal(areas[0]!.title, 'The quality of assessments');
  const commitments = (await viewer.get(`/api/v1/priorities/${priority.id}/commitments`)).json<
    List<{ text: string; overdue: unknown }>
  >().items;
  assert.equal(commitments[0]!.text, 'We will introduce a new staff induction.');
  assert.equal(typeof commitments[0]!.overdue, 'boolean');
  const one = (await viewer.get(`/api/v1/commitments/${commitment.id}`)).json<{ id: number }>();
  assert.equal(one.id, commitment.id);
  const outcomes = (await viewer.get(`/api/v1/commitments/${commitment.id}/outcomes`)).json<
    List<{ text: string }>
  >().items;
  assert.equal(outcomes[0]!.text, 'We refreshed the induction.');

  const otherCouncil = await buildOrganisation(db, 'Elsewhere Borough Council');
  const outsider = await buildUser(db, 'administrator', { organisationId: otherCouncil });
  const client = await as(outsider);
  assert.equal((await client.get(`/api/v1/plans/${plan.id}`)).statusCode, 404);
  assert.equal((await client.get(`/api/v1/commitments/${commitment.id}/outcomes`)).statusCode, 404);
  assert.equal((await client.get('/api/v1/commitments/not-a-number')).statusCode, 400);
  const anonymous = await app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/priorities` });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json<{ status: number }>().status, 401);
});
