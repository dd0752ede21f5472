import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { measures, observations } from '../../db/measures/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { multipart } from '../../../test/helpers/measure-builders.ts';
import { sharedFile } from '../../../test/helpers/shared.ts';
import { paths } from '../paths.ts';

/*
 * A DfE file of 22 indicators (the 2024 and 2025 social work workforce, read from ../shared) is
 * previewed grouped, and the person chooses which indicators become measures with checkboxes: the
 * preview updates without JavaScript, and only the chosen ones are loaded. The clock is after
 * September 2025, so the 2025 figures are not in the future whichever date the suite runs on.
 */
const workforce = () => sharedFile('corpus', 'data', 'csww_indicators_2017_to_2025__2024-2025_rows.csv');
const careLeavers = () =>
  sharedFile('corpus', 'data', 'la_care_leavers_accommodation_suitability__2025_rows.csv');

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

const checked = (body: string) =>
  [...body.matchAll(/name="indicators" type="checkbox" value="([^"]+)" checked/g)].map((m) => m[1]);
const measureRows = (body: string) =>
  (/<table class="govuk-table" id="measures">([\s\S]*?)<\/table>/.exec(body)?.[1] ?? '').split(
    '<tr class="govuk-table__row"><th scope="row"',
  ).length - 1;

test('the person chooses which of a DfE file’s indicators become measures, and only those load', async (t) => {
  const { app, db, world, manager } = await setUp(t);
  const location = await upload(app, manager, 'csww_indicators.csv', readFileSync(workforce()));

  const preview = await manager.get(location);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /What this file would create/);
  assert.equal(checked(preview.body).length, 22, 'every indicator is ticked at first');
  assert.equal(measureRows(preview.body), 22);
  assert.match(preview.body, /Other councils \(for rank and DfE’s neighbour model\)/);
  assert.match(preview.body, /Figure for North East, not the council’s region \(North West\)/);
  assert.match(preview.body, /Unit: a percentage \(from the column name\)/);

  const chosen = ['turnover_rate_fte', 'vacancy_rate_fte'];
  const query = `?chosen=1&${chosen.map((c) => `indicators=${c}`).join('&')}`;
  const updated = await manager.get(`${location}${query}`);
  assert.equal(updated.statusCode, 200);
  assert.deepEqual(checked(updated.body), chosen);
  assert.equal(measureRows(updated.body), 2);
  for (const c of chosen)
    assert.match(updated.body, new RegExp(`<input type="hidden" name="indicators" value="${c}">`));

  const confirmed = await manager.post(`${location}/confirm`, { chosen: '1', indicators: chosen });
  assert.equal(confirmed.statusCode, 303);
  const made = await db
    .select({ name: measures.name, unit: measures.unit, polarity: measures.polarity })
    .from(measures)
    .where(
      and(eq(measures.organisationId, world.organisationId), eq(measures.sourceSystem, 'DfE open data')),
    );
  assert.deepEqual(
    made.sort((a, b) => a.name.localeCompare(b.name)),
    [
      { name: 'Turnover rate FTE', unit: 'percentage', polarity: 'lower-is-better' },
      { name: 'Vacancy rate FTE', unit: 'percentage', polarity: 'lower-is-better' },
    ],
  );
});

test('choosing no indicator is a problem to fix, and nothing can be loaded', async (t) => {
  const { app, manager } = await setUp(t);
  const location = await upload(app, manager, 'csww_indicators.csv', readFileSync(workforce()));
  const none = await manager.get(`${location}?chosen=1`);
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /There is a problem/);
  assert.match(none.body, /href="#indicators">Select at least one indicator to load/);
  assert.doesNotMatch(none.body, /Load these figures/);
  const posted = await manager.post(`${location}/confirm`, { chosen: '1' });
  assert.equal(posted.statusCode, 303);
  assert.equal(posted.headers.location, `${location}?chosen=1`);
});

test('a filter with a total becomes breakdowns of one measure, its total the measure’s own figure', async (t) => {
  const { app, db, world, manager } = await setUp(t);
  const location = await upload(app, manager, 'care_leavers.csv', readFileSync(careLeavers()));
  const preview = await manager.get(location);
  assert.match(preview.body, /Total and 3 breakdowns: Accommodation considered suitable/);
  assert.equal((await manager.post(`${location}/confirm`, {})).statusCode, 303);
  const [measure] = await db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, world.organisationId),
        eq(measures.name, '17 to 18 years – Care leaver percent'),
      ),
    );
  assert.ok(measure);
  const own = await db
    .select({
      breakdown: observations.breakdown,
      value: observations.value,
      suppression: observations.suppression,
    })
    .from(observations)
    .where(and(eq(observations.measureId, measure.id), eq(observations.area, 'council')));
  assert.deepEqual(own.map((o) => o.breakdown).sort(), [
    '',
    'Accommodation considered suitable',
    'Accommodation considered unsuitable',
    'No information',
  ]);
  const page = await manager.get(paths.measure(measure.id));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /The figure’s parts, the year to March 2025/);
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header">Accommodation considered suitable<\/th>/,
  );
});
