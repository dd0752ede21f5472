import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cfcSeen,
  cfcSeenData,
  claRate,
  claRateData,
  contacts,
  contactsData,
  monthly,
  openCases,
  openCasesData,
} from './fixtures.ts';
import { summariseMeasure } from './index.ts';

test('seed: the scorecard row for cared for children seen within timescales', () => {
  const row = summariseMeasure(cfcSeen, cfcSeenData);
  assert.deepEqual(row.latest, { period: '2024-07', value: 83 });
  assert.equal(row.rag.rating, 'amber');
  assert.equal(row.rag.gap, -7);
  assert.equal(row.direction.vsLastPeriod.judgement, 'worsening');
  assert.equal(row.direction.vsLastYear.direction, 'unknown');
  assert.equal(row.rolling12, undefined, 'percentages have no rolling total');
  assert.deepEqual(row.peak, { period: '2024-06', value: 87 });
  assert.match(row.narrative, /^Cared for children seen within timescales stood at 83% in July 2024\./);
});

test('seed: open cases peak and trough; a snapshot count is not rolled up', () => {
  const row = summariseMeasure(openCases, openCasesData);
  assert.deepEqual(row.peak, { period: '2020-12', value: 2474 });
  assert.deepEqual(row.trough, { period: '2020-07', value: 2159 });
  assert.equal(row.rolling12, undefined);
  assert.equal(row.rag.reason, 'no-target');
});

test('seed: contacts carry rolling 12-month totals with their low point', () => {
  const row = summariseMeasure(contacts, contactsData);
  assert.deepEqual(row.rolling12?.latest, { period: '2021-04', total: 12493 });
  assert.deepEqual(row.rolling12?.trough, { period: '2020-05', value: 9343 });
  assert.equal(row.rolling12?.overYear.percentChange, null, 'no total from a full year earlier');
});

test('comparators are in the row, context measures not judged', () => {
  const row = summariseMeasure(claRate, claRateData);
  assert.deepEqual(
    row.comparators.map((c) => [c.comparator, c.difference, c.judgement]),
    [
      ['region', 33, 'not-judged'],
      ['england', 60, 'not-judged'],
    ],
  );
  assert.equal(row.rag.rating, 'none');
});

test('today leaves out periods that have not started, such as blank rows for months to come', () => {
  const data = [...cfcSeenData, ...monthly({ '2024-08': null, '2024-09': null })];
  assert.equal(summariseMeasure(cfcSeen, data).rag.reason, 'no-value');
  const row = summariseMeasure(cfcSeen, data, new Date('2024-08-15T12:00:00Z'));
  assert.equal(row.latest?.period, '2024-08', 'August has started, so its missing figure shows');
  const july = summariseMeasure(cfcSeen, data, new Date('2024-07-31T12:00:00Z'));
  assert.equal(july.latest?.period, '2024-07');
  assert.equal(july.rag.rating, 'amber');
});

test('a suppressed latest figure: no rating, the last available figure kept beside it', () => {
  const row = summariseMeasure(cfcSeen, [
    ...cfcSeenData,
    { period: '2024-08', value: null, suppression: 'c' },
  ]);
  assert.deepEqual(row.latest, { period: '2024-08', value: null, suppression: 'c' });
  assert.deepEqual(row.latestAvailable, { period: '2024-07', value: 83 });
  assert.equal(row.rag.reason, 'suppressed');
  assert.equal(row.direction.sinceLastAvailable.direction, 'unknown');
});

test('no data at all', () => {
  const row = summariseMeasure(cfcSeen, []);
  assert.equal(row.latest, null);
  assert.equal(row.latestAvailable, null);
  assert.equal(row.rag.rating, 'none');
  assert.equal(row.peak, null);
  assert.deepEqual(row.comparators, []);
  assert.equal(row.narrative, 'No figures have been recorded yet.');
});
