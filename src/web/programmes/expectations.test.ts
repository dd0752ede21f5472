import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { testApp } from '../../../test/helpers/app.ts';
import {
  buildOrganisation,
  buildPlan,
  buildPlanWithPeople,
  buildUser,
} from '../../../test/helpers/builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const programme = await buildPlan(database.db, world.organisationId, {
    title: 'Families First Partnership',
    kind: 'reform-programme',
  });
  const as = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    return client;
  };
  return { app, db: database.db, ...world, programme, as };
}

const expectationForm = (overrides: Record<string, string> = {}) => ({
  text: 'Family group decision-making is offered before proceedings',
  strength: 'required',
  reference: '',
  status: 'not-started',
  evidence: '',
  commitmentId: '',
  measureId: '',
  ...overrides,
});

test('the programme office keeps a reform programme’s expectations, grouped and counted', async (t) => {
  const { db, organisationId, programme, commitment, people, as } = await setUp(t);
  const measure = await buildMeasure(db, organisationId, {
    name: 'Families offered a family group conference',
  });
  const manager = await as(people.programmeManager);
  const overview = await manager.get(`/plans/${programme.id}`);
  assert.match(overview.body, /Expectations checklist/);

  const form = await manager.get(`/plans/${programme.id}/expectations/new`);
  assert.equal(form.statusCode, 200);
  const blank = await manager.post(
    `/plans/${programme.id}/expectations/new`,
    expectationForm({ text: '', strength: '' }),
  );
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /govuk-error-summary/);
  assert.match(blank.body, /href="#text"[^>]*>Enter what the programme expects/);
  assert.match(blank.body, /href="#strength"[^>]*>Select whether the expectation is required or recommended/);

  const required = await manager.post(
    `/plans/${programme.id}/expectations/new`,
    expectationForm({
      reference: 'Family help',
      status: 'met',
      evidence: 'Offered to every family since the spring',
      commitmentId: String(commitment.id),
      measureId: String(measure.id),
    }),
  );
  assert.equal(required.statusCode, 303, required.body);
  const recommended = await manager.post(
    `/plans/${programme.id}/expectations/new`,
    expectationForm({ text: 'Education joins the safeguarding partnership', strength: 'recommended' }),
  );
  assert.equal(recommended.statusCode, 303);

  const list = await manager.get(`/plans/${programme.id}/expectations`);
  assert.match(list.body, /1 of 1 required expectations met; 0 of 1 recommended expectations met/);
  assert.ok(list.body.indexOf('Required (1)') < list.body.indexOf('Recommended (1)'));
  assert.match(list.body, /Offered to every family since the spring/);

  const id = /href="\/expectations\/(\d+)">Family group/.exec(list.body)?.[1];
  assert.ok(id);
  const page = await manager.get(`/expectations/${id}`);
  assert.match(page.body, /Families offered a family group conference/);
  assert.match(page.body, /Added by/);

  // An edit at the version loaded saves; a second at the old version keeps the person's text.
  await manager.get(`/expectations/${id}/edit`);
  const saved = await manager.post(
    `/expectations/${id}/edit`,
    expectationForm({ status: 'in-progress', version: '1' }),
  );
  assert.equal(saved.statusCode, 303, saved.body);
  const stale = await manager.post(
    `/expectations/${id}/edit`,
    expectationForm({ evidence: 'Written at the same time', version: '1' }),
  );
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Written at the same time/);
  const history = await manager.get(`/expectations/${id}`);
  assert.match(history.body, /In progress/);
});

test('everyone signed in reads the expectations; only the programme office changes them', async (t) => {
  const { programme, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(`/plans/${programme.id}/expectations/new`);
  const created = await manager.post(`/plans/${programme.id}/expectations/new`, expectationForm());
  assert.equal(created.statusCode, 303);
  const list = await manager.get(`/plans/${programme.id}/expectations`);
  const id = /href="\/expectations\/(\d+)"/.exec(list.body)![1]!;

  for (const person of [people.viewer, people.boardMember, people.sponsor]) {
    const client = await as(person);
    const read = await client.get(`/plans/${programme.id}/expectations`);
    assert.equal(read.statusCode, 200);
    assert.doesNotMatch(read.body, /Add an expectation/);
    assert.equal((await client.get(`/plans/${programme.id}/expectations/new`)).statusCode, 403);
    assert.equal((await client.get(`/expectations/${id}/edit`)).statusCode, 403);
  }
  const admin = await as(people.administrator);
  assert.equal((await admin.get(`/expectations/${id}/edit`)).statusCode, 200);
});

test('another council’s programme or expectation is not found', async (t) => {
  const { db, programme, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(`/plans/${programme.id}/expectations/new`);
  await manager.post(`/plans/${programme.id}/expectations/new`, expectationForm());
  const id = /href="\/expectations\/(\d+)"/.exec(
    (await manager.get(`/plans/${programme.id}/expectations`)).body,
  )![1]!;

  const elsewhere = await buildOrganisation(db, 'Elsewhere Borough Council');
  const outsider = await as(await buildUser(db, 'programme-manager', { organisationId: elsewhere }));
  assert.equal((await outsider.get(`/plans/${programme.id}/expectations`)).statusCode, 404);
  assert.equal((await outsider.get(`/plans/${programme.id}/expectations/new`)).statusCode, 404);
  assert.equal((await outsider.get(`/expectations/${id}`)).statusCode, 404);
  assert.equal((await outsider.get(`/expectations/${id}/edit`)).statusCode, 404);
  assert.equal(
    (await outsider.post(`/expectations/${id}/edit`, expectationForm({ version: '1' }))).statusCode,
    404,
  );
});
