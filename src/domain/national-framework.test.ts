import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  groupByOutcome,
  inheritedOutcome,
  outcomeAndSource,
  readOutcomeFilter,
} from './national-framework.ts';

test('a commitment is read under its own tag, else its improvement area’s, else its priority’s', () => {
  assert.equal(inheritedOutcome('safe', 'workforce', 'leaders'), 'safe');
  assert.equal(inheritedOutcome(null, 'workforce', 'leaders'), 'workforce');
  assert.equal(inheritedOutcome(null, undefined, 'leaders'), 'leaders');
  assert.equal(inheritedOutcome(null, null, null), null);
  assert.deepEqual(outcomeAndSource(null, null, 'leaders'), { tag: 'leaders', from: 'priority' });
  assert.deepEqual(outcomeAndSource(null, null, null), { tag: null, from: null });
});

test('the outcome filter takes only the framework’s keys', () => {
  assert.equal(readOutcomeFilter('stable-homes'), 'stable-homes');
  assert.equal(readOutcomeFilter('Stable homes'), undefined);
  assert.equal(readOutcomeFilter(undefined), undefined);
  assert.equal(readOutcomeFilter(['safe']), undefined);
});

test('grouping follows the framework’s order, untagged last, empty groups left out', () => {
  const items = [
    { n: 1, o: 'workforce' as const },
    { n: 2, o: null },
    { n: 3, o: 'stay-together' as const },
    { n: 4, o: 'workforce' as const },
  ];
  const groups = groupByOutcome(items, (i) => i.o);
  assert.deepEqual(
    groups.map((g) => [g.outcome, g.items.map((i) => i.n)]),
    [
      ['stay-together', [3]],
      ['workforce', [1, 4]],
      [null, [2]],
    ],
  );
});
