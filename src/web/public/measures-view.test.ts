import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadCharts } from '../../reports/charts.ts';
import { observations } from '../../db/measures/schema.ts';
import { publishQuarter } from '../../db/publishing/commands.ts';
import { quarter } from '../../domain/publishing/quarters.ts';
import type { PublicMeasure } from '../../domain/publishing/snapshot.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPublishedCouncil, internal } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';
import { measuresView } from './measures-view.ts';

// Charts load on first use (not at start); tests that draw directly load them first.
before(() => loadCharts());

const figure = (period: string, value: number | null) => ({
  period,
  periodLabel: period,
  value,
  suppression: value === null ? 'c' : null,
  valueText: value === null ? 'Not available (c: confidential)' : String(value),
});
const inCare: PublicMeasure = {
  name: 'Children in care',
  definition: '',
  unit: 'count',
  polarity: 'context',
  frequency: 'monthly',
  target: null,
  series: [figure('2024-09', 700), figure('2024-10', 690)],
};

/** The y-axis tick labels (the left axis's numbers are right-aligned). */
const yTicks = (svg: string) =>
  [
    ...(/<g[^>]*font-variant="tabular-nums" text-anchor="end">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '').matchAll(
      /<text[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => m[1]);

test('a public chart of a count starts at zero', () => {
  const [view] = measuresView([inCare]);
  assert.equal(yTicks(view!.svg!)[0], '0');
  assert.equal(view!.oneFigure, '');
});

test('a public measure with one figure says so, with no chart, and keeps the table', () => {
  const [view] = measuresView([{ ...inCare, series: [figure('2024-09', null), figure('2024-10', 690)] }]);
  assert.equal(view!.svg, null);
  assert.equal(view!.oneFigure, 'One figure so far: 690 (October 2024). A trend needs at least two.');
  assert.equal(view!.table.rows.length, 2);
});

test('the public measures page never shows England’s or the region’s count', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  await database.db.insert(observations).values([
    { measureId: world.measure.id, period: '2024-10', area: 'england', areaCode: 'E92000001', value: 82170 },
    { measureId: world.measure.id, period: '2024-10', area: 'region', areaName: 'North West', value: 15210 },
  ]);
  await publishQuarter(database.db, {
    organisationId: world.organisationId,
    planId: world.plan.id,
    quarter: quarter(2024, 3),
    measureIds: [world.measure.id],
    correction: true,
    reason: 'England’s and the region’s figures were loaded',
    actor: { userId: world.programmeManager.id, name: 'Test' },
    publishedAt: app.clock.now(),
    easyReadReason: internal.easyReadReason,
  });
  const page = await app.inject({ url: paths.public.measures() });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Children in care/);
  assert.match(page.body, /690/);
  assert.doesNotMatch(page.body, /82,170|82170|15,210|15210/);
  assert.doesNotMatch(page.body, /England|North West/);
  assert.equal(yTicks(/<svg[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? '')[0], '0');
});
