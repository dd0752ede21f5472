import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedMonths, needsFigures, staleness } from './staleness.ts';

test('a monthly figure is current for two months after its month, then stale', () => {
  const august = { frequency: 'monthly', latestPeriod: '2024-08' } as const;
  assert.equal(allowedMonths('monthly'), 2);
  assert.equal(staleness(august, '2024-09-15'), 'current');
  assert.equal(staleness(august, '2024-10-31'), 'current');
  assert.equal(staleness(august, '2024-11-01'), 'stale');
});

test('a quarterly figure goes stale two quarters after its quarter ends', () => {
  const q2 = { frequency: 'quarterly', latestPeriod: '2024-Q2' } as const;
  assert.equal(staleness(q2, '2024-12-31'), 'current');
  assert.equal(staleness(q2, '2025-01-01'), 'stale');
});

test('an annual figure goes stale two years after its reporting year ends', () => {
  // The year to March 2023.
  const year = { frequency: 'annual', yearEnding: 3, latestPeriod: '2023' } as const;
  assert.equal(staleness(year, '2025-03-31'), 'current');
  assert.equal(staleness(year, '2025-04-01'), 'stale');
  const calendar = { frequency: 'annual', yearEnding: null, latestPeriod: '2023' } as const;
  assert.equal(staleness(calendar, '2025-12-31'), 'current');
  assert.equal(staleness(calendar, '2026-01-01'), 'stale');
});

test('no figure at all needs figures; a period in another shape is not guessed at', () => {
  assert.equal(staleness({ frequency: 'monthly', latestPeriod: null }, '2024-10-01'), 'no-figures');
  assert.equal(needsFigures({ frequency: 'monthly', latestPeriod: null }, '2024-10-01'), true);
  assert.equal(staleness({ frequency: 'monthly', latestPeriod: '2024-08-31' }, '2026-10-01'), 'unknown');
  assert.equal(needsFigures({ frequency: 'monthly', latestPeriod: '2024-08-31' }, '2026-10-01'), false);
  assert.equal(needsFigures({ frequency: 'monthly', latestPeriod: '2024-09' }, '2024-10-01'), false);
});
