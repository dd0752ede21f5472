import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildMeasure,
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
import { buildNarrative, narrative, narrativeNumbers, NO_FIGURES } from './narrative.ts';
import { numbersIn, unsupportedNumbers } from './verify.ts';
import type { Measure, Observation } from './types.ts';

/** Every example is also checked against its data, the rule the property test enforces at large. */
function says(measure: Measure, data: Observation[], expected: string): void {
  const text = narrative(measure, data);
  assert.equal(text, expected);
  assert.deepEqual(unsupportedNumbers(measure, data, text), []);
}

test('seed: open cases rose to a peak in December 2020, then fell', () => {
  // The seed says "rose by 11%"; 2,159 to 2,474 is a rise of 14.6%, which shows as 15%.
  says(
    openCases,
    openCasesData,
    'Open cases stood at 2,324 in April 2021. This is down from 2,360 in March 2021. ' +
      'Open cases rose by 15% between July and December 2020, from 2,159 to a peak of 2,474, ' +
      'then fell by 6.1% to 2,324 by April 2021.',
  );
});

test('seed: cared for children seen within timescales, below target and down on last month', () => {
  says(
    cfcSeen,
    cfcSeenData,
    'Cared for children seen within timescales stood at 83% in July 2024. ' +
      'This is 7 percentage points below the target of 90% and is down from 87% in June 2024.',
  );
});

test('seed: the rolling 12-month count of contacts, with the growth stated correctly', () => {
  // The seed says "growth of 25%"; 9,343 to 12,493 is 33.7%, which shows as 34%.
  says(
    contacts,
    contactsData,
    'Contacts stood at 1,050 in April 2021. This is down from 1,100 in March 2021. ' +
      'The total for the 12 months to April 2021 was 12,493. ' +
      'The rolling 12-month total rose by 34% between May 2020 and April 2021, from 9,343 to 12,493.',
  );
});

test('DfE annual rates per 10,000 read as years to March, with comparators', () => {
  says(
    claRate,
    claRateData,
    'Children looked after per 10,000 stood at 130 per 10,000 in the year to March 2022. ' +
      'This is down from 134 per 10,000 in the year to March 2021. ' +
      'Children looked after per 10,000 fell by 6.5% between the year to March 2020 and the year to March 2022, ' +
      'from 139 per 10,000 to 130 per 10,000. ' +
      'For comparison, the regional figure was 97 per 10,000 and the England figure 70 per 10,000.',
  );
});

test('no data', () => {
  assert.equal(narrative(cfcSeen, []), NO_FIGURES);
  assert.equal(NO_FIGURES, 'No figures have been recorded yet.');
  assert.deepEqual(narrativeNumbers(cfcSeen, []), []);
});

test('a single figure', () => {
  says(
    cfcSeen,
    monthly({ '2024-07': 83 }),
    'Cared for children seen within timescales stood at 83% in July 2024. ' +
      'This is 7 percentage points below the target of 90%. This is the only figure recorded.',
  );
});

test('all figures equal', () => {
  says(
    buildMeasure({ name: 'Care leavers in touch' }),
    monthly({ '2024-01': 5, '2024-02': 5, '2024-03': 5, '2024-04': 5 }),
    'Care leavers in touch stood at 5 in April 2024. This is the same as in March 2024. ' +
      'Care leavers in touch stayed at 5 between January and April 2024.',
  );
});

test('a missing last month is said, with the figure before it; a change from zero is said in words', () => {
  says(
    buildMeasure({ name: 'Missing episodes', polarity: 'lower-is-better', target: 3 }),
    monthly({ '2024-01': 0, '2024-02': 4, '2024-03': 6, '2024-05': 5 }),
    'Missing episodes stood at 5 in May 2024. This is 2 above the target of 3 (lower is better). ' +
      'There is no figure for April 2024; the figure before that was 6 in March 2024. ' +
      'Missing episodes rose between January and March 2024, from 0 to a peak of 6, then fell by 17% to 5 by May 2024. ' +
      'A change from zero cannot be given as a percentage.',
  );
});

test('several missing months are summarised rather than listed', () => {
  says(
    buildMeasure({ name: 'Referrals' }),
    monthly({ '2024-01': 4, '2024-06': 6, '2024-07': 8, '2024-08': 7 }),
    'Referrals stood at 7 in August 2024. This is down from 8 in July 2024. ' +
      'Referrals rose by 100% between January and July 2024, from 4 to a peak of 8, then fell by 13% to 7 by August 2024. ' +
      'No figures are available for some periods between February and May 2024.',
  );
  says(
    buildMeasure({ name: 'Referrals' }),
    monthly({ '2024-01': 4, '2024-02': 5, '2024-04': 6, '2024-05': 6 }),
    'Referrals stood at 6 in May 2024. This is the same as in April 2024. ' +
      'Referrals rose by 50% between January and May 2024, from 4 to 6. No figures are available for March 2024.',
  );
});

const reReferrals = buildMeasure({
  name: 'Re-referrals',
  unit: 'percentage',
  polarity: 'lower-is-better',
  target: 20,
});

test('a suppressed month keeps its code and is never read as 0', () => {
  says(
    reReferrals,
    [
      { period: '2024-01', value: 24 },
      { period: '2024-02', value: 22 },
      { period: '2024-03', value: 0, suppression: 'c' },
      { period: '2024-04', value: 18 },
    ],
    'Re-referrals stood at 18% in April 2024. This is 2 percentage points below the target of 20% (lower is better). ' +
      'The figure for March 2024 is suppressed (c: confidential); the figure before that was 22% in February 2024. ' +
      'Re-referrals fell by 6 percentage points between January and April 2024, from 24% to 18%.',
  );
  says(
    reReferrals,
    [
      { period: '2024-02', value: 22 },
      { period: '2024-03', value: 0, suppression: 'k' },
    ],
    'The latest figure, for March 2024, is suppressed (k: rounds to zero). The last figure was 22% in February 2024.',
  );
  says(
    reReferrals,
    [{ period: '2024-03', value: null, suppression: 'low' }],
    'The latest figure, for March 2024, is suppressed (low: rounds to zero but is not zero). No earlier figures have been recorded.',
  );
});

test('polarity both ways: the same gap reads as met or missed', () => {
  const higher = buildMeasure({ name: 'Assessments in 45 days', unit: 'percentage', target: 80 });
  const lower = { ...higher, polarity: 'lower-is-better' as const };
  const data = monthly({ '2024-07': 85 });
  assert.match(narrative(higher, data), /This is 5 percentage points above the target of 80%\./);
  assert.match(
    narrative(lower, data),
    /This is 5 percentage points above the target of 80% \(lower is better\)\./,
  );
  assert.match(narrative(higher, monthly({ '2024-07': 80 })), /This meets the target of 80%\./);
});

test('a target that changes is said, so the colour change is not read as practice', () => {
  says(
    buildMeasure({
      name: 'Visits on time',
      unit: 'percentage',
      target: 90,
      targets: [{ from: '2024-03', target: 95 }],
    }),
    monthly({ '2024-01': 91, '2024-02': 92, '2024-03': 92 }),
    'Visits on time stood at 92% in March 2024. This is 3 percentage points below the target of 95% and is the same as in February 2024. ' +
      'The target rose from 90% to 95% in March 2024. ' +
      'Visits on time rose by 1 percentage point between January and March 2024, from 91% to 92%.',
  );
});

test('quarterly figures in days', () => {
  says(
    buildMeasure({
      name: 'Days to adoption',
      unit: 'days',
      polarity: 'lower-is-better',
      frequency: 'quarterly',
      target: 400,
    }),
    monthly({ '2023-Q1': 420, '2023-Q2': 410, '2023-Q3': 390, '2023-Q4': 400, '2024-Q1': 380 }),
    'Days to adoption stood at 380 days in the quarter to March 2024. ' +
      'This is 20 days below the target of 400 days (lower is better) and is down from 400 days in the quarter to December 2023. ' +
      'Days to adoption fell by 9.5% between the quarter to March 2023 and the quarter to March 2024, from 420 days to 380 days.',
  );
});

test('figures that differ but show the same are "little changed", not "rose from 83.2% to 83.2%"', () => {
  const data = monthly({ '2024-05': 80, '2024-06': 83.24, '2024-07': 83.21 });
  says(
    cfcSeen,
    data,
    'Cared for children seen within timescales stood at 83.2% in July 2024. ' +
      'This is 6.8 percentage points below the target of 90% and is little changed from 83.2% in June 2024. ' +
      'Cared for children seen within timescales rose by 3.2 percentage points between May and July 2024, from 80% to 83.2%.',
  );
});

test('the numbers a narrative states are listed in order, each with its exact figure', () => {
  const { text, numbers } = buildNarrative(cfcSeen, cfcSeenData);
  assert.deepEqual(
    numbers.map((n) => n.text),
    numbersIn(text, [cfcSeen.name]),
  );
  assert.deepEqual(
    numbers.map((n) => [n.text, n.kind, n.exact]),
    [
      ['83', 'value', 83],
      ['7', 'difference', 7],
      ['90', 'target', 90],
      ['87', 'value', 87],
    ],
  );
});

test('a measure name with digits is not read as a stated number', () => {
  const measure = buildMeasure({
    name: 'Care leavers aged 19 to 21 in education, employment or training',
    unit: 'percentage',
  });
  const data = monthly({ '2024-06': 50, '2024-07': 55 });
  assert.deepEqual(unsupportedNumbers(measure, data, narrative(measure, data)), []);
});

test("the checker catches the seed presentation's own arithmetic", () => {
  // Even allowing whole-number rounding, "11%", "25%" and "39%" do not follow from the figures
  // beside them: 25% and 39% are the changes divided by the later figure, not the earlier one.
  const openCasesClaim =
    'Between July and December 2020 the total number of open cases rose by 11% from 2159 to a peak of 2474 dropping to 2324 by April 2021.';
  assert.deepEqual(unsupportedNumbers(openCases, openCasesData, openCasesClaim, { wholeNumbers: true }), [
    '11',
  ]);
  const contactsClaim =
    '12 month count dropped to 9343 in May 2020 rising to 12493 at the end of April – growth of 25%';
  assert.deepEqual(unsupportedNumbers(contacts, contactsData, contactsClaim, { wholeNumbers: true }), ['25']);
  const careLeavers = buildMeasure({ name: 'Care leavers' });
  const careLeaversClaim =
    'Between May 2019 and April 2021 the number of care leavers increased by 39% from 182 to 300';
  const careLeaversData = monthly({ '2019-05': 182, '2021-04': 300 });
  assert.deepEqual(
    unsupportedNumbers(careLeavers, careLeaversData, careLeaversClaim, { wholeNumbers: true }),
    ['39'],
  );
  const cfcClaim = 'This is below the target of 90% and is a reduction from 87% last month.';
  assert.deepEqual(unsupportedNumbers(cfcSeen, cfcSeenData, cfcClaim, { wholeNumbers: true }), []);
});
