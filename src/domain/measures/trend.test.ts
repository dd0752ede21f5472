import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildMeasure, cfcSeen, cfcSeenData, claRate, claRateData, monthly } from './fixtures.ts';
import { directionOf, judge, trend } from './trend.ts';

test('seed: 83% after 87% last month is down and worsening', () => {
  const { vsLastPeriod } = trend(cfcSeen, cfcSeenData);
  assert.equal(vsLastPeriod.direction, 'down');
  assert.equal(vsLastPeriod.judgement, 'worsening');
  assert.equal(vsLastPeriod.change, -4);
  assert.deepEqual(vsLastPeriod.from, { period: '2024-06', value: 87 });
});

test('lower is better: a fall is an improvement', () => {
  const measure = buildMeasure({ unit: 'percentage', polarity: 'lower-is-better' });
  const { vsLastPeriod } = trend(measure, monthly({ '2024-06': 24, '2024-07': 21 }));
  assert.equal(vsLastPeriod.direction, 'down');
  assert.equal(vsLastPeriod.judgement, 'improving');
});

test('a context measure has a direction but no judgement', () => {
  const { vsLastPeriod, vsLastYear } = trend(claRate, claRateData);
  assert.equal(vsLastPeriod.direction, 'down');
  assert.equal(vsLastPeriod.judgement, 'not-judged');
  assert.equal(vsLastYear.comparedPeriod, '2021', 'for annual data last year is the last period');
});

test('a missing last month is unknown, not silently replaced by an older month', () => {
  const data = monthly({ '2024-04': 80, '2024-05': 85, '2024-07': 83 });
  const result = trend(cfcSeen, data);
  assert.equal(result.vsLastPeriod.direction, 'unknown');
  assert.equal(result.vsLastPeriod.comparedPeriod, '2024-06');
  assert.equal(result.vsLastPeriod.from, null);
  assert.equal(result.sinceLastAvailable.direction, 'down');
  assert.deepEqual(result.sinceLastAvailable.from, { period: '2024-05', value: 85 });
});

test('a suppressed last month is unknown too', () => {
  const data = [
    { period: '2024-06', value: 3, suppression: 'c' as const },
    { period: '2024-07', value: 5 },
  ];
  assert.equal(trend(buildMeasure(), data).vsLastPeriod.direction, 'unknown');
});

test('against the same month last year', () => {
  const data = monthly({ '2023-07': 80, '2024-06': 87, '2024-07': 83 });
  const { vsLastYear } = trend(cfcSeen, data);
  assert.equal(vsLastYear.direction, 'up');
  assert.equal(vsLastYear.judgement, 'improving');
});

test('a latest figure that is suppressed leaves every comparison unknown', () => {
  const data = [
    { period: '2024-06', value: 87 },
    { period: '2024-07', value: null, suppression: 'c' as const },
  ];
  const result = trend(cfcSeen, data);
  assert.equal(result.vsLastPeriod.direction, 'unknown');
  assert.equal(result.sinceLastAvailable.direction, 'unknown');
});

test('no data: unknown everywhere, no period', () => {
  const result = trend(cfcSeen, []);
  assert.equal(result.period, null);
  assert.equal(result.vsLastYear.judgement, 'not-judged');
});

test('zero to something has a direction but no percentage change', () => {
  const { vsLastPeriod } = trend(buildMeasure(), monthly({ '2024-06': 0, '2024-07': 4 }));
  assert.equal(vsLastPeriod.direction, 'up');
  assert.equal(vsLastPeriod.percentChange, null);
});

test('property: reversing polarity reverses the judgement', () => {
  fc.assert(
    fc.property(fc.option(fc.integer()), fc.option(fc.integer()), (a, b) => {
      const direction = directionOf(a, b);
      const flip = { improving: 'worsening', worsening: 'improving' } as Record<string, string>;
      const higher = judge('higher-is-better', direction);
      const lower = judge('lower-is-better', direction);
      assert.equal(lower, flip[higher] ?? higher);
      assert.equal(judge('context', direction), 'not-judged');
    }),
  );
});
