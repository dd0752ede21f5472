import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildOrganisation, buildPlan, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { systemActor } from '../changes.ts';
import { listHistory } from '../plan/queries.ts';
import { createRisk, saveRiskSettings, updateRisk, type RiskInput } from './commands.ts';
import { getRisk, getRiskSettings, listRisks, risksAboveThreshold } from './queries.ts';

async function setUp(t: TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  return { db: database.db, ...(await buildPlanWithPeople(database.db)) };
}

const actor = systemActor('Test');
export const riskInput = (overrides: Partial<RiskInput> = {}): RiskInput => ({
  title: 'Social workers leave faster than we can recruit',
  priorityIds: [],
  cause: 'Agency rates in the region',
  effect: 'Caseloads rise and visits slip',
  controls: 'Retention payments; a new academy intake',
  ownerUserId: null,
  ownerName: 'Head of Workforce',
  inherentLikelihood: 5,
  inherentImpact: 4,
  residualLikelihood: 3,
  residualImpact: 4,
  reviewedOn: '2024-09-01',
  nextReviewOn: null,
  status: 'open',
  ...overrides,
});

test('a risk is rated on the council’s scale, with its sponsors from its priorities', async (t) => {
  const { db, plan, priority, people } = await setUp(t);
  const risk = await createRisk(db, plan, riskInput({ priorityIds: [priority.id] }), actor);
  const ctx = await getRisk(db, plan.organisationId, risk.id);
  assert.ok(ctx);
  assert.deepEqual(ctx.risk.inherent, { score: 20, band: 'very-high' });
  assert.deepEqual(ctx.risk.residual, { score: 12, band: 'high' });
  assert.equal(ctx.risk.direction, 'new');
  assert.equal(ctx.risk.aboveThreshold, true);
  assert.deepEqual(ctx.sponsorUserIds, [people.sponsor.id]);
  assert.equal(ctx.risk.ownerDisplayName, 'Head of Workforce');
  assert.equal((await listHistory(db, plan.organisationId, 'risk', risk.id)).length, 1);

  // Another council does not see it.
  const otherCouncil = await buildOrganisation(db, 'Elsewhere Council');
  assert.equal(await getRisk(db, otherCouncil, risk.id), null);
  assert.deepEqual(await listRisks(db, otherCouncil), []);
});

test('an edit at an old version is a conflict; a new review date moves the direction’s baseline', async (t) => {
  const { db, plan } = await setUp(t);
  const risk = await createRisk(db, plan, riskInput(), actor);
  const load = async () => (await getRisk(db, plan.organisationId, risk.id))!;

  // Scores corrected on the same review: no direction yet.
  const corrected = await updateRisk(db, await load(), 1, riskInput({ residualImpact: 3 }), actor);
  assert.ok(corrected.ok);
  assert.equal((await load()).risk.direction, 'new');

  // A later review with a higher score is worse than the last review's 9.
  const reviewed = await updateRisk(
    db,
    await load(),
    2,
    riskInput({ residualImpact: 4, reviewedOn: '2024-09-30' }),
    actor,
  );
  assert.ok(reviewed.ok);
  const after = await load();
  assert.equal(after.risk.previousResidualScore, 9);
  assert.equal(after.risk.direction, 'worse');

  const stale = await updateRisk(db, after, 2, riskInput({ title: 'Lost edit' }), actor);
  assert.equal(stale.ok, false);
  assert.ok(!stale.ok && stale.conflict);
  assert.equal((await load()).risk.title, riskInput().title);

  const history = await listHistory(db, plan.organisationId, 'risk', risk.id);
  assert.deepEqual(
    history.map((h) => h.action),
    ['update', 'update', 'create'],
  );
});

test('the council’s threshold and bands decide what goes to the board', async (t) => {
  const { db, plan } = await setUp(t);
  await createRisk(db, plan, riskInput({ title: 'High', residualLikelihood: 3, residualImpact: 4 }), actor);
  await createRisk(db, plan, riskInput({ title: 'Low', residualLikelihood: 1, residualImpact: 2 }), actor);
  await createRisk(
    db,
    plan,
    riskInput({ title: 'Closed', residualLikelihood: 5, residualImpact: 5, status: 'closed' }),
    actor,
  );
  const otherPlan = await buildPlan(db, plan.organisationId, { title: 'Other' });
  await createRisk(db, otherPlan, riskInput({ title: 'Elsewhere' }), actor);
  assert.deepEqual(
    (await risksAboveThreshold(db, plan.organisationId, plan.id)).map((r) => r.title),
    ['High'],
  );

  const { row } = await getRiskSettings(db, plan.organisationId);
  assert.equal(row, null);
  const saved = await saveRiskSettings(
    db,
    plan.organisationId,
    null,
    1,
    { scaleSize: 5, mediumFrom: 2, highFrom: 4, veryHighFrom: 20, threshold: 2 },
    actor,
  );
  assert.ok(saved.ok);
  const above = await risksAboveThreshold(db, plan.organisationId, plan.id);
  assert.deepEqual(
    above.map((r) => [r.title, r.residual.band]),
    [
      ['High', 'high'],
      ['Low', 'medium'],
    ],
  );
  const again = await getRiskSettings(db, plan.organisationId);
  const stale = await saveRiskSettings(db, plan.organisationId, again.row, 0, again.settings, actor);
  assert.ok(!stale.ok && stale.conflict);
});
