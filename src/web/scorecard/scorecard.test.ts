import assert from 'node:assert/strict';
import { before, test, type TestContext } from 'node:test';
import { loadCharts } from '../../reports/charts.ts';
import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import {
  applyLoad as applyLoadWith,
  setComparators as setComparatorsAs,
  type ComparatorInput,
} from '../../db/measures/commands.ts';
import { observationFileReader } from '../../import/observations/read.ts';
import { measures, observations } from '../../db/measures/schema.ts';
import { demoDfeFile } from '../../demo/measures.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildPlanWithPeople, buildUser } from '../../../test/helpers/builders.ts';
import { paths } from '../paths.ts';
import { buildMeasure, multipart } from '../../../test/helpers/measure-builders.ts';

// Charts load on first use (not at start); tests that draw directly load them first.
before(() => loadCharts());

/* The caller parses: a test hands the command the file's reader, as the CLI and the pages do. */
const applyLoad = (db: Db, input: Omit<Parameters<typeof applyLoadWith>[1], 'read'>) =>
  applyLoadWith(db, { ...input, read: observationFileReader(input.bytes, input.fileName) });
const setComparators = (db: Db, organisationId: number, settings: ComparatorInput) =>
  setComparatorsAs(db, organisationId, settings, systemActor('Test'));

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2024-09-10' });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const seen = await buildMeasure(
    db,
    world.organisationId,
    {},
    [
      { period: '2024-06', value: 87 },
      { period: '2024-07', value: 83 },
    ],
    [world.priority.id],
  );
  const openCases = await buildMeasure(
    db,
    world.organisationId,
    { name: 'Open cases', unit: 'count', polarity: 'context', target: null },
    [
      { period: '2021-03', value: 2300 },
      { period: '2021-04', value: 2324 },
    ],
    [world.otherPriority.id],
  );
  const signedIn = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    return client;
  };
  return { app, db, world, seen, openCases, signedIn };
}

async function upload(app: FastifyInstance, client: TestClient, fileName: string, bytes: Buffer) {
  await client.get(paths.dataLoads());
  const { payload, contentType } = multipart(client.csrfToken, 'file', fileName, bytes);
  return app.inject({
    method: 'POST',
    url: paths.dataLoads(),
    headers: { cookie: (client as unknown as { cookie: string }).cookie, 'content-type': contentType },
    payload,
  });
}

test('the scorecard shows each measure with latest, target, rating with its gap, direction and sparkline, filterable by priority', async (t) => {
  const { world, signedIn } = await setUp(t);
  const viewer = await signedIn(world.people.viewer);
  const page = await viewer.get(paths.scorecard());
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<title>Scorecard – Wesaid<\/title>/);
  assert.match(page.body, /Cared for children seen within timescales<\/a>/);
  assert.match(page.body, /83%<br><span[^>]*>July 2024/);
  assert.match(page.body, /app-rag--amber[^"]*">Amber/);
  assert.match(page.body, /7 percentage points below target/);
  assert.match(page.body, /Down on last month \(worsening\)/);
  assert.match(page.body, /<svg[^>]*role="img"/);
  assert.match(page.body, /Open cases/);

  const filtered = await viewer.get(paths.scorecard({ priority: world.priority.id }));
  assert.match(filtered.body, /Cared for children seen within timescales/);
  assert.doesNotMatch(filtered.body, /Open cases<\/a>/);
  assert.match(filtered.body, /Measures for priority 1: Quality of practice/);
});

test('the measure page shows the narrative, a chart and the same figures as a table', async (t) => {
  const { world, seen, signedIn } = await setUp(t);
  const viewer = await signedIn(world.people.viewer);
  const page = await viewer.get(paths.measure(seen.id));
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /stood at 83% in July 2024. This is 7 percentage points below the target of 90% and is down from 87% in June 2024./,
  );
  assert.match(page.body, /<figure class="app-chart[^>]*>\s*<svg/);
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header">June 2024<\/th><td class="govuk-table__cell">87%<\/td>/,
  );
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header">July 2024<\/th><td class="govuk-table__cell">83%<\/td>/,
  );
  assert.doesNotMatch(page.body, /Change the measure/, 'a viewer is not offered the edit link');
  assert.doesNotMatch(page.body, /Add a note/);
  assert.equal(
    (await viewer.post(paths.measureAnnotations(seen.id), { period: '2024-07', text: 'x' })).statusCode,
    403,
  );
});

test('a note of what happened in a month shows in the list and beside the figure in the table', async (t) => {
  const { world, seen, signedIn } = await setUp(t);
  const sponsor = await signedIn(world.people.sponsor);
  const page = await sponsor.get(paths.measure(seen.id));
  assert.match(page.body, /Change the measure/, 'the sponsor of the priority it evidences may edit it');
  const bad = await sponsor.post(paths.measureAnnotations(seen.id), { period: 'July', text: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<a href="#period">Enter a month in the form 2024-07<\/a>/);
  assert.match(bad.body, /<a href="#text">Enter what happened<\/a>/);
  const added = await sponsor.post(paths.measureAnnotations(seen.id), {
    period: '2024-07',
    text: 'Two social workers left the team',
  });
  assert.equal(added.statusCode, 303);
  const after = await sponsor.get(paths.measure(seen.id));
  assert.match(after.body, /<strong>July 2024<\/strong>: Two social workers left the team/);
  assert.match(
    after.body,
    /July 2024<\/th><td class="govuk-table__cell">83%<\/td><td class="govuk-table__cell">90%<\/td><td class="govuk-table__cell">Two social workers left the team<\/td>/,
  );
});

test('another council cannot see a measure or its figures', async (t) => {
  const { app, db, seen } = await setUp(t);
  const elsewhere = await buildOrganisation(db, 'Elsewhere Council');
  const stranger = await buildUser(db, 'administrator', { organisationId: elsewhere });
  const client = new TestClient(app);
  await client.signIn(stranger.email, stranger.password);
  assert.equal((await client.get(paths.measure(seen.id))).statusCode, 404);
  assert.equal((await client.get(paths.api.measureObservations(seen.id))).statusCode, 404);
});

test('loading a spreadsheet: every problem named by row and column and nothing written; a good file previewed then loaded', async (t) => {
  const { app, db, world, signedIn } = await setUp(t);
  const manager = await signedIn(world.people.programmeManager);
  const bad = await upload(
    app,
    manager,
    'august.csv',
    Buffer.from(
      'measure,period,value\nCared for children seen within timescales,2024-08,eighty\nNot a measure,2024-08,1\n',
    ),
  );
  assert.equal(bad.statusCode, 303);
  const badPreview = await manager.get(bad.headers.location as string);
  assert.match(badPreview.body, /2 problems to fix/);
  assert.match(
    badPreview.body,
    /<th scope="row" class="govuk-table__header">2<\/th><td class="govuk-table__cell">value<\/td><td class="govuk-table__cell">&quot;eighty&quot; is not a number/,
  );
  assert.match(
    badPreview.body,
    /<th scope="row" class="govuk-table__header">3<\/th><td class="govuk-table__cell">measure<\/td>/,
  );
  assert.doesNotMatch(badPreview.body, /Load these figures/);
  const before = (await db.select({ n: count() }).from(observations))[0]!.n;
  await manager.post(`${bad.headers.location}/confirm`, {});
  assert.equal((await db.select({ n: count() }).from(observations))[0]!.n, before, 'nothing written');

  const good = await upload(
    app,
    manager,
    'august.csv',
    Buffer.from('measure,period,value\nCared for children seen within timescales,2024-08,91\n'),
  );
  const preview = await manager.get(good.headers.location as string);
  assert.match(preview.body, /Check the figures before loading/);
  assert.match(preview.body, /Load these figures/);
  assert.equal(
    (await db.select({ n: count() }).from(observations))[0]!.n,
    before,
    'nothing written before confirming',
  );
  const confirmed = await manager.post(`${good.headers.location}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  assert.equal((await db.select({ n: count() }).from(observations))[0]!.n, before + 1);
  const scorecard = await manager.get(paths.scorecard());
  assert.match(scorecard.body, /91%<br><span[^>]*>August 2024/);
  assert.match(scorecard.body, /app-rag--green[^"]*">Green/);

  const again = await upload(
    app,
    manager,
    'august-again.csv',
    Buffer.from('measure,period,value\nCared for children seen within timescales,2024-08,91\n'),
  );
  const againPreview = await manager.get(again.headers.location as string);
  assert.match(againPreview.body, /was already loaded/);
});

test('a load once loaded or discarded offers no buttons, and confirming or discarding it again is refused', async (t) => {
  const { app, db, world, signedIn } = await setUp(t);
  const manager = await signedIn(world.people.programmeManager);
  const good = await upload(
    app,
    manager,
    'september.csv',
    Buffer.from('measure,period,value\nCared for children seen within timescales,2024-09,88\n'),
  );
  const url = good.headers.location as string;
  assert.match((await manager.get(url)).body, /Discard/);
  assert.equal((await manager.post(`${url}/confirm`, {})).statusCode, 303);
  const loaded = await manager.get(url);
  assert.doesNotMatch(loaded.body, /Load these figures|>\s*Discard\s*</);
  const before = (await db.select({ n: count() }).from(observations))[0]!.n;
  const again = await manager.post(`${url}/confirm`, {});
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /no longer waiting to be loaded/);
  assert.equal((await manager.post(`${url}/discard`, {})).statusCode, 409);
  assert.equal((await db.select({ n: count() }).from(observations))[0]!.n, before, 'nothing written');

  const other = await upload(
    app,
    manager,
    'october.csv',
    Buffer.from('measure,period,value\nCared for children seen within timescales,2024-10,89\n'),
  );
  const otherUrl = other.headers.location as string;
  await manager.get(otherUrl);
  assert.equal((await manager.post(`${otherUrl}/discard`, {})).statusCode, 303);
  assert.equal((await manager.post(`${otherUrl}/confirm`, {})).statusCode, 409);
  assert.equal(
    (await db.select({ n: count() }).from(observations))[0]!.n,
    before,
    'a discarded file never loads',
  );
});

test('only people who may import can load figures; viewers cannot add measures', async (t) => {
  const { app, world, signedIn } = await setUp(t);
  const viewer = await signedIn(world.people.viewer);
  assert.equal((await viewer.get(paths.dataLoads())).statusCode, 403);
  assert.equal((await upload(app, viewer, 'x.csv', Buffer.from('measure,period,value\n'))).statusCode, 403);
  assert.equal((await viewer.get(paths.newMeasure())).statusCode, 403);
  assert.equal((await viewer.post(paths.newMeasure(), { name: 'Sneaky' })).statusCode, 403);
});

test('adding a measure checks the form, and editing at an old version shows both versions', async (t) => {
  const { world, seen, signedIn } = await setUp(t);
  const manager = await signedIn(world.people.programmeManager);
  await manager.get(paths.newMeasure());
  const empty = await manager.post(paths.newMeasure(), {
    name: '',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    rolling12Months: 'no',
    toleranceKind: 'relative',
    toleranceAmber: '10',
    target: 'ninety',
    targets: '',
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#name">Enter the name of the measure<\/a>/);
  assert.match(empty.body, /<a href="#target">Target must be a number, like 90 or 12.5<\/a>/);
  const created = await manager.post(paths.newMeasure(), {
    name: 'Re-referrals within 12 months',
    unit: 'percentage',
    polarity: 'lower-is-better',
    frequency: 'monthly',
    rolling12Months: 'no',
    toleranceKind: 'absolute',
    toleranceAmber: '2',
    target: '20',
    targets: '2025-04 18',
    priorityId: String(world.priority.id),
  });
  assert.equal(created.statusCode, 303);
  const duplicate = await manager.post(paths.newMeasure(), {
    name: 'open cases',
    unit: 'count',
    polarity: 'context',
    frequency: 'monthly',
    rolling12Months: 'no',
    toleranceKind: 'relative',
    toleranceAmber: '10',
    target: '',
    targets: '',
  });
  assert.equal(duplicate.statusCode, 400);
  assert.match(duplicate.body, /<a href="#name">There is already a measure called open cases<\/a>/);
  const page = await manager.get(created.headers.location as string);
  assert.match(page.body, /Re-referrals within 12 months/);
  assert.match(page.body, /Quality of practice/);
  const withArea = await manager.post(paths.newMeasure(), {
    name: 'Assessments within 45 working days',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    rolling12Months: 'no',
    toleranceKind: 'relative',
    toleranceAmber: '10',
    target: '85',
    targets: '',
    priorityId: '',
    improvementAreaId: String(world.area.id),
  });
  assert.equal(withArea.statusCode, 303);
  const areaPage = await manager.get(withArea.headers.location as string);
  assert.match(
    areaPage.body,
    /priority 1, Quality of practice<\/a>: <a class="govuk-link" href="\/areas\/\d+">The quality of assessments<\/a>/,
  );
  const scoped = await manager.get(paths.scorecard({ priority: world.priority.id }));
  assert.match(scoped.body, /Assessments within 45 working days/);

  const form = await manager.get(paths.editMeasure(seen.id));
  assert.match(form.body, /name="version" value="1"/);
  const fields = {
    name: 'Cared for children seen on time',
    definition: '',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    rolling12Months: 'no',
    toleranceKind: 'relative',
    toleranceAmber: '10',
    target: '90',
    targets: '',
    priorityId: String(world.priority.id),
  };
  assert.equal((await manager.post(paths.editMeasure(seen.id), { ...fields, version: '1' })).statusCode, 303);
  const stale = await manager.post(paths.editMeasure(seen.id), {
    ...fields,
    name: 'Another name',
    version: '1',
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else changed this while you were editing/);
});

test('the scorecard downloads as an Excel workbook with the figures as numbers', async (t) => {
  const { world, signedIn } = await setUp(t);
  const viewer = await signedIn(world.people.viewer);
  const response = await viewer.get(paths.scorecardXlsx());
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Scorecard')!;
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  const seenRow = rows.find((r) => r[1] === 'Cared for children seen within timescales')!;
  assert.deepEqual(seenRow.slice(1, 8), [
    'Cared for children seen within timescales',
    'Percentage',
    'July 2024',
    83,
    '',
    90,
    'Amber',
  ]);
});

test('the API lists measures with latest, target, RAG, direction and narrative, and a measure’s series', async (t) => {
  const { world, seen, signedIn } = await setUp(t);
  const viewer = await signedIn(world.people.viewer);
  const list = await viewer.get(paths.api.measures());
  assert.equal(list.statusCode, 200);
  const item = list.json<{ items: Record<string, unknown>[] }>().items.find((i) => i.id === seen.id)!;
  assert.deepEqual(item.latest, { period: '2024-07', value: 83, suppression: null, text: '83%' });
  assert.equal(item.target, 90);
  assert.equal(item.rag, 'amber');
  assert.deepEqual(item.direction, {
    vsLastPeriod: 'down',
    vsLastYear: 'unknown',
    judgement: 'worsening',
    text: 'Down on last month (worsening)',
  });
  assert.match(
    String(item.narrative),
    /^Cared for children seen within timescales stood at 83% in July 2024/,
  );
  assert.deepEqual(item.priorityIds, [world.priority.id]);
  const series = await viewer.get(paths.api.measureObservations(seen.id));
  assert.deepEqual(
    series.json<{ items: { period: string; value: number }[] }>().items.map((o) => [o.period, o.value]),
    [
      ['2024-06', 87],
      ['2024-07', 83],
    ],
  );
  const spec = await viewer.get(paths.api.openapi());
  assert.match(spec.body, /\/api\/v1\/measures\/\{measureId\}\/observations/);
});

test('a DfE measure’s page reads its reporting years and compares with neighbours, region and England', async (t) => {
  const { db, world, signedIn } = await setUp(t);
  await setComparators(db, world.organisationId, {
    laCode: 'E08000008',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: ['E08000004', 'E08000005'],
  });
  await applyLoad(db, {
    organisationId: world.organisationId,
    fileName: 'dfe.csv',
    bytes: readFileSync(demoDfeFile),
    actor: systemActor('Test'),
  });
  const [row] = await db
    .select()
    .from(measures)
    .where(eq(measures.name, 'Children looked after at 31 March each year per 10,000'));
  const viewer = await signedIn(world.people.viewer);
  const page = await viewer.get(paths.measure(row!.id));
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header">the year to March 2022<\/th><td class="govuk-table__cell">130 per 10,000<\/td>/,
  );
  assert.match(page.body, /Statistical neighbours \(councils in the file, mean of 2\)<\/th>/);
  assert.match(page.body, /Regional figure<\/th><td class="govuk-table__cell">97 per 10,000/);
  assert.match(page.body, /England figure<\/th><td class="govuk-table__cell">70 per 10,000/);
  assert.match(page.body, /<svg[^>]*role="img"/);
  assert.match(page.body, /Each statistical neighbour’s figure/);
});

test('the council sets who it compares itself with, and a DfE file then loads through the page', async (t) => {
  const { app, db, world, signedIn } = await setUp(t);
  const manager = await signedIn(world.people.programmeManager);
  const early = await upload(app, manager, 'dfe.csv', readFileSync(demoDfeFile));
  assert.match(
    (await manager.get(early.headers.location as string)).body,
    /Set the council(’|&#39;|')s LA code and statistical neighbours before loading DfE files/,
  );

  await manager.get(paths.comparatorSettings());
  const bad = await manager.post(paths.comparatorSettings(), {
    laCode: 'Tameside',
    oldLaCode: '',
    laName: '',
    regionName: 'North West',
    neighbourCodes: 'E08000004\nOldham',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<a href="#laCode">LA code must be a letter and 8 digits, like E08000008<\/a>/);
  assert.match(bad.body, /<a href="#laName">Enter the council’s name as DfE files write it<\/a>/);
  assert.match(
    bad.body,
    /<a href="#neighbourCodes">“OLDHAM” is not an LA code: give each like E08000004<\/a>/,
  );
  const saved = await manager.post(paths.comparatorSettings(), {
    laCode: 'e08000008',
    oldLaCode: '357',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: 'E08000004, E08000005',
  });
  assert.equal(saved.statusCode, 303);
  assert.match((await manager.get(paths.comparatorSettings())).body, /value="E08000008"/);

  const dfe = await upload(app, manager, 'dfe.csv', readFileSync(demoDfeFile));
  const preview = await manager.get(dfe.headers.location as string);
  assert.match(preview.body, /DfE open data CSV/);
  assert.match(preview.body, /6 \(6 new to the scorecard\)/);
  await manager.post(`${dfe.headers.location}/confirm`, {});
  const scorecard = await manager.get(paths.scorecard());
  assert.match(scorecard.body, /Children looked after at 31 March each year per 10,000<\/a>/);
  assert.match(scorecard.body, /130 per 10,000/);
  const viewer = await signedIn(world.people.viewer);
  assert.equal((await viewer.get(paths.comparatorSettings())).statusCode, 403);
  const [row] = await db
    .select()
    .from(measures)
    .where(eq(measures.name, 'Children looked after at 31 March each year'));
  assert.equal(row?.yearEnding, 3);
});
