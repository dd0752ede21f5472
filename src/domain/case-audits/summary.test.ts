import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { caseAuditGrades, type CaseAuditGrade } from './grades.ts';
import { measurePeriodOf, nextQuarter, previousQuarter } from './quarters.ts';
import { summariseQuarter, targetFor } from './summary.ts';

const base = { planned: 12, explicitTarget: null, previousPercent: null, rise: 20, inadequateCeiling: 10 };
const many = (grade: CaseAuditGrade, n: number) => Array.from({ length: n }, () => grade);

test('a quarter’s audits: done against planned, good or better, inadequate against the ceiling', () => {
  const grades = [
    ...many('outstanding', 1),
    ...many('good', 6),
    ...many('requires-improvement', 4),
    'inadequate',
  ] as const;
  const s = summariseQuarter({ ...base, grades, previousPercent: 50 });
  assert.equal(s.audits, 12);
  assert.equal(s.goodOrBetter, 7);
  assert.equal(s.percentGoodOrBetter, 58.3);
  assert.equal(s.target, 60);
  assert.equal(s.targetSource, 'trajectory');
  assert.equal(s.metTarget, false);
  assert.equal(s.inadequate, 1);
  assert.equal(s.percentInadequate, 8.3);
  assert.equal(s.overCeiling, false);
});

test('nothing audited is no share at all, not 0%', () => {
  const s = summariseQuarter({ ...base, grades: [] });
  assert.equal(s.percentGoodOrBetter, null);
  assert.equal(s.percentInadequate, null);
  assert.equal(s.metTarget, null);
  assert.equal(s.overCeiling, null);
});

test('the target: the programme’s own first, else the last share × 1.2, never above 100', () => {
  assert.deepEqual(targetFor(65, 50, 20), { target: 65, source: 'programme' });
  assert.deepEqual(targetFor(null, 50, 20), { target: 60, source: 'trajectory' });
  assert.deepEqual(targetFor(null, 90, 20), { target: 100, source: 'trajectory' });
  assert.deepEqual(targetFor(null, null, 20), { target: null, source: null });
  fc.assert(
    fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 100 }), (p, rise) => {
      const { target } = targetFor(null, p, rise);
      return target !== null && target <= 100 && target >= Math.min(100, p) - 0.05;
    }),
  );
});

test('shares always add up: good or better and inadequate never exceed the audits', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...caseAuditGrades)), (grades) => {
      const s = summariseQuarter({ ...base, grades });
      return (
        s.goodOrBetter + s.inadequate <= s.audits &&
        (s.audits === 0 || (s.percentGoodOrBetter! >= 0 && s.percentGoodOrBetter! <= 100))
      );
    }),
  );
});

test('financial quarters step back and forward across the year, and map to calendar quarters', () => {
  assert.equal(previousQuarter('2024-25-q1').key, '2023-24-q4');
  assert.equal(previousQuarter('2024-25-q2').key, '2024-25-q1');
  assert.equal(nextQuarter('2024-25-q4').key, '2025-26-q1');
  assert.equal(measurePeriodOf('2024-25-q2'), '2024-Q3');
  assert.equal(measurePeriodOf('2024-25-q4'), '2025-Q1');
  assert.throws(() => measurePeriodOf('2024-26-q1'), RangeError);
});
