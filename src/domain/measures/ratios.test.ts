import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { percentChange, percentage, ratePer10000, ratio } from './ratios.ts';

test('percentage of a cohort', () => {
  assert.equal(percentage(83, 100), 83);
  assert.equal(percentage(0, 12), 0);
  assert.equal(percentage(5, 0), null);
  assert.equal(percentage(null, 10), null);
  assert.equal(percentage(5, undefined), null);
  assert.equal(percentage(5, -10), null, 'a negative cohort is bad data');
});

test('rate per 10,000 children, as the DfE computes it (Tameside 2022: 666 of 51,193)', () => {
  assert.equal(Math.round(ratePer10000(666, 51193)!), 130);
  assert.equal(ratePer10000(666, 0), null);
});

test('ratio: turnover is leavers ÷ in post; zero in post has no turnover', () => {
  assert.equal(ratio(50, 200), 0.25);
  assert.equal(ratio(50, 0), null);
  assert.equal(ratio(Number.NaN, 4), null);
  assert.equal(ratio(1e308, 1e-308), null, 'overflow is not a figure');
});

test('percentage change from zero is undefined, not Infinity', () => {
  assert.equal(percentChange(0, 12), null);
  assert.equal(percentChange(0, 0), null);
  assert.equal(percentChange(2159, 2474)!.toFixed(1), '14.6');
  assert.equal(percentChange(-10, -5), 50, 'a rise from a negative base is still a rise');
});

test('no input ever yields NaN or Infinity', () => {
  const anyNumber = fc.oneof(fc.double(), fc.constant(null), fc.constant(undefined), fc.constant(0));
  fc.assert(
    fc.property(anyNumber, anyNumber, (a, b) => {
      for (const result of [ratio(a, b), percentage(a, b), ratePer10000(a, b), percentChange(a, b)]) {
        assert.ok(result === null || Number.isFinite(result), `got ${result}`);
      }
    }),
  );
});
