/*
 * Issue 10, honest charts and comparisons, as a person sees them: a count is never set beside
 * England's or the region's, a count's chart starts at zero, one figure is said rather than drawn,
 * the direction and the sparkline read the same figures, and a measure's History link works.
 */
import assert from 'node:assert/strict';
import { before, test, type TestContext } from 'node:test';
import { loadCharts } from '../../reports/charts.ts';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../db/changes.ts';
import { applyLoad, setComparators, updateMeasure } from '../../db/measures/commands.ts';
import { measures } from '../../db/measures/schema.ts';
import { observationFileReader } from '../../import/observations/read.ts';
import { demoDfeFile } from '../../demo/measures.ts';
import { countNotComparedText } from '../../domain/measures/honest.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { paths } from '../paths.ts';

// Charts load on first use (not at start); tests that draw directly load them first.
before(() => loadCharts());

const actor = systemActor('Test');
const escaped = (text: string) => text.replace(/'/g, '&#39;');

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2024-09-10' });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const viewer = new TestClient(app);
  await viewer.signIn(world.people.viewer.email, world.people.viewer.password);
  return { app, db, world, viewer };
}

/** Tameside's DfE figures with North West and England, as the demo loads them. */
async function loadDfe(db: Awaited<ReturnType<typeof setUp>>['db'], organisationId: number) {
  await setComparators(
    db,
    organisationId,
    { laCode: 'E08000008', laName: 'Tameside', regionName: 'North West', neighbourCodes: ['E08000004'] },
    actor,
  );
  const bytes = readFileSync(demoDfeFile);
  await applyLoad(db, {
    organisationId,
    fileName: 'dfe.csv',
    bytes,
    actor,
    read: observationFileReader(bytes, 'dfe.csv'),
  });
  const named = async (name: string, unit: 'count' | 'rate-per-10000') => {
    const [row] = await db
      .select()
      .from(measures)
      .where(
        and(eq(measures.organisationId, organisationId), eq(measures.name, name), eq(measures.unit, unit)),
      );
    assert.ok(row, `${name} was loaded`);
    return row;
  };
  return {
    count: await named('Children looked after at 31 March each year', 'count'),
    rate: await named('Children looked after at 31 March each year per 10,000', 'rate-per-10000'),
  };
}

/** The y-axis tick labels of the page's chart (the left axis's numbers are right-aligned). */
function yTicks(body: string): string[] {
  const svg = /<svg[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
  const axis = /<g[^>]*font-variant="tabular-nums" text-anchor="end">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

test('a count is not set beside England’s or the region’s count; a rate still is', async (t) => {
  const { db, world, viewer } = await setUp(t);
  const { count, rate } = await loadDfe(db, world.organisationId);

  const page = await viewer.get(paths.measure(count.id));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /666<\/td>/, 'the council’s own count is there');
  assert.ok(page.body.includes(escaped(countNotComparedText)), 'the page says why there is no comparison');
  assert.doesNotMatch(page.body, /82,170|15,210/, 'neither England’s nor the North West’s count');
  assert.doesNotMatch(page.body, /(below|above) England|England figure|Regional figure/);
  assert.doesNotMatch(page.body, /<th scope="col" class="govuk-table__header">(England|Region)<\/th>/);
  assert.doesNotMatch(page.body, /Each statistical neighbour’s figure/);
  assert.doesNotMatch(page.body, /536<\/td>/, 'nor a neighbour’s count');

  const ratePage = await viewer.get(paths.measure(rate.id));
  assert.match(ratePage.body, /England figure<\/th><td class="govuk-table__cell">70 per 10,000/);
  assert.match(ratePage.body, /<th scope="col" class="govuk-table__header">England<\/th>/);
  assert.ok(!ratePage.body.includes(escaped(countNotComparedText)));
});

test('a count’s chart starts at zero, and a percentage’s runs 0 to 100', async (t) => {
  const { db, world, viewer } = await setUp(t);
  const { count } = await loadDfe(db, world.organisationId);
  // Tameside's counts are 704, 682 and 666: fitted to the data the axis would start near 660.
  const ticks = yTicks((await viewer.get(paths.measure(count.id))).body);
  assert.equal(ticks[0], '0', `ticks: ${ticks.join(', ')}`);
  assert.ok(ticks.includes('700'));

  const seen = await buildMeasure(db, world.organisationId, {}, [
    { period: '2024-06', value: 87 },
    { period: '2024-07', value: 83 },
  ]);
  const percentTicks = yTicks((await viewer.get(paths.measure(seen.id))).body);
  assert.equal(percentTicks[0], '0');
  assert.equal(percentTicks.at(-1), '100');
});

test('a measure with one figure says so instead of drawing a chart, and keeps the table', async (t) => {
  const { db, world, viewer } = await setUp(t);
  const one = await buildMeasure(
    db,
    world.organisationId,
    { name: 'Early help assessments', unit: 'count', target: null },
    [
      { period: '2024-07', value: 42 },
      { period: '2024-06', value: null, suppression: 'c' },
    ],
  );
  const page = await viewer.get(paths.measure(one.id));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /One figure so far: 42 \(July 2024\)\. A trend needs at least two\./);
  assert.doesNotMatch(page.body, /<svg/);
  assert.match(
    page.body,
    /<th scope="row" class="govuk-table__header">July 2024<\/th><td class="govuk-table__cell">42<\/td>/,
  );
});

test('the scorecard draws no sparkline of future rows beside “No earlier figure to compare”', async (t) => {
  const { db, world, viewer } = await setUp(t);
  // Today is 10 September 2024: October and November are a trajectory, not figures yet.
  const trajectory = await buildMeasure(
    db,
    world.organisationId,
    { name: 'Plans reviewed on time', target: null },
    [
      { period: '2024-08', value: 70 },
      { period: '2024-10', value: 75 },
      { period: '2024-11', value: 80 },
    ],
  );
  await buildMeasure(db, world.organisationId, { name: 'Visits on time', target: null }, [
    { period: '2024-06', value: 60 },
    { period: '2024-07', value: null, suppression: 'c' },
    { period: '2024-08', value: 70 },
  ]);
  const page = await viewer.get(paths.scorecard());
  const rowOf = (name: string) =>
    new RegExp(`${name}</a></th>[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? assert.fail(`no row for ${name}`);
  const future = rowOf('Plans reviewed on time');
  assert.match(future, /No earlier figure to compare/);
  assert.doesNotMatch(future, /<svg/);
  assert.match(future, /Not enough figures/);
  const gap = rowOf('Visits on time');
  assert.match(gap, /Up on June 2024/, 'the gap is bridged in words as the line bridges it');
  assert.match(
    gap,
    /<svg[^>]*aria-label="Visits on time: trend from 60% in June 2024 to 70% in August 2024"/,
  );

  const measurePage = await viewer.get(paths.measure(trajectory.id));
  assert.match(measurePage.body, /One figure so far: 70% \(August 2024\)/);
});

test('a measure’s History link opens its changes', async (t) => {
  const { db, world, viewer } = await setUp(t);
  const seen = await buildMeasure(db, world.organisationId, {}, [{ period: '2024-07', value: 83 }]);
  const edited = await updateMeasure(
    db,
    world.organisationId,
    seen.id,
    seen.version,
    { owner: 'Head of Safeguarding' },
    systemActor('Rhiannon Pryce'),
  );
  assert.ok(edited.ok);
  const page = await viewer.get(paths.measure(seen.id));
  assert.ok(page.body.includes(`href="${paths.history('measure', seen.id)}"`));

  const history = await viewer.get(paths.history('measure', seen.id));
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /History of this measure/);
  assert.match(history.body, /Head of Safeguarding/);
  assert.match(history.body, /Rhiannon Pryce/);
  assert.ok(history.body.includes(`href="${paths.measure(seen.id)}"`), 'back to the measure');

  assert.equal((await viewer.get(paths.history('measure', 999999))).statusCode, 404);
  const other = await buildOrganisation(db, 'Another council');
  const theirs = await buildMeasure(db, other, { name: 'Theirs' });
  assert.equal((await viewer.get(paths.history('measure', theirs.id))).statusCode, 404, 'another council’s');
});
