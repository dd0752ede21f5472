import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildOrganisation, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { systemActor } from '../changes.ts';
import { findMeasureByName, observationsOf } from '../measures/queries.ts';
import { listHistory } from '../plan/queries.ts';
import {
  auditMeasureName,
  CaseReferenceRefusedError,
  closeFinding,
  createCaseAudit,
  FindingRequiredError,
  saveCaseAuditSettings,
  saveProgramme,
  updateCaseAudit,
  type CaseAuditInput,
} from './commands.ts';
import { defaultCaseAuditSettings } from '../../domain/case-audits/grades.ts';
import { getCaseAudit, getCaseAuditSettings, getFinding, getQuarter, quarterSummary } from './queries.ts';

async function setUp(t: TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  return { db: database.db, ...(await buildPlanWithPeople(database.db)) };
}

const actor = systemActor('Test');
export const auditInput = (overrides: Partial<CaseAuditInput> = {}): CaseAuditInput => ({
  caseReference: 'CA-2024-001',
  theme: 'Neglect',
  grade: 'good',
  auditor: 'Pat Auditor',
  moderated: false,
  learning: 'Visits on time; the plan is clear.',
  auditedOn: '2024-08-01',
  ...overrides,
});
const finding = {
  description: 'Review the plan with the family',
  ownerName: 'Team manager',
  dueOn: '2024-10-31',
};
const q2 = '2024-25-q2';

test('audits feed the scorecard measure, with the quarter’s target, in the same write', async (t) => {
  const { db, plan } = await setUp(t);
  const programme = {
    themes: ['Neglect'],
    plannedCount: 4,
    auditors: ['Pat Auditor'],
    moderationNote: '',
    targetPercent: 60,
  };
  assert.ok((await saveProgramme(db, plan, q2, null, 1, programme, actor)).ok);
  await createCaseAudit(db, plan, q2, auditInput(), null, actor);
  await createCaseAudit(
    db,
    plan,
    q2,
    auditInput({ caseReference: 'CA-2024-002', grade: 'requires-improvement' }),
    null,
    actor,
  );
  await createCaseAudit(
    db,
    plan,
    q2,
    auditInput({ caseReference: 'CA-2024-003', grade: 'outstanding' }),
    null,
    actor,
  );

  const summary = await quarterSummary(db, plan.organisationId, plan.id, q2);
  assert.equal(summary.planned, 4);
  assert.equal(summary.audits, 3);
  assert.equal(summary.percentGoodOrBetter, 66.7);
  assert.equal(summary.target, 60);

  const measure = await findMeasureByName(db, plan.organisationId, auditMeasureName);
  assert.ok(measure);
  assert.equal(measure.frequency, 'quarterly');
  // The next quarter aims at this one's share raised by 20%.
  assert.deepEqual(measure.targets, [
    { from: '2024-Q3', target: 60 },
    { from: '2024-Q4', target: 80 },
  ]);
  const figures = await observationsOf(db, measure.id);
  const own = figures.filter((f) => f.area === 'council');
  assert.equal(own.length, 1);
  assert.equal(own[0]!.period, '2024-Q3');
  assert.equal(own[0]!.value, 66.7);
});

test('an inadequate audit needs a finding; the finding is tracked to closure', async (t) => {
  const { db, plan } = await setUp(t);
  await assert.rejects(
    createCaseAudit(db, plan, q2, auditInput({ grade: 'inadequate' }), null, actor),
    FindingRequiredError,
  );
  await assert.rejects(
    createCaseAudit(db, plan, q2, auditInput({ caseReference: 'Jamie Smith' }), null, actor),
    CaseReferenceRefusedError,
  );
  const audit = await createCaseAudit(db, plan, q2, auditInput({ grade: 'inadequate' }), finding, actor);
  const quarter = await getQuarter(db, plan.organisationId, plan.id, q2);
  assert.equal(quarter.openFindings.length, 1);
  assert.equal(quarter.openFindings[0]!.caseReference, 'CA-2024-001');

  const ctx = (await getFinding(db, plan.organisationId, quarter.openFindings[0]!.id))!;
  const closed = await closeFinding(db, ctx, 1, '2024-09-20', actor);
  assert.ok(closed.ok);
  assert.equal(closed.record.status, 'closed');
  assert.equal(closed.record.closedOn, '2024-09-20');
  assert.equal((await getQuarter(db, plan.organisationId, plan.id, q2)).openFindings.length, 0);
  assert.equal((await closeFinding(db, ctx, 1, '2024-09-21', actor)).ok, false);
  assert.equal((await listHistory(db, plan.organisationId, 'case-audit', audit.id)).length, 1);
});

test('an edit at an old version is a conflict and feeds nothing; another council finds nothing', async (t) => {
  const { db, plan } = await setUp(t);
  const audit = await createCaseAudit(db, plan, q2, auditInput(), null, actor);
  const ctx = (await getCaseAudit(db, plan.organisationId, audit.id))!;
  const saved = await updateCaseAudit(db, ctx, 1, auditInput({ grade: 'requires-improvement' }), null, actor);
  assert.ok(saved.ok);
  const stale = await updateCaseAudit(db, ctx, 1, auditInput({ grade: 'outstanding' }), null, actor);
  assert.equal(stale.ok, false);
  assert.ok(!stale.ok && stale.conflict);
  assert.equal((await quarterSummary(db, plan.organisationId, plan.id, q2)).percentGoodOrBetter, 0);
  const measure = (await findMeasureByName(db, plan.organisationId, auditMeasureName))!;
  assert.equal((await observationsOf(db, measure.id)).find((o) => o.period === '2024-Q3')!.value, 0);

  // A smaller rise moves the next quarter's trajectory target on the scorecard.
  const { row } = await getCaseAuditSettings(db, plan.organisationId);
  const rise = { ...defaultCaseAuditSettings, quarterlyRise: 10 };
  assert.ok((await saveCaseAuditSettings(db, plan.organisationId, row, 1, rise, actor)).ok);
  await createCaseAudit(db, plan, q2, auditInput({ caseReference: 'CA-2024-009' }), null, actor);
  const after = (await findMeasureByName(db, plan.organisationId, auditMeasureName))!;
  assert.deepEqual(after.targets, [{ from: '2024-Q4', target: 55 }]);

  const other = await buildOrganisation(db, 'Elsewhere Council');
  assert.equal(await getCaseAudit(db, other, audit.id), null);
  assert.equal((await quarterSummary(db, other, undefined, q2)).audits, 0);
});
