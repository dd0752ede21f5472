import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { systemActor } from '../../db/changes.ts';
import { savePlanTarget } from '../../db/measures/commands.ts';
import { createExpectation } from '../../db/programmes/commands.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildOrganisation, buildPlan, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';

const actor = systemActor('Test');

/** A reform programme beside the plan, sharing a measure that each holds to its own target. */
async function setUp(t: TestContext) {
  const { app, database } = await testApp(t);
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const programme = await buildPlan(db, world.organisationId, {
    title: 'Families First Partnership',
    kind: 'reform-programme',
  });
  const measure = await buildMeasure(db, world.organisationId, {
    name: 'Cared for children seen on time',
    target: 85,
  });
  await createExpectation(
    db,
    programme,
    {
      text: 'Offer family group decision-making before proceedings',
      strength: 'required',
      reference: 'Family help',
      status: 'met',
      evidence: 'Offered since the spring',
      commitmentId: world.commitment.id,
      measureId: measure.id,
    },
    actor,
  );
  await createExpectation(
    db,
    programme,
    {
      text: 'Share the plan’s measures',
      strength: 'recommended',
      reference: '',
      status: 'not-started',
      evidence: '',
      commitmentId: null,
      measureId: null,
    },
    actor,
  );
  const target = (planId: number, value: number) =>
    savePlanTarget(
      db,
      { organisationId: world.organisationId, measureId: measure.id, planId, current: null },
      1,
      { target: value, targetDate: null, period: 'by March 2026', note: '' },
      actor,
    );
  await target(world.plan.id, 90);
  await target(programme.id, 95);
  const viewer = new TestClient(app);
  await viewer.signIn(world.people.viewer.email, world.people.viewer.password);
  return { app, db, world, programme, measure, viewer };
}

test('GET /api/v1/plans/:planId/expectations gives each expectation with what meets it, and the counts', async (t) => {
  const { world, programme, measure, viewer } = await setUp(t);
  const response = await viewer.get(paths.api.planExpectations(programme.id));
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json<{
    counts: Record<string, number>;
    items: {
      id: number;
      title: string;
      status: string;
      met: boolean;
      commitments: unknown[];
      measures: unknown[];
    }[];
  }>();
  assert.deepEqual(body.counts, { required: 1, requiredMet: 1, recommended: 1, recommendedMet: 0 });
  assert.equal(body.items.length, 2);
  const [met, open] = body.items;
  assert.equal(met!.title, 'Offer family group decision-making before proceedings');
  assert.equal(met!.status, 'met');
  assert.equal(met!.met, true);
  assert.deepEqual(met!.commitments, [{ id: world.commitment.id, text: world.commitment.text }]);
  assert.deepEqual(met!.measures, [{ id: measure.id, name: 'Cared for children seen on time' }]);
  assert.deepEqual(open!.commitments, []);
  assert.equal(open!.met, false);

  // An improvement plan has no checklist: an empty list, not an error.
  const plan = await viewer.get(paths.api.planExpectations(world.plan.id));
  assert.deepEqual(plan.json<{ items: unknown[] }>().items, []);
});

test('GET /api/v1/measures/:measureId/targets lists each plan’s own target beside the measure’s', async (t) => {
  const { world, programme, measure, viewer } = await setUp(t);
  const response = await viewer.get(paths.api.measureTargets(measure.id));
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json(), {
    measureId: measure.id,
    target: 85,
    items: [
      {
        planId: world.plan.id,
        planTitle: world.plan.title,
        planKind: 'improvement-plan',
        target: 90,
        targetDate: null,
        period: 'by March 2026',
        note: '',
        version: 1,
      },
      {
        planId: programme.id,
        planTitle: 'Families First Partnership',
        planKind: 'reform-programme',
        target: 95,
        targetDate: null,
        period: 'by March 2026',
        note: '',
        version: 1,
      },
    ],
  });
  const spec = await viewer.get(paths.api.openapi());
  assert.match(spec.body, /\/api\/v1\/measures\/\{measureId\}\/targets/);
  assert.match(spec.body, /\/api\/v1\/plans\/\{planId\}\/expectations/);
});

test('another council’s plan or measure, or an id no column holds, is not found', async (t) => {
  const { app, db, viewer } = await setUp(t);
  const elsewhere = await buildOrganisation(db, 'Elsewhere Council');
  const theirPlan = await buildPlan(db, elsewhere, { title: 'Their programme', kind: 'reform-programme' });
  const theirMeasure = await buildMeasure(db, elsewhere, { name: 'Their measure' });
  assert.equal((await viewer.get(paths.api.planExpectations(theirPlan.id))).statusCode, 404);
  assert.equal((await viewer.get(paths.api.measureTargets(theirMeasure.id))).statusCode, 404);
  assert.equal((await viewer.get('/api/v1/plans/9999999999/expectations')).statusCode, 404);
  assert.equal((await viewer.get('/api/v1/measures/abc/targets')).statusCode, 400);
  const signedOut = await new TestClient(app).get(paths.api.planExpectations(theirPlan.id));
  assert.equal(signedOut.statusCode, 401);
});
