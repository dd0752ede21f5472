import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNumber } from '../format.ts';
import {
  formatDifference,
  formatFigure,
  formatPercentChange,
  formatPeriod,
  formatPeriodEnd,
  formatPeriodRange,
  formatValue,
  roundForDisplay,
  roundPercentChange,
} from './format.ts';

const monthly = { frequency: 'monthly' } as const;

test('figures with thousands separators and at most one decimal place', () => {
  assert.equal(formatValue('count', 2159), '2,159');
  assert.equal(formatValue('count', 12493), '12,493');
  assert.equal(formatValue('percentage', 83), '83%');
  assert.equal(formatValue('percentage', 83.25), '83.3%');
  assert.equal(formatValue('percentage', 66.66666), '66.7%');
  assert.equal(formatValue('rate-per-10000', 130.09), '130.1 per 10,000');
  assert.equal(formatValue('days', 1), '1 day');
  assert.equal(formatValue('days', 45), '45 days');
  assert.equal(formatFigure(-0.04), '0', 'never "-0"');
});

test('a change in a percentage is in percentage points', () => {
  assert.equal(formatDifference('percentage', -4), '4 percentage points');
  assert.equal(formatDifference('percentage', 1), '1 percentage point');
  assert.equal(formatDifference('count', -315), '315');
  assert.equal(formatDifference('days', 2.04), '2 days');
});

test('percentage changes: whole from 10%, one decimal below', () => {
  assert.equal(formatPercentChange(14.59), '15%');
  assert.equal(formatPercentChange(-6.06), '6.1%');
  assert.equal(formatPercentChange(4.77), '4.8%');
  assert.equal(formatPercentChange(9.96), '10%');
  assert.equal(roundPercentChange(-12.5), -13, 'halves round away from zero both ways');
});

test('periods in words', () => {
  assert.equal(formatPeriod(monthly, '2020-07'), 'July 2020');
  assert.equal(formatPeriod({ frequency: 'quarterly' }, '2021-Q2'), 'the quarter to June 2021');
  assert.equal(formatPeriod({ frequency: 'annual' }, '2022'), '2022');
  assert.equal(formatPeriod({ frequency: 'annual', yearEnding: 3 }, '2022'), 'the year to March 2022');
  assert.equal(formatPeriodEnd({ frequency: 'quarterly' }, '2021-Q2'), 'June 2021');
  assert.equal(formatPeriodEnd({ frequency: 'annual', yearEnding: 9 }, '2022'), 'September 2022');
  assert.equal(formatPeriodRange(monthly, '2020-07', '2020-12'), 'July and December 2020');
  assert.equal(formatPeriodRange(monthly, '2020-05', '2021-04'), 'May 2020 and April 2021');
  assert.equal(formatPeriodRange({ frequency: 'annual' }, '2020', '2022'), '2020 and 2022');
});

test('property: the displayed number is the rounded number, so a reader can check it', () => {
  fc.assert(
    fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
      const shown = roundForDisplay(x);
      assert.equal(formatFigure(x), formatNumber(shown));
      assert.ok(Math.abs(shown - x) <= 0.05 + 1e-6);
      assert.equal(Number(formatFigure(x).replace(/,/g, '')), shown);
    }),
  );
});
