import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkQuarterInPeriod, readPlanPeriod } from './plan-period.ts';
import { quarter } from './quarters.ts';

test('a plan’s period is read as calendar years or financial years', () => {
  assert.deepEqual(readPlanPeriod('2024 to 2026'), { start: '2024-01-01', end: '2026-12-31' });
  assert.deepEqual(readPlanPeriod('2022/23'), { start: '2022-04-01', end: '2023-03-31' });
  assert.deepEqual(readPlanPeriod('2024-25'), { start: '2024-04-01', end: '2025-03-31' });
  assert.deepEqual(readPlanPeriod('2024/2025'), { start: '2024-04-01', end: '2025-03-31' });
  assert.deepEqual(readPlanPeriod('2025'), { start: '2025-01-01', end: '2025-12-31' });
  assert.deepEqual(readPlanPeriod('2024/25 to 2025/26'), { start: '2024-04-01', end: '2026-03-31' });
  assert.deepEqual(readPlanPeriod('2017 – 2019'), { start: '2017-01-01', end: '2019-12-31' });
  assert.equal(readPlanPeriod('  '), 'unset');
  assert.equal(readPlanPeriod('the next few years'), null);
  assert.equal(readPlanPeriod('2024/27'), null);
  assert.equal(readPlanPeriod('2026 to 2024'), null);
});

test('a quarter must lie within the plan’s period; a plan without one takes any quarter', () => {
  const plan = { title: 'Plan 2022/23', period: '2022/23' };
  assert.equal(checkQuarterInPeriod(quarter(2022, 4), plan).ok, true);
  assert.equal(checkQuarterInPeriod(quarter(2022, 1), plan).ok, true);
  const late = checkQuarterInPeriod(quarter(2026, 1), plan);
  assert.equal(late.ok, false);
  assert.equal(!late.ok && late.problem, 'outside-period');
  assert.equal(
    !late.ok && late.message,
    'Quarter 1, 2026/27 is not within the plan’s period (2022/23). Choose a quarter within it',
  );
  // Quarter 4 of 2026/27 runs into 2027, beyond a plan for 2024 to 2026.
  assert.equal(checkQuarterInPeriod(quarter(2026, 4), { title: 'P', period: '2024 to 2026' }).ok, false);
  assert.equal(checkQuarterInPeriod(quarter(2026, 3), { title: 'P', period: '2024 to 2026' }).ok, true);
  assert.deepEqual(checkQuarterInPeriod(quarter(2030, 1), { title: 'P', period: '' }), {
    ok: true,
    period: 'unset',
  });
  const unreadable = checkQuarterInPeriod(quarter(2024, 1), { title: 'P', period: 'soon' });
  assert.equal(!unreadable.ok && unreadable.problem, 'unreadable-period');
});
