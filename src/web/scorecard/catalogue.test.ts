import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../db/changes.ts';
import { applyLoad } from '../../db/measures/commands.ts';
import { loadContext } from '../../db/measures/queries.ts';
import { catalogueIndicators, measures } from '../../db/schema.ts';
import { findCatalogueIndicator } from '../../domain/measures/indicator-catalogue.ts';
import { observationFileReader } from '../../import/observations/read.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildOrganisation, buildPlanWithPeople, buildUser } from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { multipart } from '../../../test/helpers/measure-builders.ts';
import { sharedFile } from '../../../test/helpers/shared.ts';
import { paths } from '../paths.ts';

/* DfE's dashboard indicators: loaded from DfE's own list, read by outcome, adopted in one step. */

const dashboardList = () => readFileSync(sharedFile('corpus', 'data', 'summary_page_metadata.csv'));
const bodyOf = (html: string) => html.replace(/\s+/g, ' ');

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

async function upload(app: FastifyInstance, client: TestClient, fileName: string, bytes: Buffer) {
  await client.get(paths.dataLoads());
  const { payload, contentType } = multipart(client.csrfToken, 'file', fileName, bytes);
  return app.inject({
    method: 'POST',
    url: paths.dataLoads(),
    headers: { cookie: client.cookieHeader, 'content-type': contentType },
    payload,
  });
}

test('DfE’s list loads through the page into the council’s catalogue, read by outcome', async (t) => {
  const { app, db, organisationId, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const empty = bodyOf((await manager.get(paths.measureCatalogue())).body);
  assert.match(empty, /No DfE indicators have been loaded yet/);

  const previewed = await upload(app, manager, 'summary_page_metadata.csv', dashboardList());
  assert.equal(previewed.statusCode, 303, previewed.body);
  const preview = bodyOf((await manager.get(previewed.headers.location as string)).body);
  assert.match(preview, /DfE’s dashboard indicators, by National Framework outcome/);
  assert.match(preview, /68 for the council’s catalogue/);
  const loadId = /\/scorecard\/loads\/(\d+)/.exec(previewed.headers.location as string)![1]!;
  const confirmed = await manager.post(paths.confirmDataLoad(loadId), {});
  assert.equal(confirmed.statusCode, 303);
  assert.match(
    (await manager.get(confirmed.headers.location as string)).body,
    /DfE indicators added to the catalogue/,
  );
  const rows = await db
    .select()
    .from(catalogueIndicators)
    .where(eq(catalogueIndicators.organisationId, organisationId));
  assert.equal(rows.length, 68);

  const all = bodyOf((await manager.get(paths.measureCatalogue())).body);
  for (const id of ['stay-together', 'safe', 'family-network', 'stable-homes', 'leaders', 'workforce'])
    assert.match(all, new RegExp(`id="outcome-${id}"`));
  assert.match(all, /Enabler: The workforce is equipped and effective<\/a> \(6 indicators\)/);
  const workforce = bodyOf((await manager.get(paths.measureCatalogue({ outcome: 'workforce' }))).body);
  assert.match(workforce, /Turnover rate \(FTE\)/);
  assert.doesNotMatch(workforce, /Rate of children in need/);
  assert.match(workforce, /6 indicators, 0 adopted/);

  // Loading the same list again changes nothing; the catalogue is kept per council.
  const again = await applyLoad(db, {
    organisationId,
    fileName: 'summary_page_metadata.csv',
    bytes: dashboardList(),
    actor: systemActor('Test'),
    read: observationFileReader(dashboardList(), 'summary_page_metadata.csv'),
  });
  assert.equal(again.outcome, 'already-loaded');
  const other = await buildOrganisation(db, 'Otherton Council');
  const otherViewer = new TestClient(app);
  const person = await buildUser(db, 'programme-manager', { organisationId: other });
  await otherViewer.signIn(person.email, person.password);
  assert.match(
    bodyOf((await otherViewer.get(paths.measureCatalogue())).body),
    /No DfE indicators have been loaded yet/,
  );
});

test('a programme office adopts an indicator as a measure in one step; it is then read by outcome', async (t) => {
  const { app, db, organisationId, people, as } = await setUp(t);
  await applyLoad(db, {
    organisationId,
    fileName: 'summary_page_metadata.csv',
    bytes: dashboardList(),
    actor: systemActor('Test'),
    read: observationFileReader(dashboardList(), 'summary_page_metadata.csv'),
  });
  const [turnover] = await db
    .select()
    .from(catalogueIndicators)
    .where(eq(catalogueIndicators.name, 'Turnover rate (FTE)'));
  const manager = await as(people.programmeManager);
  const page = await manager.get(paths.measureCatalogue({ outcome: 'workforce' }));
  assert.match(page.body, new RegExp(`action="/measures/catalogue/${turnover!.id}/adopt"`));
  const adopted = await manager.post(paths.adoptIndicator(turnover!.id), {});
  assert.equal(adopted.statusCode, 303);
  const measurePage = bodyOf((await manager.get(adopted.headers.location as string)).body);
  assert.match(measurePage, /Indicator adopted as a measure/);
  assert.match(measurePage, /Enabler: The workforce is equipped and effective/);
  const [measure] = await db.select().from(measures).where(eq(measures.catalogueCode, turnover!.code));
  assert.equal(measure!.name, 'Turnover rate (FTE)');
  assert.equal(measure!.unit, 'percentage');
  assert.equal(measure!.frameworkOutcome, 'workforce');
  assert.equal(measure!.frequency, 'annual');
  // Once is enough: adopting again gives the same measure.
  const twice = await manager.post(paths.adoptIndicator(turnover!.id), {});
  assert.equal(twice.headers.location, paths.measure(measure!.id));
  assert.match(
    bodyOf((await manager.get(paths.measureCatalogue({ outcome: 'workforce' }))).body),
    /6 indicators, 1 adopted/,
  );

  // A DfE file reader finds the measure a column fills through the load context.
  const context = await loadContext(db, organisationId);
  const entry = findCatalogueIndicator(context.catalogue ?? [], 'turnover_rate_fte', {});
  assert.equal(entry?.measureName, 'Turnover rate (FTE)');

  // Read by outcome: the scorecard and the API.
  assert.match(
    (await manager.get(paths.scorecard({ outcome: 'workforce' }))).body,
    /Turnover rate \(FTE\)<\/a>/,
  );
  assert.doesNotMatch(
    (await manager.get(paths.scorecard({ outcome: 'safe' }))).body,
    /Turnover rate \(FTE\)<\/a>/,
  );
  const grouped = bodyOf((await manager.get(paths.scorecard({ group: 'outcome' }))).body);
  assert.match(grouped, /<caption[^>]*>Enabler: The workforce is equipped and effective<\/caption>/);
  const api = (await manager.get('/api/v1/measures')).json<{
    items: { name: string; frameworkOutcome: string | null; dfeIndicator: string | null }[];
  }>();
  assert.deepEqual(
    api.items.map((i) => [i.name, i.frameworkOutcome, i.dfeIndicator]),
    [['Turnover rate (FTE)', 'workforce', turnover!.code]],
  );
  assert.deepEqual((await manager.get('/api/v1/measures?outcome=safe')).json(), { items: [] });

  // Others may read the catalogue but not adopt; another council's indicator is not found.
  const viewer = await as(people.viewer);
  const viewed = await viewer.get(paths.measureCatalogue());
  assert.equal(viewed.statusCode, 200);
  assert.doesNotMatch(viewed.body, /Adopt<span/);
  assert.equal((await viewer.post(paths.adoptIndicator(turnover!.id), {})).statusCode, 403);
  const other = await buildOrganisation(db, 'Otherton Council');
  const person = await buildUser(db, 'programme-manager', { organisationId: other });
  const outsider = new TestClient(app);
  await outsider.signIn(person.email, person.password);
  await outsider.get(paths.measureCatalogue());
  assert.equal((await outsider.post(paths.adoptIndicator(turnover!.id), {})).statusCode, 404);
});

test('a measure is tagged on its form', async (t) => {
  const { db, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const form = await manager.get(paths.newMeasure());
  assert.match(form.body, /name="frameworkOutcome"/);
  const created = await manager.post(paths.newMeasure(), {
    name: 'Children seen alone',
    definition: '',
    numeratorDescription: '',
    denominatorDescription: '',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    yearEnding: '',
    rolling12Months: 'no',
    sourceSystem: '',
    owner: '',
    target: '',
    toleranceKind: 'relative',
    toleranceAmber: '10',
    targets: '',
    frameworkOutcome: 'safe',
    priorityId: '',
    improvementAreaId: '',
  });
  assert.equal(created.statusCode, 303, created.body);
  const [row] = await db.select().from(measures).where(eq(measures.name, 'Children seen alone'));
  assert.equal(row!.frameworkOutcome, 'safe');
});
