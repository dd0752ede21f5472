import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MeasureDataError } from './errors.ts';
import {
  firstMonthOrdinal,
  isPeriod,
  lastMonthOrdinal,
  monthOrdinalOfDate,
  periodFromOrdinal,
  periodOrdinal,
  shiftPeriod,
} from './period.ts';
import { frequencies } from './types.ts';

test('the previous month of January is December of the year before', () => {
  assert.equal(shiftPeriod('2021-01', 'monthly', -1), '2020-12');
  assert.equal(shiftPeriod('2021-04', 'monthly', -12), '2020-04');
  assert.equal(shiftPeriod('2021-Q1', 'quarterly', -1), '2020-Q4');
  assert.equal(shiftPeriod('2022', 'annual', -1), '2021');
});

test('a period in the wrong shape for the frequency is refused, not guessed', () => {
  assert.throws(() => periodOrdinal('2021-4', 'monthly'), MeasureDataError);
  assert.throws(() => periodOrdinal('2021-13', 'monthly'), MeasureDataError);
  assert.throws(() => periodOrdinal('2021-Q5', 'quarterly'), MeasureDataError);
  assert.throws(() => periodOrdinal('2021-04', 'quarterly'), MeasureDataError);
  assert.throws(() => periodOrdinal('2021-22', 'annual'), MeasureDataError);
  assert.equal(isPeriod('2021-04', 'monthly'), true);
  assert.equal(isPeriod('2021-04', 'annual'), false);
});

test('a reporting year ending in March covers April to March', () => {
  // '2022' with yearEnding 3 is the DfE year to 31 March 2022.
  assert.equal(lastMonthOrdinal('2022', 'annual', 3), periodOrdinal('2022-03', 'monthly'));
  assert.equal(firstMonthOrdinal('2022', 'annual', 3), periodOrdinal('2021-04', 'monthly'));
  assert.equal(lastMonthOrdinal('2021-Q2', 'quarterly'), periodOrdinal('2021-06', 'monthly'));
  assert.equal(firstMonthOrdinal('2021-Q2', 'quarterly'), periodOrdinal('2021-04', 'monthly'));
});

test('today is read as the month it is in London', () => {
  // 00:30 on 1 August in London (BST) is still 31 July in UTC.
  assert.equal(monthOrdinalOfDate(new Date('2024-07-31T23:30:00Z')), periodOrdinal('2024-08', 'monthly'));
  assert.equal(monthOrdinalOfDate(new Date('2024-12-31T23:30:00Z')), periodOrdinal('2024-12', 'monthly'));
});

test('ordinals round-trip for every frequency', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...frequencies),
      fc.integer({ min: 1000 * 12, max: 9999 * 12 }),
      (frequency, n) => {
        const ordinal =
          frequency === 'monthly' ? n : frequency === 'quarterly' ? Math.floor(n / 3) : Math.floor(n / 12);
        assert.equal(periodOrdinal(periodFromOrdinal(ordinal, frequency), frequency), ordinal);
      },
    ),
  );
});
