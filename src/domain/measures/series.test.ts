import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MeasureDataError } from './errors.ts';
import { buildMeasure, cfcSeen, claRate, claRateData } from './fixtures.ts';
import { seriesOf } from './series.ts';

test('observations come back in period order, council figures only by default', () => {
  const series = seriesOf(claRate, claRateData);
  assert.deepEqual(
    series.points.map((p) => [p.period, p.value]),
    [
      ['2020', 139],
      ['2021', 134],
      ['2022', 130],
    ],
  );
  assert.deepEqual(seriesOf(claRate, claRateData, 'england').numeric(), [
    { period: '2021', value: 67 },
    { period: '2022', value: 70 },
  ]);
});

test('a suppression code wins over any value sent with it', () => {
  const series = seriesOf(buildMeasure(), [{ period: '2024-07', value: 0, suppression: 'k' }]);
  assert.deepEqual(series.points, [{ period: '2024-07', value: null, suppression: 'k' }]);
});

test('a percentage with no value is derived from its parts, safely', () => {
  const series = seriesOf(cfcSeen, [
    { period: '2024-06', value: null, numerator: 87, denominator: 100 },
    { period: '2024-07', value: null, numerator: 0, denominator: 0 },
  ]);
  assert.deepEqual(
    series.points.map((p) => p.value),
    [87, null],
  );
});

test('two figures for one period, a bad period or a non-number are data errors', () => {
  const measure = buildMeasure();
  assert.throws(
    () =>
      seriesOf(measure, [
        { period: '2024-07', value: 1 },
        { period: '2024-07', value: 2 },
      ]),
    MeasureDataError,
  );
  assert.throws(() => seriesOf(measure, [{ period: '2024-7', value: 1 }]), MeasureDataError);
  assert.throws(() => seriesOf(measure, [{ period: '2024-07', value: Number.NaN }]), MeasureDataError);
  // The same period for the council and England is fine.
  assert.doesNotThrow(() =>
    seriesOf(measure, [
      { period: '2024-07', value: 1 },
      { period: '2024-07', value: 2, comparator: 'england' },
    ]),
  );
});

test('the latest figure before a period skips gaps and suppressed months', () => {
  const series = seriesOf(buildMeasure(), [
    { period: '2024-04', value: 10 },
    { period: '2024-05', value: null, suppression: 'c' },
    { period: '2024-07', value: 12 },
  ]);
  assert.deepEqual(series.latestBefore('2024-07'), { period: '2024-04', value: 10 });
  assert.equal(series.latestBefore('2024-04'), undefined);
});
