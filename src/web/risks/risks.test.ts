import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { testApp } from '../../../test/helpers/app.ts';
import {
  buildOrganisation,
  buildPlan,
  buildPlanWithPeople,
  buildUser,
} from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { systemActor } from '../../db/changes.ts';
import { createRisk } from '../../db/risks/commands.ts';

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

const riskForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: 'Agency social workers leave at short notice',
  cause: 'Higher agency rates in neighbouring councils',
  effect: 'Children change social worker and visits are missed',
  controls: 'Retention payment; monthly workforce panel',
  ownerUserId: '',
  ownerName: 'Head of Workforce Development',
  inherentLikelihood: '5',
  inherentImpact: '4',
  residualLikelihood: '4',
  residualImpact: '4',
  'reviewedOn-day': '2',
  'reviewedOn-month': '9',
  'reviewedOn-year': '2024',
  'nextReviewOn-day': '',
  'nextReviewOn-month': '',
  'nextReviewOn-year': '',
  status: 'open',
  ...overrides,
});

const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1];

interface ApiRisk {
  id: number;
  title: string;
  priorities: number[];
  owner: string;
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  residual: { likelihood: number; impact: number; score: number; rating: string };
  direction: string;
  reviewDate: string;
  status: string;
}

test('the programme office adds a risk, which is rated, listed, on the plan and in the API', async (t) => {
  const { plan, priority, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const form = await manager.get(`/plans/${plan.id}/risks/new`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Priorities at risk/);
  const created = await manager.post(
    `/plans/${plan.id}/risks/new`,
    riskForm({ priorityIds: [String(priority.id)] }),
  );
  assert.equal(created.statusCode, 303, created.body);
  const riskUrl = created.headers.location as string;
  assert.match(riskUrl, /^\/risks\/\d+$/);

  const page = await manager.get(riskUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Very high<\/strong> 16/);
  assert.match(page.body, /Above threshold/);
  assert.match(page.body, /New since the last review/);
  assert.match(page.body, /Quality of practice/);
  assert.match(page.body, /Head of Workforce Development/);

  const register = await manager.get(`/plans/${plan.id}/risks`);
  assert.match(register.body, /Agency social workers leave at short notice/);
  const overview = await manager.get(`/plans/${plan.id}`);
  assert.match(overview.body, /Risks above threshold/);
  assert.match(overview.body, /Agency social workers leave at short notice<\/a>: very high, score 16/);

  const api = await manager.get(`/api/v1/risks?plan=${plan.id}`);
  assert.equal(api.statusCode, 200);
  const { items } = api.json<{ items: ApiRisk[] }>();
  assert.equal(items.length, 1);
  const { id, ...rest } = items[0]!;
  assert.equal(`/risks/${id}`, riskUrl);
  assert.deepEqual(
    {
      title: rest.title,
      priorities: rest.priorities,
      owner: rest.owner,
      likelihood: rest.likelihood,
      impact: rest.impact,
      score: rest.score,
      rating: rest.rating,
      residual: rest.residual,
      direction: rest.direction,
      reviewDate: rest.reviewDate,
      status: rest.status,
    },
    {
      title: 'Agency social workers leave at short notice',
      priorities: [priority.id],
      owner: 'Head of Workforce Development',
      likelihood: 5,
      impact: 4,
      score: 20,
      rating: 'very-high',
      residual: { likelihood: 4, impact: 4, score: 16, rating: 'very-high' },
      direction: 'new',
      reviewDate: '2024-09-02',
      status: 'open',
    },
  );

  const history = await manager.get(`/history/risk/${id}`);
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /History of this risk/);
  assert.match(history.body, /Likelihood after controls/);
});

test('problems are listed in a GOV.UK error summary; scores must be on the council’s scale', async (t) => {
  const { plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(`/plans/${plan.id}/risks/new`);
  const empty = await manager.post(
    `/plans/${plan.id}/risks/new`,
    riskForm({ title: '', ownerName: '', residualImpact: '6', 'reviewedOn-day': '' }),
  );
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /There is a problem/);
  assert.match(empty.body, /href="#title">Enter the risk/);
  assert.match(empty.body, /Impact after controls must be a whole number from 1 to 5/);
  assert.match(empty.body, /Select an owner, or enter the name of an owner without an account/);
  assert.match(empty.body, /Date reviewed must include a day/);
});

test('who may do what: sponsors update risks under their priorities, others only read', async (t) => {
  const { db, plan, priority, people, as } = await setUp(t);
  const risk = await createRisk(
    db,
    plan,
    {
      title: 'Case recording falls behind',
      priorityIds: [priority.id],
      cause: '',
      effect: '',
      controls: '',
      ownerUserId: people.sponsor.id,
      ownerName: '',
      inherentLikelihood: 3,
      inherentImpact: 3,
      residualLikelihood: 2,
      residualImpact: 3,
      reviewedOn: '2024-09-01',
      nextReviewOn: null,
      status: 'open',
    },
    systemActor('Test'),
  );
  for (const person of [people.viewer, people.boardMember, people.otherSponsor]) {
    const client = await as(person);
    assert.equal((await client.get(`/risks/${risk.id}`)).statusCode, 200, person.role);
    assert.equal((await client.get(`/plans/${plan.id}/risks`)).statusCode, 200, person.role);
    assert.equal((await client.get(`/api/v1/risks`)).statusCode, 200, person.role);
    assert.equal((await client.get(`/risks/${risk.id}/edit`)).statusCode, 403, person.role);
    assert.equal((await client.get(`/plans/${plan.id}/risks/new`)).statusCode, 403, person.role);
    assert.equal((await client.get(`/settings/risks`)).statusCode, 403, person.role);
    assert.doesNotMatch((await client.get(`/risks/${risk.id}`)).body, /Change the risk/);
  }
  const sponsor = await as(people.sponsor);
  assert.equal((await sponsor.get(`/plans/${plan.id}/risks/new`)).statusCode, 403);
  const edit = await sponsor.get(`/risks/${risk.id}/edit`);
  assert.equal(edit.statusCode, 200);
  const noToken = await sponsor.post(`/risks/${risk.id}/edit`, {
    ...riskForm({ priorityIds: [String(priority.id)] }),
    version: versionOn(edit.body)!,
    _csrf: null,
  });
  assert.equal(noToken.statusCode, 403);
  const saved = await sponsor.post(`/risks/${risk.id}/edit`, {
    ...riskForm({ priorityIds: [String(priority.id)], 'reviewedOn-day': '30' }),
    version: versionOn(edit.body)!,
  });
  assert.equal(saved.statusCode, 303, saved.body);
  const page = await sponsor.get(`/risks/${risk.id}`);
  assert.match(page.body, /Worse since the last review \(score 6 at the previous review\)/);
});

test('another council’s risk is not found, and its API leaves them out', async (t) => {
  const { db, plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(`/plans/${plan.id}/risks/new`);
  const created = await manager.post(`/plans/${plan.id}/risks/new`, riskForm());
  const riskUrl = created.headers.location as string;

  const elsewhere = await buildOrganisation(db, 'Elsewhere Borough Council');
  await buildPlan(db, elsewhere);
  const outsider = await buildUser(db, 'administrator', { organisationId: elsewhere });
  const client = await as(outsider);
  assert.equal((await client.get(riskUrl)).statusCode, 404);
  assert.equal((await client.get(`${riskUrl}/edit`)).statusCode, 404);
  assert.equal((await client.get(`/history/risk/${riskUrl.split('/').pop()}`)).statusCode, 404);
  assert.equal((await client.get(`/plans/${plan.id}/risks`)).statusCode, 404);
  assert.deepEqual((await client.get('/api/v1/risks')).json(), { items: [] });
  assert.equal((await client.get(`/api/v1/risks?plan=${plan.id}`)).statusCode, 200);
  assert.deepEqual((await client.get(`/api/v1/risks?plan=${plan.id}`)).json(), { items: [] });
});

test('saving a risk over a newer version is a conflict that keeps the person’s text', async (t) => {
  const { plan, people, as } = await setUp(t);
  const first = await as(people.programmeManager);
  await first.get(`/plans/${plan.id}/risks/new`);
  const riskUrl = (await first.post(`/plans/${plan.id}/risks/new`, riskForm())).headers.location as string;
  const second = await as(people.administrator);
  await first.get(`${riskUrl}/edit`);
  await second.get(`${riskUrl}/edit`);
  const saved = await first.post(`${riskUrl}/edit`, {
    ...riskForm({ controls: 'First person’s controls' }),
    version: '1',
  });
  assert.equal(saved.statusCode, 303);
  const clash = await second.post(`${riskUrl}/edit`, {
    ...riskForm({ controls: 'Second person’s controls' }),
    version: '1',
  });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /First person’s controls/);
  assert.match(clash.body, /<textarea[^>]*name="controls"[^>]*>Second person’s controls<\/textarea>/);
  assert.match(clash.body, /name="version" value="2"/);
});

test('the council sets its scale and threshold; the register and the form follow it', async (t) => {
  const { plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const form = await manager.get('/settings/risks');
  assert.equal(form.statusCode, 200);
  const bad = await manager.post('/settings/risks', {
    scaleSize: '4',
    mediumFrom: '4',
    highFrom: '3',
    veryHighFrom: '12',
    threshold: '9',
    version: versionOn(form.body)!,
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /High must start above medium/);
  const saved = await manager.post('/settings/risks', {
    scaleSize: '4',
    mediumFrom: '4',
    highFrom: '8',
    veryHighFrom: '12',
    threshold: '9',
    version: versionOn(form.body)!,
  });
  assert.equal(saved.statusCode, 303, saved.body);
  const register = await manager.get(`/plans/${plan.id}/risks`);
  assert.match(register.body, /scored from 1 to 4/);
  assert.match(register.body, /scoring 9 or more/);
  await manager.get(`/plans/${plan.id}/risks/new`);
  const tooHigh = await manager.post(`/plans/${plan.id}/risks/new`, riskForm({ inherentLikelihood: '5' }));
  assert.equal(tooHigh.statusCode, 400);
  assert.match(tooHigh.body, /Likelihood before controls must be a whole number from 1 to 4/);
  const again = await manager.get('/settings/risks');
  assert.equal(versionOn(again.body), '1');
  assert.match(again.body, /name="threshold"[^>]*value="9"/);
});
