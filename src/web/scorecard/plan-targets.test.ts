import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { testApp } from '../../../test/helpers/app.ts';
import {
  buildOrganisation,
  buildPlan,
  buildPlanWithPeople,
  buildPriority,
} from '../../../test/helpers/builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';

/*
 * Issue 16's "Done when": two plans of different kinds share a measure, and each shows it with its
 * own target, on the measure page and in each plan's scorecard. Figures are from 2024, in the past
 * at both of the suite's dates.
 */

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

const targetForm = (overrides: Record<string, string> = {}) => ({
  target: '',
  'targetDate-day': '',
  'targetDate-month': '',
  'targetDate-year': '',
  period: '',
  note: '',
  version: '1',
  ...overrides,
});

/** The target cell of the measure's row in a scorecard page. */
function scorecardTarget(body: string, name: string): string | undefined {
  const row = body.split('<tr class="govuk-table__row">').find((r) => r.includes(`>${name}</a>`));
  return row
    ? /<td class="govuk-table__cell">[^<]*(?:<br>[^]*?)?<\/td>\s*<td class="govuk-table__cell">([^<]*)<\/td>/.exec(
        row,
      )?.[1]
    : undefined;
}

test('a reform programme is added as a kind of plan, and shown as one', async (t) => {
  const { people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const form = await manager.get('/plans/new');
  assert.match(form.body, /Kind of plan/);
  assert.match(form.body, /value="improvement-plan" checked/);
  const created = await manager.post('/plans/new', {
    title: 'Families First Partnership',
    kind: 'reform-programme',
    period: '2025 to 2028',
    status: 'draft',
    'adoptedOn-day': '',
    'adoptedOn-month': '',
    'adoptedOn-year': '',
  });
  assert.equal(created.statusCode, 303, created.body);
  const page = await manager.get(created.headers.location as string);
  assert.match(page.body, /Families First Partnership/);
  assert.match(page.body, /Reform programme/);
  const api = await manager.get('/api/v1/plans');
  assert.deepEqual(
    api.json<{ items: { title: string; kind: string }[] }>().items.map((p) => [p.title, p.kind]),
    [
      ['Improving services for children', 'improvement-plan'],
      ['Families First Partnership', 'reform-programme'],
    ],
  );
  const list = await manager.get('/plans');
  assert.match(list.body, /Improvement plan<\/td>/);
  assert.match(list.body, /Reform programme<\/td>/);

  const unknown = await manager.post('/plans/new', { title: 'Odd kind', kind: 'board', status: 'draft' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /href="#kind"[^>]*>Select the kind of plan/);
  // A form from before kinds makes an improvement plan, as every earlier plan is.
  const older = await manager.post('/plans/new', { title: 'Plan 2025', status: 'draft' });
  assert.equal(older.statusCode, 303);
  assert.match((await manager.get(older.headers.location as string)).body, /Improvement plan/);
});

test('two plans of different kinds share a measure, and each shows it with its own target', async (t) => {
  const { db, organisationId, plan, priority, people, as } = await setUp(t);
  const programme = await buildPlan(db, organisationId, {
    title: 'Families First Partnership',
    kind: 'reform-programme',
  });
  const programmePriority = await buildPriority(db, programme, { title: 'Family help' });
  const measure = await buildMeasure(
    db,
    organisationId,
    { name: 'Re-referrals within 12 months', polarity: 'lower-is-better', target: 22 },
    [
      { period: '2024-06', value: 24 },
      { period: '2024-07', value: 21 },
    ],
    [priority.id],
  );
  const manager = await as(people.programmeManager);
  await manager.get(`/measures/${measure.id}/plans/${programme.id}/target`);

  const blank = await manager.post(`/measures/${measure.id}/plans/${programme.id}/target`, targetForm());
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#target"[^>]*>Enter the target for this plan/);
  assert.match(blank.body, /Priority of this plan the measure evidences/);

  const forProgramme = await manager.post(
    `/measures/${measure.id}/plans/${programme.id}/target`,
    targetForm({ target: '18', period: 'by the end of 2025/26', priorityId: String(programmePriority.id) }),
  );
  assert.equal(forProgramme.statusCode, 303, forProgramme.body);
  const forPlan = await manager.post(
    `/measures/${measure.id}/plans/${plan.id}/target`,
    targetForm({
      target: '20',
      'targetDate-day': '31',
      'targetDate-month': '3',
      'targetDate-year': '2026',
    }),
  );
  assert.equal(forPlan.statusCode, 303, forPlan.body);

  const page = await manager.get(`/measures/${measure.id}`);
  assert.match(page.body, /Targets by plan/);
  const table = page.body.slice(page.body.indexOf('id="targets-by-plan"'));
  assert.match(
    table,
    /Improving services for children<br><span[^>]*>Improvement plan<\/span><\/th>\s*<td class="govuk-table__cell">20%<\/td>\s*<td class="govuk-table__cell">31 March 2026<\/td>/,
  );
  assert.match(
    table,
    /Families First Partnership<br><span[^>]*>Reform programme<\/span><\/th>\s*<td class="govuk-table__cell">18%<\/td>\s*<td class="govuk-table__cell">by the end of 2025\/26<\/td>/,
  );
  // The measure now evidences a priority of each plan.
  assert.match(page.body, /Families First Partnership: priority 1, Family help/);

  const all = await manager.get('/scorecard');
  assert.equal(scorecardTarget(all.body, 'Re-referrals within 12 months'), '22%');
  const improvement = await manager.get(`/scorecard?plan=${plan.id}`);
  assert.equal(scorecardTarget(improvement.body, 'Re-referrals within 12 months'), '20%');
  assert.match(improvement.body, /Scorecard: Improving services for children/);
  const reform = await manager.get(`/scorecard?plan=${programme.id}`);
  assert.equal(scorecardTarget(reform.body, 'Re-referrals within 12 months'), '18%');
  // 21% against the programme's 18% is off target; against the plan's 20% it is close.
  assert.match(reform.body, /3 percentage points above target/);
  assert.match(improvement.body, /1 percentage point above target/);
  const byPriority = await manager.get(`/scorecard?priority=${programmePriority.id}`);
  assert.equal(scorecardTarget(byPriority.body, 'Re-referrals within 12 months'), '18%');

  // Everyone signed in reads the table; only the programme office sets targets.
  const viewer = await as(people.viewer);
  const viewed = await viewer.get(`/measures/${measure.id}`);
  assert.match(viewed.body, /Targets by plan/);
  assert.doesNotMatch(viewed.body, /\/plans\/\d+\/target/);
  const sponsor = await as(people.sponsor);
  assert.equal((await sponsor.get(`/measures/${measure.id}/plans/${plan.id}/target`)).statusCode, 403);
});

test('a plan without its own target shows the measure’s, and a stale save keeps the person’s text', async (t) => {
  const { db, organisationId, plan, priority, people, as } = await setUp(t);
  const measure = await buildMeasure(
    db,
    organisationId,
    { target: 90 },
    [{ period: '2024-07', value: 80 }],
    [priority.id],
  );
  const manager = await as(people.programmeManager);
  await manager.get(`/measures/${measure.id}/plans/${plan.id}/target`);
  const page = await manager.get(`/measures/${measure.id}`);
  assert.match(page.body, /90% \(the measure’s own target\)/);
  assert.equal(
    scorecardTarget(
      (await manager.get(`/scorecard?plan=${plan.id}`)).body,
      'Cared for children seen within timescales',
    ),
    '90%',
  );

  const url = `/measures/${measure.id}/plans/${plan.id}/target`;
  assert.equal((await manager.post(url, targetForm({ target: '85' }))).statusCode, 303);
  assert.equal((await manager.post(url, targetForm({ target: '86', version: '1' }))).statusCode, 303);
  const stale = await manager.post(
    url,
    targetForm({ target: '87', note: 'Agreed at the board', version: '1' }),
  );
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Agreed at the board/);
  assert.match(stale.body, /86/);
});

test('another council’s measure or plan is not found', async (t) => {
  const { db, organisationId, plan, people, as } = await setUp(t);
  const otherCouncil = await buildOrganisation(db, 'Elsewhere Borough Council');
  const otherPlan = await buildPlan(db, otherCouncil);
  const otherMeasure = await buildMeasure(db, otherCouncil, { name: 'Their measure' });
  const ours = await buildMeasure(db, organisationId, { name: 'Our measure' });
  const manager = await as(people.programmeManager);
  await manager.get(`/measures/${ours.id}/plans/${plan.id}/target`);
  assert.equal((await manager.get(`/measures/${ours.id}/plans/${otherPlan.id}/target`)).statusCode, 404);
  assert.equal((await manager.get(`/measures/${otherMeasure.id}/plans/${plan.id}/target`)).statusCode, 404);
  assert.equal(
    (await manager.post(`/measures/${otherMeasure.id}/plans/${plan.id}/target`, targetForm({ target: '1' })))
      .statusCode,
    404,
  );
});
