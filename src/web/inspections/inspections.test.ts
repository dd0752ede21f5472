import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, type TestContext } from 'node:test';
import { testApp } from '../../../test/helpers/app.ts';
import { buildOrganisation, buildPlanWithPeople, buildUser } from '../../../test/helpers/builders.ts';
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

const dateFields = (name: string, iso: string) => {
  const [y = '', m = '', d = ''] = iso.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

const inspectionForm = (overrides: Record<string, string | string[]> = {}) => ({
  kind: 'ilacs-standard',
  ...dateFields('startDate', '2023-12-04'),
  ...dateFields('endDate', '2023-12-15'),
  ...dateFields('publishedDate', '2024-02-09'),
  frameworkVersion: '',
  focus: '',
  summary: '',
  link: 'https://reports.ofsted.gov.uk/example',
  ...overrides,
});

const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1];
const idOf = (location: unknown) => Number(String(location).split('/').pop());

interface ApiInspection {
  id: number;
  kind: string;
  startDate: string;
  endDate: string | null;
  publishedDate: string | null;
  focus: string;
  frameworkVersion: string;
  judgements: { area: string; grade: string }[];
  recommendations: { text: string; frameworkOutcome: string | null; commitments: number }[];
}

test('the programme office records an inspection, its judgements and a recommendation the plan answers', async (t) => {
  const { plan, area, commitment, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/inspections/new');
  const created = await manager.post('/inspections/new', inspectionForm());
  assert.equal(created.statusCode, 303, created.body);
  const url = created.headers.location as string;
  const id = idOf(url);

  // The framework in force on the first day decides the areas: care leavers judged apart from 2023.
  const judgementForm = await manager.get(`/inspections/${id}/judgements/new`);
  assert.equal(judgementForm.statusCode, 200);
  assert.match(judgementForm.body, /ILACS \(2023\)/);
  assert.match(judgementForm.body, /The experiences and progress of care leavers/);
  for (const [areaCode, grade] of [
    ['overall-effectiveness', 'inadequate'],
    ['care-leavers', 'requires-improvement'],
  ] as const) {
    const saved = await manager.post(`/inspections/${id}/judgements/new`, { area: areaCode, grade });
    assert.equal(saved.statusCode, 303, saved.body);
  }
  // An area already judged is no longer offered, and is refused if sent.
  const again = await manager.post(`/inspections/${id}/judgements/new`, {
    area: 'care-leavers',
    grade: 'good',
  });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /href="#area">Select the judgement area/);

  await manager.get(`/inspections/${id}/findings/new`);
  const answered = await manager.post(`/inspections/${id}/findings/new`, {
    kind: 'recommendation',
    number: '1',
    text: 'Improve the quality of plans for children in need of help and protection.',
    frameworkOutcome: 'safe',
    commitmentIds: [String(commitment.id)],
  });
  assert.equal(answered.statusCode, 303, answered.body);
  const unanswered = await manager.post(`/inspections/${id}/findings/new`, {
    kind: 'recommendation',
    number: '2',
    text: 'Strengthen the oversight of pathway plans for care leavers.',
    frameworkOutcome: 'stable-homes',
  });
  assert.equal(unanswered.statusCode, 303, unanswered.body);

  const page = await manager.get(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /ILACS standard inspection, 4 December 2023/);
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header">Overall effectiveness<\/th>\s*<td class="govuk-table__cell">Inadequate/,
  );
  assert.match(page.body, /Requires improvement to be good/);
  assert.match(page.body, /Not recorded: The impact of leaders/);
  assert.match(page.body, /Answered by 1 commitment/);
  assert.match(page.body, /Not yet answered/);
  assert.match(page.body, /Outcome: Children in care and care leavers have stable, loving homes/);

  const overview = await manager.get(`/plans/${plan.id}`);
  assert.match(overview.body, /Recommendations not yet answered by a commitment/);
  assert.match(overview.body, /Strengthen the oversight of pathway plans/);
  assert.doesNotMatch(overview.body, /Improve the quality of plans for children in need/);

  // Linking an improvement area answers it through the area's commitments.
  const findingId = /href="\/inspection-findings\/(\d+)\/edit"/g;
  const ids = [...page.body.matchAll(findingId)].map((m) => m[1]);
  const edit = await manager.get(`/inspection-findings/${ids[1]}/edit`);
  assert.equal(edit.statusCode, 200);
  const linked = await manager.post(`/inspection-findings/${ids[1]}/edit`, {
    kind: 'recommendation',
    number: '2',
    text: 'Strengthen the oversight of pathway plans for care leavers.',
    frameworkOutcome: 'stable-homes',
    improvementAreaIds: [String(area.id)],
    version: versionOn(edit.body)!,
  });
  assert.equal(linked.statusCode, 303, linked.body);
  const after = await manager.get(`/plans/${plan.id}`);
  assert.match(after.body, /Every recommendation recorded is answered/);

  const api = await manager.get('/api/v1/inspections');
  assert.equal(api.statusCode, 200);
  const { items } = api.json<{ items: ApiInspection[] }>();
  assert.equal(items.length, 1);
  const { id: apiId, ...rest } = items[0]!;
  assert.equal(apiId, id);
  assert.deepEqual(
    {
      kind: rest.kind,
      startDate: rest.startDate,
      endDate: rest.endDate,
      publishedDate: rest.publishedDate,
      focus: rest.focus,
      frameworkVersion: rest.frameworkVersion,
      judgements: rest.judgements,
      recommendations: rest.recommendations.map((r) => ({
        text: r.text,
        frameworkOutcome: r.frameworkOutcome,
        commitments: r.commitments,
      })),
    },
    {
      kind: 'ilacs-standard',
      startDate: '2023-12-04',
      endDate: '2023-12-15',
      publishedDate: '2024-02-09',
      focus: '',
      frameworkVersion: 'ilacs-2023',
      judgements: [
        { area: 'overall-effectiveness', grade: 'inadequate' },
        { area: 'care-leavers', grade: 'requires-improvement' },
      ],
      recommendations: [
        {
          text: 'Improve the quality of plans for children in need of help and protection.',
          frameworkOutcome: 'safe',
          commitments: 1,
        },
        {
          text: 'Strengthen the oversight of pathway plans for care leavers.',
          frameworkOutcome: 'stable-homes',
          commitments: 1,
        },
      ],
    },
  );
});

test('a monitoring visit gathers the evidence for its focus', async (t) => {
  const { priority, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/inspections/new');
  const created = await manager.post(
    '/inspections/new',
    inspectionForm({
      kind: 'monitoring-visit',
      focus: 'Children in need and those subject to a child protection plan',
      priorityIds: [String(priority.id)],
    }),
  );
  assert.equal(created.statusCode, 303, created.body);
  const page = await manager.get(created.headers.location as string);
  assert.match(page.body, /Evidence for its focus/);
  assert.match(page.body, /The focus reads as: Children in need and child protection/);
  assert.match(page.body, new RegExp(`href="/priorities/${priority.id}"`));
  // A visit has no graded judgements.
  assert.doesNotMatch(page.body, /Add a judgement/);
});

test('problems are listed in a GOV.UK error summary', async (t) => {
  const { people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/inspections/new');
  const bad = await manager.post(
    '/inspections/new',
    inspectionForm({
      kind: '',
      ...dateFields('startDate', '2023-12-04'),
      ...dateFields('endDate', '2023-11-30'),
      link: 'not a link',
    }),
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /There is a problem/);
  assert.match(bad.body, /href="#kind">Select what kind of inspection or visit it was/);
  assert.match(bad.body, /href="#endDate-day">Last day must be the same as or after the first day/);
  assert.match(bad.body, /href="#link">Enter a link that starts with https:\/\//);
  const early = await manager.post(
    '/inspections/new',
    inspectionForm({
      ...dateFields('startDate', '2012-05-01'),
      ...dateFields('endDate', ''),
      ...dateFields('publishedDate', ''),
    }),
  );
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /No framework was in force on that day: select one/);
});

test('who may do what: the programme office edits, everyone signed in reads', async (t) => {
  const { people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/inspections/new');
  const url = (await manager.post('/inspections/new', inspectionForm())).headers.location as string;
  for (const person of [people.viewer, people.boardMember, people.sponsor]) {
    const client = await as(person);
    assert.equal((await client.get('/inspections')).statusCode, 200, person.role);
    assert.equal((await client.get(url)).statusCode, 200, person.role);
    assert.equal((await client.get('/api/v1/inspections')).statusCode, 200, person.role);
    assert.equal((await client.get('/inspections/new')).statusCode, 403, person.role);
    assert.equal((await client.get(`${url}/edit`)).statusCode, 403, person.role);
    assert.equal((await client.get(`${url}/findings/new`)).statusCode, 403, person.role);
    assert.doesNotMatch((await client.get(url)).body, /Change the inspection/);
  }
  const admin = await as(people.administrator);
  const edit = await admin.get(`${url}/edit`);
  assert.equal(edit.statusCode, 200);
  const noToken = await admin.post(`${url}/edit`, {
    ...inspectionForm(),
    version: versionOn(edit.body)!,
    _csrf: null,
  });
  assert.equal(noToken.statusCode, 403);
});

test('another council’s inspection is not found, and its API leaves them out', async (t) => {
  const { db, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/inspections/new');
  const url = (await manager.post('/inspections/new', inspectionForm())).headers.location as string;
  await manager.post(`${url}/judgements/new`, { area: 'overall-effectiveness', grade: 'inadequate' });
  await manager.post(`${url}/findings/new`, { kind: 'recommendation', text: 'Do better.' });
  const page = await manager.get(url);
  const judgementId = /\/inspection-judgements\/(\d+)\/edit/.exec(page.body)![1];
  const findingId = /\/inspection-findings\/(\d+)\/edit/.exec(page.body)![1];

  const elsewhere = await buildOrganisation(db, 'Elsewhere Borough Council');
  const outsider = await as(await buildUser(db, 'administrator', { organisationId: elsewhere }));
  assert.equal((await outsider.get(url)).statusCode, 404);
  assert.equal((await outsider.get(`${url}/edit`)).statusCode, 404);
  assert.equal((await outsider.get(`${url}/judgements/new`)).statusCode, 404);
  assert.equal((await outsider.get(`/inspection-judgements/${judgementId}/edit`)).statusCode, 404);
  assert.equal((await outsider.get(`/inspection-findings/${findingId}/edit`)).statusCode, 404);
  assert.deepEqual((await outsider.get('/api/v1/inspections')).json(), { items: [] });
});

test('saving an inspection over a newer version is a conflict that keeps the person’s text', async (t) => {
  const { people, as } = await setUp(t);
  const first = await as(people.programmeManager);
  await first.get('/inspections/new');
  const url = (await first.post('/inspections/new', inspectionForm())).headers.location as string;
  const second = await as(people.administrator);
  await first.get(`${url}/edit`);
  await second.get(`${url}/edit`);
  const saved = await first.post(`${url}/edit`, {
    ...inspectionForm({ summary: 'First person’s summary' }),
    version: '1',
  });
  assert.equal(saved.statusCode, 303, saved.body);
  const clash = await second.post(`${url}/edit`, {
    ...inspectionForm({ summary: 'Second person’s summary' }),
    version: '1',
  });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /First person’s summary/);
  assert.match(clash.body, /<textarea[^>]*name="summary"[^>]*>Second person’s summary<\/textarea>/);
  assert.match(clash.body, /name="version" value="2"/);
});

test('Ofsted’s published judgements are previewed from an upload, then recorded; other councils’ rows are listed', async (t) => {
  const { app, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get('/scorecard/loads');
  const fixture = fileURLToPath(
    new URL('../../import/observations/fixtures/ofsted-judgements.csv', import.meta.url),
  );
  // The builders' council is not Tameside: the rows are for it once they name it.
  const text = readFileSync(fixture, 'utf8').replace(/^Tameside,357,/gm, 'Testshire,,');
  const uploaded = await postFile(app, manager, '/scorecard/loads', {
    field: 'file',
    fileName: 'judgements.csv',
    bytes: Buffer.from(text),
    type: 'text/csv',
  });
  assert.equal(uploaded.statusCode, 303, uploaded.body);
  const preview = await manager.get(uploaded.headers.location as string);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Ofsted’s published inspection judgements/);
  assert.match(preview.body, /3 for the council/);
  assert.match(preview.body, /For Wolds Vale, not this council/);
  assert.match(preview.body, /Record these inspections/);
  const confirmed = await manager.post(`${uploaded.headers.location as string}/confirm`, {});
  assert.equal(confirmed.statusCode, 303, confirmed.body);
  const list = await manager.get('/inspections');
  assert.match(list.body, /ILACS short inspection/);
  assert.equal((list.body.match(/href="\/inspections\/\d+"/g) ?? []).length, 3);
});
