import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { changeHistory, commitments, improvementAreas, priorities } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildCommitment, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';

/* The National Framework on the plan: tags on the edit forms, and the plan read by outcome. */

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const as = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    return client;
  };
  return { app, db: database.db, ...world, as };
}

const bodyOf = (html: string) => html.replace(/\s+/g, ' ');

test('a priority, an improvement area and a commitment are tagged on their forms, with history', async (t) => {
  const { db, priority, area, commitment, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);

  const form = await manager.get(`/priorities/${priority.id}/edit`);
  assert.match(form.body, /National Framework outcome or enabler \(optional\)/);
  assert.match(form.body, /<option value="" selected>None<\/option>/);
  const priorityForm = {
    number: '1',
    title: 'Quality of practice',
    ambition: '',
    impactForChildren: '',
    whatWeWillDo: '',
    sponsorUserId: String(people.sponsor.id),
    sponsorName: '',
    version: '1',
  };
  const refused = await manager.post(`/priorities/${priority.id}/edit`, {
    ...priorityForm,
    frameworkOutcome: 'happy-children',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#frameworkOutcome">Select an outcome or enabler from the list/);
  const saved = await manager.post(`/priorities/${priority.id}/edit`, {
    ...priorityForm,
    frameworkOutcome: 'safe',
  });
  assert.equal(saved.statusCode, 303, saved.body);
  const [p] = await db.select().from(priorities).where(eq(priorities.id, priority.id));
  assert.equal(p!.frameworkOutcome, 'safe');
  const [change] = await db
    .select()
    .from(changeHistory)
    .where(and(eq(changeHistory.recordType, 'priority'), eq(changeHistory.action, 'update')));
  assert.equal(change!.before!.frameworkOutcome, null);
  assert.equal(change!.after!.frameworkOutcome, 'safe');
  assert.match(
    bodyOf((await manager.get(`/priorities/${priority.id}`)).body),
    /Outcome: Children and young people are safe/,
  );

  // Untagged, the commitment is read under its priority's outcome and says so.
  assert.match(
    bodyOf((await manager.get(`/commitments/${commitment.id}`)).body),
    /are safe in and outside of their homes \(its priority’s\)/,
  );
  const areaSaved = await manager.post(`/areas/${area.id}/edit`, {
    title: area.title,
    source: '',
    frameworkOutcome: 'workforce',
    version: '1',
  });
  assert.equal(areaSaved.statusCode, 303, areaSaved.body);
  const [a] = await db.select().from(improvementAreas).where(eq(improvementAreas.id, area.id));
  assert.equal(a!.frameworkOutcome, 'workforce');
  assert.match(
    bodyOf((await manager.get(`/commitments/${commitment.id}`)).body),
    /Enabler: The workforce is equipped and effective \(its improvement area’s\)/,
  );

  const commitmentForm = {
    text: commitment.text,
    owner: commitment.owner,
    'dueOn-day': '31',
    'dueOn-month': '12',
    'dueOn-year': '2024',
    status: 'in-progress',
    improvementAreaId: String(area.id),
    version: '1',
  };
  const tagged = await manager.post(`/commitments/${commitment.id}/edit`, {
    ...commitmentForm,
    frameworkOutcome: 'stable-homes',
  });
  assert.equal(tagged.statusCode, 303, tagged.body);
  const page = bodyOf((await manager.get(`/commitments/${commitment.id}`)).body);
  assert.match(page, /have stable, loving homes <\/dd>/);
  // "None" takes the tag off again.
  await manager.post(`/commitments/${commitment.id}/edit`, {
    ...commitmentForm,
    version: '2',
    frameworkOutcome: '',
  });
  const [c] = await db.select().from(commitments).where(eq(commitments.id, commitment.id));
  assert.equal(c!.frameworkOutcome, null);
  const history = bodyOf((await manager.get(`/history/commitment/${commitment.id}`)).body);
  assert.match(history, /National Framework outcome or enabler<\/th> <td[^>]*>Outcome: Children in care/);
});

test('the plan is read by outcome: a grouping, a filter on the overview and the commitments, and the API', async (t) => {
  const { db, organisationId, plan, priority, otherPriority, area, commitment, otherCommitment, people, as } =
    await setUp(t);
  await db.update(priorities).set({ frameworkOutcome: 'safe' }).where(eq(priorities.id, priority.id));
  await db
    .update(improvementAreas)
    .set({ frameworkOutcome: 'workforce' })
    .where(eq(improvementAreas.id, area.id));
  await db
    .update(commitments)
    .set({ frameworkOutcome: 'leaders' })
    .where(eq(commitments.id, otherCommitment.id));
  const loose = await buildCommitment(db, organisationId, priority.id, {
    text: 'We will answer every referral in a day.',
  });
  await buildCommitment(db, organisationId, otherPriority.id, { text: 'We will hold a staff conference.' });
  const viewer = await as(people.viewer);

  const grouped = bodyOf((await viewer.get(`/plans/${plan.id}/by-outcome`)).body);
  const order = [
    'id="outcome-safe"',
    'id="outcome-workforce"',
    'id="outcome-leaders"',
    'id="outcome-none"',
  ].map((h) => grouped.indexOf(h));
  assert.ok(
    order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!)),
    `groups in order: ${order.join(', ')}`,
  );
  const section = (id: string) => grouped.slice(grouped.indexOf(`id="outcome-${id}"`)).split('<h2')[0]!;
  assert.match(section('safe'), /answer every referral/);
  assert.match(section('workforce'), /new staff induction/);
  assert.match(section('leaders'), /permanent leadership team/);
  assert.match(section('none'), /staff conference/);

  const safeOnly = bodyOf((await viewer.get(`/plans/${plan.id}/by-outcome?outcome=safe`)).body);
  assert.match(safeOnly, /answer every referral/);
  assert.doesNotMatch(safeOnly, /new staff induction|permanent leadership team/);
  assert.match(safeOnly, /<form method="get"[^>]*>.*<select[^>]*name="outcome"/);

  const overview = bodyOf((await viewer.get(`/plans/${plan.id}?outcome=leaders`)).body);
  assert.match(overview, /Priorities: commitments under Enabler: Leaders drive/);
  assert.match(overview, /2\. Leadership and workforce/);
  assert.doesNotMatch(overview, /1\. Quality of practice/);
  assert.match(
    bodyOf((await viewer.get(`/plans/${plan.id}?outcome=nonsense`)).body),
    /1\. Quality of practice/,
  );

  const list = bodyOf((await viewer.get(`/plans/${plan.id}/commitments?outcome=workforce`)).body);
  assert.match(list, /new staff induction/);
  assert.doesNotMatch(list, /answer every referral|permanent leadership team/);
  assert.match(list, /<option value="workforce" selected>/);

  const api = (await viewer.get(`/api/v1/priorities/${priority.id}/commitments`)).json<{
    items: { id: number; frameworkOutcome: string | null; readUnderOutcome: string | null }[];
  }>();
  assert.deepEqual(
    api.items.map((i) => [i.id, i.frameworkOutcome, i.readUnderOutcome]),
    [
      [commitment.id, null, 'workforce'],
      [loose.id, null, 'safe'],
    ],
  );
  const one = (await viewer.get(`/api/v1/priorities/${priority.id}`)).json<{ frameworkOutcome: string }>();
  assert.equal(one.frameworkOutcome, 'safe');
});
