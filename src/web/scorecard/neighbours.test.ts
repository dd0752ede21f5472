import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { measures } from '../../db/measures/schema.ts';
import { formatValue } from '../../domain/measures/format.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { multipart } from '../../../test/helpers/measure-builders.ts';
import {
  snModel2025,
  subsequentPlans2023To2025,
  tamesideNeighbours2025,
} from '../../../test/helpers/shared.ts';
import { paths } from '../paths.ts';

/*
 * DfE's 2025 statistical neighbour model loaded for Tameside through the pages, then a real DfE
 * file of every council's figures: the neighbours' figure is recomputed here from the files' own
 * cells. The clock is set after March 2025, so the 2025 figures are not in the future whichever
 * date the suite runs on.
 */

// DfE's CPP_subsequent_percent column: one measure, with no filters to break it down.
const MEASURE = 'CPP subsequent percent';
const COLUMN = 'CPP_subsequent_percent';

type Row = Record<string, string>;
const rowsOf = (file: string): Row[] => parse<Row>(readFileSync(file), { bom: true, columns: true });

/** Tameside's ten neighbours' old LA codes, from the model file's own cells. */
function neighbourCodes(): string[] {
  const own = rowsOf(snModel2025()).find((r) => r.old_la_code === '357')!;
  return Array.from({ length: 10 }, (_, i) => own[`SN_${i + 1}`]!);
}

/** Each council's 2025 figure for the measure, from the file's own cells. */
function councilCells(): Row[] {
  return rowsOf(subsequentPlans2023To2025()).filter(
    (r) => r.geographic_level === 'Local authority' && r.time_period === '2025',
  );
}

function recomputed(average: 'median' | 'mean') {
  const codes = neighbourCodes();
  const values = councilCells()
    .filter((r) => codes.includes(r.old_la_code!) && /^\d+(\.\d+)?$/.test(r[COLUMN]!))
    .map((r) => Number(r[COLUMN]))
    .sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  const value =
    average === 'mean'
      ? values.reduce((s, v) => s + v, 0) / values.length
      : values.length % 2
        ? values[mid]!
        : (values[mid - 1]! + values[mid]!) / 2;
  return { value, count: values.length };
}

async function upload(app: FastifyInstance, client: TestClient, fileName: string, bytes: Buffer) {
  await client.get(paths.dataLoads());
  const { payload, contentType } = multipart(client.csrfToken, 'file', fileName, bytes);
  const response = await app.inject({
    method: 'POST',
    url: paths.dataLoads(),
    headers: { cookie: (client as unknown as { cookie: string }).cookie, 'content-type': contentType },
    payload,
  });
  assert.equal(response.statusCode, 303);
  return response.headers.location as string;
}

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2025-10-01' });
  const world = await buildPlanWithPeople(database.db);
  const manager = new TestClient(app);
  await manager.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  await manager.get(paths.comparatorSettings());
  const saved = await manager.post(paths.comparatorSettings(), {
    version: '0',
    laCode: 'E08000008',
    oldLaCode: '357',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: '',
    average: 'median',
  });
  assert.equal(saved.statusCode, 303);
  return { app, db: database.db, world, manager };
}

async function loadModel(app: FastifyInstance, manager: TestClient) {
  const file = snModel2025();
  const location = await upload(app, manager, 'sn_model_2025_wide.csv', readFileSync(file));
  const preview = await manager.get(location);
  assert.match(preview.body, /DfE statistical neighbour model/);
  assert.match(preview.body, /statistical neighbours in the 2025 model/);
  const shown = [
    ...preview.body.matchAll(
      /<th scope="row" class="govuk-table__header">([^<]+)<\/th><td class="govuk-table__cell">\d{3}<\/td>/g,
    ),
  ].map((m) => m[1]);
  assert.deepEqual(shown, tamesideNeighbours2025);
  const confirmed = await manager.post(`${location}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  return location;
}

test('the 2025 model loads for Tameside through the preview, and the API lists its ten neighbours in order', async (t) => {
  const { app, world, manager } = await setUp(t);
  const before = await manager.get(paths.api.statisticalNeighbours());
  assert.deepEqual(before.json(), { model: null, average: 'median', items: [] });

  const location = await loadModel(app, manager);
  const loaded = await manager.get(location);
  assert.match(loaded.body, /Statistical neighbour model loaded/);

  const viewer = new TestClient(app);
  await viewer.signIn(world.people.viewer.email, world.people.viewer.password);
  const api = await viewer.get(paths.api.statisticalNeighbours());
  assert.equal(api.statusCode, 200);
  const body = api.json<{
    model: string;
    average: string;
    items: { laCode: string; name: string; closeness: string }[];
  }>();
  assert.equal(body.model, '2025');
  assert.equal(body.average, 'median');
  assert.deepEqual(
    body.items.map((i) => i.name),
    tamesideNeighbours2025,
  );
  assert.deepEqual(body.items[6], { laCode: '894', name: 'Telford and Wrekin', closeness: 'Very close' });

  const page = await viewer.get(paths.statisticalNeighbours());
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /From DfE’s 2025 statistical neighbour model/);
  for (const name of tamesideNeighbours2025) assert.match(page.body, new RegExp(`>${name}</th>`));
  assert.match(
    (await viewer.get(paths.scorecard())).body,
    new RegExp(`href="${paths.statisticalNeighbours()}"`),
  );

  // The same model again is refused; nothing is replaced.
  const again = await upload(app, manager, 'sn_model_2025_wide.csv', readFileSync(snModel2025()));
  const refused = await manager.get(again);
  assert.match(refused.body, /already loaded/);
});

test('a measure’s neighbours’ figure is the median of the model’s neighbours in the file, or the mean when chosen, with its rank among councils', async (t) => {
  const { app, db, world, manager } = await setUp(t);
  await loadModel(app, manager);
  const location = await upload(
    app,
    manager,
    'd3_cpps_subsequent_plan.csv',
    readFileSync(subsequentPlans2023To2025()),
  );
  const preview = await manager.get(location);
  assert.match(preview.body, /DfE open data CSV/);
  assert.equal((await manager.post(`${location}/confirm`, {})).statusCode, 303);

  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.organisationId, world.organisationId), eq(measures.name, MEASURE)));
  assert.ok(row, 'the file brought the measure');
  // The name says a repeat plan is worse; judged as context first, then by that polarity below.
  assert.equal(row.polarity, 'lower-is-better');
  await db.update(measures).set({ polarity: 'context' }).where(eq(measures.id, row.id));

  const median = recomputed('median');
  assert.ok(median.count >= 9, 'the file has figures for the neighbours');
  const page = await manager.get(paths.measure(row.id));
  assert.match(
    page.body,
    new RegExp(
      `Statistical neighbours \\(DfE 2025 model, median of ${median.count} of 10\\)</th><td class="govuk-table__cell">${formatValue('percentage', median.value)}</td>`,
    ),
  );
  const api = async () =>
    (await manager.get(paths.api.measures()))
      .json<{ items: Record<string, unknown>[] }>()
      .items.find((i) => i.id === row.id)!;
  assert.deepEqual((await api()).statisticalNeighbours, {
    period: '2025',
    value: median.value,
    model: '2025',
    average: 'median',
    count: median.count,
    of: 10,
  });

  // Rank among every council with a figure (a context measure ranks highest first).
  const cells = councilCells().filter((r) => /^\d+(\.\d+)?$/.test(r[COLUMN]!));
  const tameside = Number(cells.find((r) => r.old_la_code === '357')![COLUMN]);
  const higher = cells.filter((r) => Number(r[COLUMN]) > tameside).length;
  const lower = cells.filter((r) => Number(r[COLUMN]) < tameside).length;
  assert.deepEqual((await api()).standing, {
    period: '2025',
    rank: higher + 1,
    of: cells.length,
    quartile: Math.ceil(((higher + 1) / cells.length) * 4),
    order: 'highest-first',
  });
  assert.match(
    page.body,
    new RegExp(
      `Among all councils, the year to March 2025: ${higher + 1}(st|nd|rd|th) of ${cells.length} councils, highest first`,
    ),
  );

  // The council chooses the mean: the figure says so, and the change is in the history.
  const settings = await manager.get(paths.comparatorSettings());
  const version = /name="version" value="(\d+)"/.exec(settings.body)![1]!;
  const chose = await manager.post(paths.comparatorSettings(), {
    version,
    laCode: 'E08000008',
    oldLaCode: '357',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: '',
    average: 'mean',
  });
  assert.equal(chose.statusCode, 303);
  const mean = recomputed('mean');
  const item = await api();
  assert.equal((item.statisticalNeighbours as { average: string }).average, 'mean');
  assert.ok(Math.abs((item.statisticalNeighbours as { value: number }).value - mean.value) < 1e-9);
  assert.match(
    (await manager.get(paths.measure(row.id))).body,
    new RegExp(`Statistical neighbours \\(DfE 2025 model, mean of ${mean.count} of 10\\)`),
  );
  assert.equal(
    (await manager.get(paths.api.statisticalNeighbours())).json<{ average: string }>().average,
    'mean',
  );

  // Saving at the old version is a conflict that keeps the person's choice.
  const stale = await manager.post(paths.comparatorSettings(), {
    version,
    laCode: 'E08000008',
    oldLaCode: '357',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: '',
    average: 'median',
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else changed these settings/);
  assert.match(stale.body, /value="median" checked/);

  // Judged by polarity: with higher better, the rank counts those above; with lower better, those below.
  await db.update(measures).set({ polarity: 'lower-is-better' }).where(eq(measures.id, row.id));
  assert.equal(((await api()).standing as { rank: number; order: string }).rank, lower + 1);
});
