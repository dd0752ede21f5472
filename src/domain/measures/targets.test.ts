import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MeasureDataError } from './errors.ts';
import { buildMeasure } from './fixtures.ts';
import { targetFor } from './targets.ts';

test('a flat target applies to every period; no target gives null', () => {
  assert.equal(targetFor(buildMeasure({ target: 90 }), '2024-07'), 90);
  assert.equal(targetFor(buildMeasure(), '2024-07'), null);
});

test('a stepped target: the latest step on or before the period is in force', () => {
  const measure = buildMeasure({
    target: 80,
    targets: [
      { from: '2024-10', target: 90 },
      { from: '2024-04', target: 85 },
    ],
  });
  assert.equal(targetFor(measure, '2024-03'), 80);
  assert.equal(targetFor(measure, '2024-04'), 85);
  assert.equal(targetFor(measure, '2024-09'), 85);
  assert.equal(targetFor(measure, '2024-10'), 90);
  assert.equal(targetFor(measure, '2025-06'), 90);
});

test('"+20% a quarter" from a baseline, as the board set for audits graded good or better', () => {
  const trajectory = {
    from: '2017-12',
    baseline: 20,
    change: 20,
    changeKind: 'percent',
    every: 'quarter',
  } as const;
  const linear = buildMeasure({ unit: 'percentage', targets: [trajectory] });
  assert.equal(targetFor(linear, '2017-11'), null, 'no target before the trajectory starts');
  assert.equal(targetFor(linear, '2017-12'), 20);
  assert.equal(targetFor(linear, '2018-02'), 20, 'a part quarter does not step');
  assert.equal(targetFor(linear, '2018-03'), 24);
  assert.equal(targetFor(linear, '2018-06'), 28);

  const compound = buildMeasure({ unit: 'percentage', targets: [{ ...trajectory, compound: true }] });
  assert.equal(targetFor(compound, '2018-06'), 20 * 1.2 * 1.2);
});

test('a falling trajectory stops at its floor; a percentage never passes 100', () => {
  const neet = buildMeasure({
    unit: 'percentage',
    polarity: 'lower-is-better',
    targets: [
      { from: '2023-01', baseline: 40, change: -5, changeKind: 'absolute', every: 'month', limit: 25 },
    ],
  });
  assert.equal(targetFor(neet, '2023-02'), 35);
  assert.equal(targetFor(neet, '2023-12'), 25);

  const rising = buildMeasure({
    unit: 'percentage',
    targets: [{ from: '2023-01', baseline: 90, change: 5, changeKind: 'absolute', every: 'month' }],
  });
  assert.equal(targetFor(rising, '2023-06'), 100);
});

test('a quarterly trajectory on a quarterly measure steps every quarter', () => {
  const measure = buildMeasure({
    frequency: 'quarterly',
    targets: [{ from: '2024-Q1', baseline: 100, change: 10, changeKind: 'absolute', every: 'quarter' }],
  });
  assert.equal(targetFor(measure, '2024-Q3'), 120);
});

test('two targets from the same period are a data error', () => {
  const measure = buildMeasure({
    targets: [
      { from: '2024-04', target: 85 },
      { from: '2024-04', target: 90 },
    ],
  });
  assert.throws(() => targetFor(measure, '2024-05'), MeasureDataError);
});
