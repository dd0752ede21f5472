import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { auditGradeObservation, summariseAuditGrades } from './audit-grades.ts';

test('% good or better counts outstanding and good', () => {
  const summary = summariseAuditGrades({ outstanding: 2, good: 10, requiresImprovement: 6, inadequate: 2 });
  assert.equal(summary.total, 20);
  assert.equal(summary.goodOrBetter, 12);
  assert.equal(summary.percentGoodOrBetter, 60);
  assert.deepEqual(summary.shares, { outstanding: 10, good: 50, requiresImprovement: 30, inadequate: 10 });
});

test('no audits graded: no percentage, not 0%', () => {
  const summary = summariseAuditGrades({ outstanding: 0, good: 0, requiresImprovement: 0, inadequate: 0 });
  assert.equal(summary.percentGoodOrBetter, null);
  assert.equal(summary.shares.good, null);
});

test('counts must be whole numbers, 0 or more', () => {
  assert.throws(
    () => summariseAuditGrades({ outstanding: -1, good: 0, requiresImprovement: 0, inadequate: 0 }),
    RangeError,
  );
  assert.throws(
    () => summariseAuditGrades({ outstanding: 0, good: 1.5, requiresImprovement: 0, inadequate: 0 }),
    RangeError,
  );
});

test('a month of audits becomes an observation that keeps its cohort', () => {
  assert.deepEqual(
    auditGradeObservation('2024-07', { outstanding: 1, good: 3, requiresImprovement: 4, inadequate: 0 }),
    {
      period: '2024-07',
      value: 50,
      numerator: 4,
      denominator: 8,
    },
  );
});

test('property: the percentage is between 0 and 100 and the shares add up to 100', () => {
  const n = fc.nat({ max: 500 });
  fc.assert(
    fc.property(n, n, n, n, (outstanding, good, requiresImprovement, inadequate) => {
      const s = summariseAuditGrades({ outstanding, good, requiresImprovement, inadequate });
      if (s.total === 0) return assert.equal(s.percentGoodOrBetter, null);
      assert.ok(s.percentGoodOrBetter! >= 0 && s.percentGoodOrBetter! <= 100);
      const sum = Object.values(s.shares).reduce<number>((a, b) => a + b!, 0);
      assert.ok(Math.abs(sum - 100) < 1e-9);
    }),
  );
});
