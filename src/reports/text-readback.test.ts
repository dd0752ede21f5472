import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findOutOfOrder, normaliseSpace } from './text-readback.ts';

test('findOutOfOrder accepts text in order, across line breaks', () => {
  assert.equal(
    findOutOfOrder('Cover\nSummary of\nprogress  here\nNext', ['Cover', 'Summary of progress', 'Next']),
    undefined,
  );
});

test('findOutOfOrder names the first string out of order or missing', () => {
  assert.deepEqual(findOutOfOrder('B then A', ['A', 'B']), { missing: 'B', after: 'A' });
  assert.deepEqual(findOutOfOrder('A', ['C']), { missing: 'C', after: undefined });
});

test('normaliseSpace collapses all white space', () => {
  assert.equal(normaliseSpace('  a\n\n b\tc '), 'a b c');
});
