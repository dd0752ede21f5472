import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MeasureDataError } from './errors.ts';
import { buildMeasure, cfcSeen, contacts, contactsData, monthly, openCasesData } from './fixtures.ts';
import { percentChange } from './ratios.ts';
import { periodFromOrdinal } from './period.ts';
import { peaksAndTroughs, rollingChangeOverYear, rollingTotals } from './rolling.ts';

test('seed: rolling 12-month contacts 9,343 in May 2020 and 12,493 in April 2021', () => {
  const totals = rollingTotals(contacts, contactsData);
  assert.deepEqual(totals[0], { period: '2020-05', total: 9343 });
  assert.deepEqual(totals.at(-1), { period: '2021-04', total: 12493 });
  // The seed calls this "growth of 25%"; the change is 33.7%. 25% is the rise as a share of the
  // later figure (3,150 ÷ 12,493), a different and misleading sum.
  const change = rollingChangeOverYear(contacts, totals);
  assert.equal(change.to?.period, '2021-04');
  assert.equal(change.from, null, 'no total a full year before April 2021 in this data');
  assert.equal(percentChange(totals[0].total, totals.at(-1)!.total)!.toFixed(1), '33.7');
});

test('a missing month makes each 12-month total that includes it null', () => {
  const values: Record<string, number | null> = {};
  for (let m = 0; m < 14; m++) values[periodFromOrdinal(2020 * 12 + m, 'monthly')] = 10;
  values['2020-06'] = null;
  const totals = rollingTotals(buildMeasure(), monthly(values));
  assert.deepEqual(
    totals.map((t) => t.total),
    [null, null, null],
  );
  delete values['2020-06'];
  assert.deepEqual(
    rollingTotals(buildMeasure(), monthly(values)).map((t) => t.total),
    [null, null, null],
    'a month with no row is as missing as a blank one',
  );
});

test('a suppressed month is missing, never 0', () => {
  const data = monthly(
    Object.fromEntries(
      Array.from({ length: 12 }, (_, m) => [periodFromOrdinal(2020 * 12 + m, 'monthly'), 5]),
    ),
  );
  data[3] = { period: data[3]!.period, value: 0, suppression: 'k' };
  assert.deepEqual(rollingTotals(buildMeasure(), data), [{ period: '2020-12', total: null }]);
});

test('rolling totals compare a whole year with the whole year before', () => {
  const values: Record<string, number> = {};
  for (let m = 0; m < 24; m++) values[periodFromOrdinal(2019 * 12 + m, 'monthly')] = m < 12 ? 10 : 15;
  const change = rollingChangeOverYear(buildMeasure(), rollingTotals(buildMeasure(), monthly(values)));
  assert.deepEqual(change.from, { period: '2019-12', total: 120 });
  assert.deepEqual(change.to, { period: '2020-12', total: 180 });
  assert.equal(change.percentChange, 50);
});

test('quarterly counts roll over four quarters', () => {
  const measure = buildMeasure({ frequency: 'quarterly' });
  const data = monthly({ '2020-Q1': 1, '2020-Q2': 2, '2020-Q3': 3, '2020-Q4': 4, '2021-Q1': 5 });
  assert.deepEqual(rollingTotals(measure, data), [
    { period: '2020-Q4', total: 10 },
    { period: '2021-Q1', total: 14 },
  ]);
});

test('percentages are not added up', () => {
  assert.throws(() => rollingTotals(cfcSeen, []), MeasureDataError);
  assert.deepEqual(rollingTotals(buildMeasure(), []), []);
});

test('seed: open cases peaked at 2,474 in December 2020', () => {
  const result = peaksAndTroughs(openCasesData.map((o) => ({ period: o.period, value: o.value })));
  assert.deepEqual(result.peak, { period: '2020-12', value: 2474 });
  assert.deepEqual(result.trough, { period: '2020-07', value: 2159 });
  assert.deepEqual(result.localPeaks, [{ period: '2020-12', value: 2474 }]);
  assert.deepEqual(result.localTroughs, []);
});

test('turning points skip gaps, count a flat top once, and never include the ends', () => {
  const result = peaksAndTroughs([
    { period: 'a', value: 1 },
    { period: 'b', value: 5 },
    { period: 'c', value: null },
    { period: 'd', value: 5 },
    { period: 'e', value: 2 },
    { period: 'f', value: 4 },
    { period: 'g', value: 0 },
  ]);
  assert.deepEqual(result.localPeaks, [
    { period: 'b', value: 5 },
    { period: 'f', value: 4 },
  ]);
  assert.deepEqual(result.localTroughs, [{ period: 'e', value: 2 }]);
  assert.deepEqual(result.peak, { period: 'b', value: 5 }, 'the first time the peak was reached');
  assert.deepEqual(result.trough, { period: 'g', value: 0 });
});

test('no figures: no peak or trough', () => {
  assert.deepEqual(peaksAndTroughs([{ period: 'a', value: null }]), {
    peak: null,
    trough: null,
    localPeaks: [],
    localTroughs: [],
  });
});

test('property: a total is present exactly when all 12 months are, and is their sum', () => {
  const month = fc.option(fc.integer({ min: 0, max: 1000 }), { freq: 8 });
  fc.assert(
    fc.property(fc.array(month, { minLength: 1, maxLength: 30 }), (values) => {
      const data = values.map((value, i) => ({ period: periodFromOrdinal(2018 * 12 + i, 'monthly'), value }));
      const totals = rollingTotals(buildMeasure(), data);
      assert.equal(totals.length, Math.max(0, values.length - 11));
      totals.forEach((t, i) => {
        const year = values.slice(i, i + 12);
        const expected = year.every((v) => v !== null) ? year.reduce<number>((s, v) => s + v, 0) : null;
        assert.equal(t.total, expected);
      });
    }),
  );
});

test('property: the overall peak is at least every local peak and the trough at most every local trough', () => {
  fc.assert(
    fc.property(fc.array(fc.option(fc.integer({ min: -50, max: 50 })), { maxLength: 30 }), (values) => {
      const r = peaksAndTroughs(values.map((value, i) => ({ period: String(i), value })));
      for (const p of r.localPeaks) assert.ok(r.peak !== null && r.peak.value >= p.value);
      for (const t of r.localTroughs) assert.ok(r.trough !== null && r.trough.value <= t.value);
    }),
  );
});
