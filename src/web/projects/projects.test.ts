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
import { postFile } from '../../../test/helpers/upload.ts';

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

const projectForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: 'Fostering Service Improvement',
  kind: 'project',
  phase: 'Phase one: sustainability project',
  purpose: 'More Tameside children live with Tameside foster carers',
  leadUserId: '',
  leadName: 'Head of Fostering',
  rag: 'amber',
  ragReason: 'Recruitment of carers is behind the plan',
  ...overrides,
});

const lineForm = (overrides: Record<string, string> = {}) => ({
  fundingSource: 'Council budget',
  recurrence: 'non-recurrent',
  financialYear: '2024/25',
  planned: '£200,000',
  description: 'Foster carer recruitment campaign',
  ...overrides,
});

const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1];

async function addProject(client: TestClient, planId: number, overrides = {}) {
  await client.get(`/plans/${planId}/projects/new`);
  const created = await client.post(`/plans/${planId}/projects/new`, projectForm(overrides));
  assert.equal(created.statusCode, 303, created.body);
  return created.headers.location as string;
}

test('the programme office adds a project, a milestone and a budget line, loads spend, and reads it in the API', async (t) => {
  const { app, plan, priority, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const projectUrl = await addProject(manager, plan.id, { priorityIds: [String(priority.id)] });
  assert.match(projectUrl, /^\/projects\/\d+$/);
  const projectId = Number(projectUrl.split('/').pop());

  await manager.get(`${projectUrl}/milestones/new`);
  const milestone = await manager.post(`${projectUrl}/milestones/new`, {
    title: 'Three year foster carer recruitment strategy launched',
    'dueOn-day': '31',
    'dueOn-month': '3',
    'dueOn-year': '2025',
    status: 'done',
    'completedOn-day': '14',
    'completedOn-month': '2',
    'completedOn-year': '2025',
  });
  assert.equal(milestone.statusCode, 303, milestone.body);

  await manager.get(`${projectUrl}/budget/new`);
  const line = await manager.post(`${projectUrl}/budget/new`, lineForm());
  assert.equal(line.statusCode, 303, line.body);

  const csv = [
    'project,financial year,quarter,planned,actual',
    'Fostering Service Improvement,2024/25,Q1,50000,42000',
    'Fostering Service Improvement,2024/25,Q2,50000,61500.50',
  ].join('\n');
  await manager.get('/scorecard/loads');
  const upload = await postFile(app, manager, '/scorecard/loads', {
    field: 'file',
    fileName: 'spend.csv',
    bytes: Buffer.from(csv),
    type: 'text/csv',
  });
  assert.equal(upload.statusCode, 303, upload.body);
  const preview = await manager.get(upload.headers.location as string);
  assert.match(preview.body, /Budget: planned and actual spend/);
  assert.match(preview.body, /2 for 1 project/);
  assert.match(preview.body, /£103,500.50/);
  const confirm = await manager.post(`${upload.headers.location as string}/confirm`, {});
  assert.equal(confirm.statusCode, 303, confirm.body);

  const page = await manager.get(projectUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Phase one: sustainability project/);
  assert.match(page.body, /Amber \(At Risk\)/);
  assert.match(page.body, /Three year foster carer recruitment strategy launched/);
  assert.match(page.body, /14 February 2025/);
  assert.match(page.body, /Council budget: 2024\/25/);
  assert.match(page.body, /Non-recurrent \(one-off\)/);
  assert.match(page.body, /£8,000 less spent than planned/);
  assert.match(page.body, /£11,500.50 more spent than planned/);
  assert.match(page.body, /£103,500.50 spent against £100,000 planned/);

  const list = await manager.get(`/plans/${plan.id}/projects`);
  assert.match(list.body, /Fostering Service Improvement<\/a>/);
  assert.match(list.body, /£200,000/);

  const api = await manager.get(`/api/v1/projects`);
  assert.equal(api.statusCode, 200);
  const [item] = api.json<{ items: Record<string, unknown>[] }>().items;
  assert.deepEqual(
    {
      id: item!.id,
      title: item!.title,
      phase: item!.phase,
      priorities: item!.priorities,
      rag: item!.rag,
      budget: item!.budget,
    },
    {
      id: projectId,
      title: 'Fostering Service Improvement',
      phase: 'Phase one: sustainability project',
      priorities: [priority.id],
      rag: 'amber',
      budget: { planned: 200000, actual: 103500.5, currency: 'GBP' },
    },
  );
});

test('a project form with problems lists them all in an error summary', async (t) => {
  const { plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(`/plans/${plan.id}/projects/new`);
  const bad = await manager.post(
    `/plans/${plan.id}/projects/new`,
    projectForm({ title: '', leadName: '', kind: '', ragReason: '' }),
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /govuk-error-summary/);
  assert.match(bad.body, /href="#title">Enter the title/);
  assert.match(bad.body, /Select whether it is a project or an investable proposition/);
  assert.match(bad.body, /Enter the reason for the RAG status/);

  const projectUrl = await addProject(manager, plan.id);
  await manager.get(`${projectUrl}/budget/new`);
  const badLine = await manager.post(
    `${projectUrl}/budget/new`,
    lineForm({ planned: 'lots', financialYear: '2024', fundingSource: '' }),
  );
  assert.equal(badLine.statusCode, 400);
  assert.match(badLine.body, /Enter the funding source/);
  assert.match(badLine.body, /Financial year must be written like 2024\/25/);
  assert.match(badLine.body, /Planned must be a sum of money/);
});

test('everyone signed in reads projects; only the programme office and administrators change them', async (t) => {
  const { plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const projectUrl = await addProject(manager, plan.id);
  for (const person of [people.viewer, people.boardMember, people.sponsor]) {
    const client = await as(person);
    assert.equal((await client.get(projectUrl)).statusCode, 200, person.role);
    assert.equal((await client.get(`/plans/${plan.id}/projects`)).statusCode, 200, person.role);
    assert.equal((await client.get('/api/v1/projects')).statusCode, 200, person.role);
    assert.equal((await client.get(`${projectUrl}/edit`)).statusCode, 403, person.role);
    assert.equal((await client.get(`${projectUrl}/milestones/new`)).statusCode, 403, person.role);
    assert.equal((await client.get(`${projectUrl}/budget/new`)).statusCode, 403, person.role);
    assert.equal((await client.get(`/plans/${plan.id}/projects/new`)).statusCode, 403, person.role);
    assert.doesNotMatch((await client.get(projectUrl)).body, /Change the project/);
  }
  const admin = await as(people.administrator);
  assert.equal((await admin.get(`${projectUrl}/edit`)).statusCode, 200);
});

test('another council’s project is not found, and its API leaves them out', async (t) => {
  const { db, plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const projectUrl = await addProject(manager, plan.id);
  await manager.get(`${projectUrl}/budget/new`);
  await manager.post(`${projectUrl}/budget/new`, lineForm());
  const elsewhere = await buildOrganisation(db, 'Elsewhere Borough Council');
  await buildPlan(db, elsewhere);
  const outsider = await buildUser(db, 'administrator', { organisationId: elsewhere });
  const client = await as(outsider);
  assert.equal((await client.get(projectUrl)).statusCode, 404);
  assert.equal((await client.get(`${projectUrl}/edit`)).statusCode, 404);
  assert.equal((await client.get(`${projectUrl}/milestones/new`)).statusCode, 404);
  assert.equal((await client.get(`/plans/${plan.id}/projects`)).statusCode, 404);
  const page = await manager.get(projectUrl);
  const lineId = /\/budget-lines\/(\d+)\/edit/.exec(page.body)?.[1];
  assert.ok(lineId);
  assert.equal((await client.get(`/budget-lines/${lineId}/edit`)).statusCode, 404);
  assert.deepEqual((await client.get('/api/v1/projects')).json(), { items: [] });
});

test('saving a project over a newer version is a conflict that keeps the person’s text', async (t) => {
  const { plan, people, as } = await setUp(t);
  const first = await as(people.programmeManager);
  const projectUrl = await addProject(first, plan.id);
  const second = await as(people.administrator);
  const edit = await first.get(`${projectUrl}/edit`);
  await second.get(`${projectUrl}/edit`);
  assert.equal(versionOn(edit.body), '1');
  const saved = await first.post(`${projectUrl}/edit`, {
    ...projectForm({ purpose: 'First person’s purpose' }),
    version: '1',
  });
  assert.equal(saved.statusCode, 303);
  const clash = await second.post(`${projectUrl}/edit`, {
    ...projectForm({ purpose: 'Second person’s purpose' }),
    version: '1',
  });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /First person’s purpose/);
  assert.match(clash.body, /<textarea[^>]*name="purpose"[^>]*>Second person’s purpose<\/textarea>/);
  assert.match(clash.body, /name="version" value="2"/);
});
