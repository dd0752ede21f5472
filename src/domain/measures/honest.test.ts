import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  comparesWithOthers,
  countNotComparedText,
  directionText,
  drawsTrend,
  knownFigures,
  oneFigureText,
  valueAxisDomain,
} from './honest.ts';
import { movement } from './trend.ts';

test('only counts are kept from comparison with other areas', () => {
  assert.equal(comparesWithOthers('count'), false);
  assert.equal(comparesWithOthers('rate-per-10000'), true);
  assert.equal(comparesWithOthers('percentage'), true);
  assert.equal(comparesWithOthers('days'), true);
  assert.match(countNotComparedText, /is a count/);
  assert.match(countNotComparedText, /rate per 10,000/);
});

test('the value axis starts at zero, takes in every figure, and runs 0 to 100 for percentages', () => {
  assert.deepEqual(valueAxisDomain('count', [666, 704, 682]), [0, 704]);
  assert.deepEqual(valueAxisDomain('count', [666, null, undefined, Number.NaN]), [0, 666]);
  assert.deepEqual(valueAxisDomain('percentage', [83, 87]), [0, 100]);
  assert.deepEqual(valueAxisDomain('percentage', [83, 104]), [0, 104], 'a figure over 100 is not cut off');
  assert.deepEqual(valueAxisDomain('days', [-3, 12]), [-3, 12], 'a negative figure stays on the chart');
  assert.deepEqual(valueAxisDomain('count', []), [0, 1], 'no figures still give an axis with a height');
  assert.deepEqual(valueAxisDomain('count', [0, 0]), [0, 1]);
});

test('one figure is said in words, and a trend needs two known figures', () => {
  const measure = { unit: 'count', frequency: 'monthly' } as const;
  assert.equal(
    oneFigureText(measure, { period: '2024-07', value: 42 }),
    'One figure so far: 42 (July 2024). A trend needs at least two.',
  );
  assert.match(
    oneFigureText({ unit: 'percentage', frequency: 'annual', yearEnding: 3 }, { period: '2022', value: 83 }),
    /83% \(the year to March 2022\)/,
  );
  const gapped = [{ value: 1 }, { value: null }, { value: null }];
  assert.equal(knownFigures(gapped), 1);
  assert.equal(drawsTrend(gapped), false, 'a suppressed period is a gap, not a figure');
  assert.equal(drawsTrend([{ value: 1 }, { value: null }, { value: 3 }]), true);
  assert.equal(drawsTrend([]), false);
});

test('the direction in words names the figure it compares with, the one the line draws before', () => {
  const measure = { frequency: 'monthly', yearEnding: undefined } as const;
  const none = movement('higher-is-better', null, null, null);
  const july = { period: '2024-07', value: 83 };
  assert.equal(
    directionText(measure, null, { vsLastPeriod: none, sinceLastAvailable: none }),
    'No figures yet',
  );
  assert.equal(
    directionText(
      measure,
      { period: '2024-07', value: null },
      { vsLastPeriod: none, sinceLastAvailable: none },
    ),
    'No figure for the latest period',
  );
  assert.equal(
    directionText(measure, july, { vsLastPeriod: none, sinceLastAvailable: none }),
    'No earlier figure to compare',
  );
  const lastMonth = movement('higher-is-better', { period: '2024-06', value: 87 }, july, '2024-06');
  assert.equal(
    directionText(measure, july, { vsLastPeriod: lastMonth, sinceLastAvailable: lastMonth }),
    'Down on last month (worsening)',
  );
  // June suppressed: compared with May, and May is named rather than "no earlier figure".
  const gapMonth = movement('higher-is-better', null, july, '2024-06');
  const sinceMay = movement('higher-is-better', { period: '2024-05', value: 80 }, july, '2024-05');
  assert.equal(
    directionText(measure, july, { vsLastPeriod: gapMonth, sinceLastAvailable: sinceMay }),
    'Up on May 2024 (improving)',
  );
  const context = movement('context', { period: '2024-06', value: 83 }, july, '2024-06');
  assert.equal(
    directionText(measure, july, { vsLastPeriod: context, sinceLastAvailable: context }),
    'No change on last month',
  );
});
