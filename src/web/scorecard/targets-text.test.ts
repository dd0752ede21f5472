import assert from 'node:assert/strict';
import { test } from 'node:test';
import { targetFor } from '../../domain/measures/index.ts';
import { readTargets, targetsText } from './targets-text.ts';

test('targets over time are read from lines: fixed targets and trajectories, and written back the same way', () => {
  const text = '2024-04 90\n2025-Q1 50 +20% a quarter until 100';
  const monthly = readTargets('2024-04 90\n2025-01 95', 'monthly');
  assert.deepEqual(monthly, {
    ok: true,
    targets: [
      { from: '2024-04', target: 90 },
      { from: '2025-01', target: 95 },
    ],
  });
  const quarterly = readTargets(text.replace('2024-04', '2024-Q2'), 'quarterly');
  assert.ok(quarterly.ok);
  assert.deepEqual(quarterly.targets[1], {
    from: '2025-Q1',
    baseline: 50,
    change: 20,
    changeKind: 'percent',
    every: 'quarter',
    limit: 100,
  });
  assert.equal(targetsText(quarterly.targets), '2024-Q2 90\n2025-Q1 50 +20% a quarter until 100');
  // The target the rules then apply: the trajectory two quarters on is 50 × 1.2 × 1.2 (or +20% of baseline each step).
  const measure = {
    name: 'Audits good or better',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    targets: quarterly.targets,
  } as const;
  assert.equal(targetFor(measure, '2024-Q3'), 90);
  assert.ok((targetFor(measure, '2025-Q3') ?? 0) > 50);
});

test('a line that is not a period and a target is refused with its line number', () => {
  assert.deepEqual(readTargets('2024-04 90\nninety from April', 'monthly'), {
    ok: false,
    message:
      'Line 2 of targets over time must be a period and a target, such as “2024-04 90” or “2024-04 50 +20% a quarter”',
  });
  assert.deepEqual(readTargets('2024-Q1 90', 'monthly'), {
    ok: false,
    message: 'Line 1 of targets over time must start with a month such as 2024-04',
  });
});
