import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMeasure, monthly } from './fixtures.ts';
import { narrative } from './narrative.ts';
import { numbersIn, unsupportedNumbers } from './verify.ts';

test('numbersIn leaves out dates, "per 10,000", "12 months" and financial years', () => {
  assert.deepEqual(
    numbersIn('Between July and December 2020 open cases rose by 15% from 2,159 to a peak of 2,474.'),
    ['15', '2,159', '2,474'],
  );
  assert.deepEqual(numbersIn('130 per 10,000 in the year to March 2022, up 1.4% on 2018/19.'), [
    '130',
    '1.4',
  ]);
  assert.deepEqual(numbersIn('The total for the 12 months to April 2021 was 12,493.'), ['12,493']);
  assert.deepEqual(numbersIn('Between Nov 20 and April 21 it grew from 377 to 395.'), ['377', '395']);
  assert.deepEqual(numbersIn('Care leavers aged 19 to 21: 55%', ['care leavers aged 19 to 21']), ['55']);
});

test('a figure not in the data is caught', () => {
  const measure = buildMeasure({ name: 'Referrals' });
  const data = monthly({ '2024-06': 100, '2024-07': 120 });
  assert.deepEqual(unsupportedNumbers(measure, data, 'Referrals rose by 20% from 100 to 120.'), []);
  assert.deepEqual(unsupportedNumbers(measure, data, 'Referrals rose by 20% from 100 to 125.'), [
    '20',
    '125',
  ]);
  assert.deepEqual(
    unsupportedNumbers(measure, data, 'Referrals rose by 17% from 100 to 120.'),
    ['17'],
    'a change that runs backwards in time (120 to 100 is 17%) is not accepted',
  );
  assert.deepEqual(
    unsupportedNumbers(measure, data, 'Referrals rose by 20%.'),
    ['20'],
    'a change needs its figures beside it',
  );
});

test('quarterly rolling totals read as the year to the quarter end', () => {
  const measure = buildMeasure({ name: 'Admissions', frequency: 'quarterly', rolling12Months: true });
  const data = monthly({ '2020-Q1': 10, '2020-Q2': 20, '2020-Q3': 30, '2020-Q4': 40 });
  const text = narrative(measure, data);
  assert.match(text, /The total for the year to December 2020 was 100\./);
  assert.deepEqual(unsupportedNumbers(measure, data, text), []);
});
