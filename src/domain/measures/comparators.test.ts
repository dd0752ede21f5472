import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithComparators, statisticalNeighbourAverage } from './comparators.ts';
import { buildMeasure, cfcSeen, claRate, claRateData } from './fixtures.ts';

test('DfE 2022: Tameside 130 per 10,000 against the North West 97 and England 70, compared not judged', () => {
  const results = compareWithComparators(claRate, claRateData);
  assert.deepEqual(
    results.map((r) => [r.comparator, r.value, r.difference, r.judgement]),
    [
      ['region', 97, 33, 'not-judged'],
      ['england', 70, 60, 'not-judged'],
    ],
  );
  assert.equal(results[1]!.differencePercent!.toFixed(1), '85.7');
});

test('polarity decides better or worse', () => {
  const data = [
    { period: '2024-07', value: 83 },
    { period: '2024-07', value: 80, comparator: 'statistical-neighbours' as const },
    { period: '2024-07', value: 85, comparator: 'england' as const },
    { period: '2024-07', value: 83, comparator: 'region' as const },
  ];
  assert.deepEqual(
    compareWithComparators(cfcSeen, data).map((r) => r.judgement),
    ['better', 'same', 'worse'],
  );
  const lower = buildMeasure({ unit: 'percentage', polarity: 'lower-is-better' });
  assert.deepEqual(
    compareWithComparators(lower, data).map((r) => r.judgement),
    ['worse', 'same', 'better'],
  );
});

test('a suppressed comparator keeps its code and is not judged; an absent one is left out', () => {
  const data = [
    { period: '2024-07', value: 83 },
    { period: '2024-07', value: null, suppression: 'x' as const, comparator: 'england' as const },
    { period: '2024-06', value: 80, comparator: 'region' as const },
  ];
  const results = compareWithComparators(cfcSeen, data);
  assert.equal(results.length, 1);
  assert.equal(results[0]!.suppression, 'x');
  assert.equal(results[0]!.difference, null);
  assert.equal(results[0]!.judgement, 'not-judged');
});

test('a comparator figure of 0 has a difference but no percentage difference', () => {
  const data = [
    { period: '2024-07', value: 3 },
    { period: '2024-07', value: 0, comparator: 'england' as const },
  ];
  const [england] = compareWithComparators(buildMeasure({ unit: 'rate-per-10000' }), data);
  assert.equal(england!.difference, 3);
  assert.equal(england!.differencePercent, null);
});

test('a count is never compared with another area: England’s count is of a bigger population', () => {
  const data = [
    { period: '2024-07', value: 420 },
    { period: '2024-07', value: 81924, comparator: 'england' as const },
  ];
  assert.deepEqual(compareWithComparators(buildMeasure({ unit: 'count' }), data), []);
});

test('the statistical neighbour average says how many neighbours it is of', () => {
  assert.deepEqual(statisticalNeighbourAverage([90, 100, null, 110]), { average: 100, count: 3, missing: 1 });
  assert.deepEqual(statisticalNeighbourAverage([null, null]), { average: null, count: 0, missing: 2 });
  assert.deepEqual(statisticalNeighbourAverage([]), { average: null, count: 0, missing: 0 });
});

test('no council data: nothing to compare', () => {
  assert.deepEqual(
    compareWithComparators(cfcSeen, [{ period: '2024-07', value: 80, comparator: 'england' }]),
    [],
  );
});
