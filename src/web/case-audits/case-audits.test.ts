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
import { quarterOf } from '../../domain/publishing/quarters.ts';

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

const q2 = '2024-25-q2';
const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1];

export const auditFields = (overrides: Record<string, string> = {}) => ({
  caseReference: 'CA-2024-001',
  theme: 'Neglect',
  grade: 'good',
  auditor: 'Pat Auditor',
  moderated: 'no',
  learning: 'The plan is clear and visits are on time.',
  'auditedOn-day': '12',
  'auditedOn-month': '8',
  'auditedOn-year': '2024',
  findingDescription: '',
  findingOwner: '',
  'findingDueOn-day': '',
  'findingDueOn-month': '',
  'findingDueOn-year': '',
  ...overrides,
});

const programmeFields = {
  themes: 'Neglect\nChildren in need',
  plannedCount: '4',
  auditors: 'Pat Auditor\nSam Moderator',
  moderationNote: 'One in four moderated by the independent auditor',
  targetPercent: '60',
};

async function recordQuarter(client: TestClient, planId: number) {
  const base = `/plans/${planId}/case-audits/${q2}`;
  const programme = await client.get(`${base}/programme`);
  assert.equal(programme.statusCode, 200);
  const saved = await client.post(`${base}/programme`, {
    ...programmeFields,
    version: versionOn(programme.body)!,
  });
  assert.equal(saved.statusCode, 303, saved.body);
  await client.get(`${base}/audits/new`);
  for (const [ref, grade] of [
    ['CA-2024-001', 'good'],
    ['CA-2024-002', 'outstanding'],
    ['CA-2024-003', 'requires-improvement'],
  ]) {
    const created = await client.post(
      `${base}/audits/new`,
      auditFields({ caseReference: ref!, grade: grade! }),
    );
    assert.equal(created.statusCode, 303, created.body);
  }
  return base;
}

test('the programme office records a quarter; the summary, the API and the scorecard agree', async (t) => {
  const { app, plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const base = await recordQuarter(manager, plan.id);

  const quarter = await manager.get(base);
  assert.equal(quarter.statusCode, 200);
  assert.match(quarter.body, /3 of 4/);
  assert.match(quarter.body, /66\.7% <span[^>]*>\(2\)/);
  assert.match(quarter.body, /60%.*Met/s);
  assert.match(quarter.body, /CA-2024-003/);
  assert.match(quarter.body, /One in four moderated/);

  const list = await manager.get(`/plans/${plan.id}/case-audits`);
  assert.match(list.body, /Quarter 2, 2024\/25/);
  // The list also offers the quarter of today (the suite runs at two dates), to start recording it.
  assert.ok(list.body.includes(quarterOf(app.clock.today()).label), 'the current quarter is listed');

  const api = await manager.get(`/api/v1/case-audits/summary?quarter=${q2}&plan=${plan.id}`);
  assert.equal(api.statusCode, 200);
  assert.deepEqual(api.json(), {
    audits: 3,
    goodOrBetter: 2,
    percentGoodOrBetter: 66.7,
    target: 60,
    inadequate: 0,
  });
  assert.deepEqual((await manager.get(`/api/v1/case-audits/summary?quarter=${q2}`)).json(), api.json());
  assert.equal((await manager.get('/api/v1/case-audits/summary?quarter=2024-26-q1')).statusCode, 400);
  assert.equal((await manager.get('/api/v1/case-audits/summary?quarter=Q2')).statusCode, 400);
  assert.equal((await manager.get('/api/v1/case-audits/summary')).statusCode, 400);

  const scorecard = await manager.get('/scorecard');
  assert.match(
    scorecard.body,
    /Case audits good or better<\/a><\/th>\s*<td[^>]*>66\.7%<br>[^]*?<\/td>\s*<td[^>]*>60%<\/td>/,
  );
});

test('a reference that could identify a child is refused in the error summary; inadequate needs a finding', async (t) => {
  const { plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const url = `/plans/${plan.id}/case-audits/${q2}/audits/new`;
  await manager.get(url);
  const cases: [string, RegExp][] = [
    ['Jamie Smith', /must not contain a name/],
    ['943 476 5919', /must not be an NHS number/],
    ['DOB 12/03/2015', /must not contain a date, such as a date of birth/],
    ['jo@example.com', /must not contain an email address/],
    ['07700 900123', /must not contain a phone number/],
  ];
  for (const [reference, message] of cases) {
    const refused = await manager.post(url, auditFields({ caseReference: reference }));
    assert.equal(refused.statusCode, 400, reference);
    assert.match(refused.body, /There is a problem/);
    assert.match(
      refused.body,
      new RegExp(`href="#caseReference">Case reference ${message.source}`),
      reference,
    );
  }
  const outOfQuarter = await manager.post(url, auditFields({ 'auditedOn-month': '11' }));
  assert.match(outOfQuarter.body, /Date audited must be in Quarter 2, 2024\/25/);

  const noFinding = await manager.post(url, auditFields({ grade: 'inadequate' }));
  assert.equal(noFinding.statusCode, 400);
  assert.match(
    noFinding.body,
    /href="#findingDescription">Enter a finding: an audit graded inadequate needs at least one action/,
  );
  const withFinding = await manager.post(
    url,
    auditFields({
      grade: 'inadequate',
      findingDescription: 'Strategy discussion to be held within five days',
      findingOwner: 'Team manager, north',
      'findingDueOn-day': '30',
      'findingDueOn-month': '9',
      'findingDueOn-year': '2024',
    }),
  );
  assert.equal(withFinding.statusCode, 303, withFinding.body);
  const quarter = await manager.get(`/plans/${plan.id}/case-audits/${q2}`);
  assert.match(quarter.body, /Open findings/);
  assert.match(quarter.body, /Strategy discussion to be held within five days/);

  const auditUrl = /href="(\/case-audits\/\d+)"/.exec(quarter.body)![1]!;
  const audit = await manager.get(auditUrl);
  assert.match(audit.body, /Team manager, north/);
  const closeUrl = /href="(\/case-audit-findings\/\d+\/close)"/.exec(audit.body)![1]!;
  const closeForm = await manager.get(closeUrl);
  const closed = await manager.post(closeUrl, {
    'closedOn-day': '20',
    'closedOn-month': '9',
    'closedOn-year': '2024',
    version: versionOn(closeForm.body)!,
  });
  assert.equal(closed.statusCode, 303, closed.body);
  assert.match((await manager.get(auditUrl)).body, /Closed 20 September 2024/);
  assert.match((await manager.get(`/plans/${plan.id}/case-audits/${q2}`)).body, /No findings are open/);
});

test('others read but do not change; another council’s ids are not found', async (t) => {
  const { db, plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const base = await recordQuarter(manager, plan.id);
  const auditUrl = /href="(\/case-audits\/\d+)"/.exec((await manager.get(base)).body)![1]!;

  for (const person of [people.viewer, people.boardMember, people.sponsor]) {
    const client = await as(person);
    assert.equal((await client.get(base)).statusCode, 200, person.role);
    assert.doesNotMatch((await client.get(base)).body, /Add a case audit/);
    assert.equal((await client.get(auditUrl)).statusCode, 200, person.role);
    assert.equal((await client.get(`${base}/audits/new`)).statusCode, 403, person.role);
    assert.equal((await client.get(`${base}/programme`)).statusCode, 403, person.role);
    assert.equal((await client.get(`${auditUrl}/edit`)).statusCode, 403, person.role);
    assert.equal((await client.get('/settings/case-audits')).statusCode, 403, person.role);
  }
  const noToken = await manager.post(`${base}/audits/new`, { ...auditFields(), _csrf: null });
  assert.equal(noToken.statusCode, 403);

  const elsewhere = await buildOrganisation(db, 'Elsewhere Borough Council');
  await buildPlan(db, elsewhere);
  const outsider = await as(await buildUser(db, 'administrator', { organisationId: elsewhere }));
  assert.equal((await outsider.get(base)).statusCode, 404);
  assert.equal((await outsider.get(`${base}/programme`)).statusCode, 404);
  assert.equal((await outsider.get(auditUrl)).statusCode, 404);
  assert.equal((await outsider.get(`${auditUrl}/edit`)).statusCode, 404);
  assert.equal(
    (await outsider.get(`/api/v1/case-audits/summary?quarter=${q2}&plan=${plan.id}`)).statusCode,
    404,
  );
  assert.equal(
    (await outsider.get(`/api/v1/case-audits/summary?quarter=${q2}`)).json<{ audits: number }>().audits,
    0,
  );
  assert.equal((await manager.get(`/plans/${plan.id}/case-audits/2024-25-q9`)).statusCode, 404);
});

test('saving an audit over a newer version is a conflict that keeps the person’s text', async (t) => {
  const { plan, people, as } = await setUp(t);
  const first = await as(people.programmeManager);
  const base = await recordQuarter(first, plan.id);
  const auditUrl = /href="(\/case-audits\/\d+)"/.exec((await first.get(base)).body)![1]!;
  const second = await as(people.administrator);
  await first.get(`${auditUrl}/edit`);
  await second.get(`${auditUrl}/edit`);
  const saved = await first.post(`${auditUrl}/edit`, {
    ...auditFields({ learning: 'First person’s learning' }),
    version: '1',
  });
  assert.equal(saved.statusCode, 303, saved.body);
  const clash = await second.post(`${auditUrl}/edit`, {
    ...auditFields({ learning: 'Second person’s learning' }),
    version: '1',
  });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /First person’s learning/);
  assert.match(clash.body, /<textarea[^>]*name="learning"[^>]*>Second person’s learning<\/textarea>/);
  assert.match(clash.body, /name="version" value="2"/);
  assert.match((await first.get(auditUrl)).body, /History/);
});

test('the council names its grades and sets its ceiling; pages use its words', async (t) => {
  const { plan, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const form = await manager.get('/settings/case-audits');
  assert.equal(form.statusCode, 200);
  const bad = await manager.post('/settings/case-audits', {
    outstandingName: 'Outstanding',
    goodName: 'Good',
    requiresImprovementName: 'Requires improvement to be good',
    inadequateName: 'Inadequate',
    inadequateCeiling: '120',
    quarterlyRise: '20',
    version: versionOn(form.body)!,
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Ceiling must be between 0 and 100/);
  const saved = await manager.post('/settings/case-audits', {
    outstandingName: 'Outstanding',
    goodName: 'Good',
    requiresImprovementName: 'Requires improvement to be good',
    inadequateName: 'Inadequate',
    inadequateCeiling: '5',
    quarterlyRise: '20',
    version: versionOn(form.body)!,
  });
  assert.equal(saved.statusCode, 303, saved.body);
  const base = await recordQuarter(manager, plan.id);
  assert.match((await manager.get(base)).body, /Requires improvement to be good/);
});
