import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basisText, median, neighbourAverage, standingAmong, standingText } from './neighbours.ts';

test('the median and mean of the neighbours with a figure, missing ones left out', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
  assert.deepEqual(neighbourAverage('median', [66, null, 70, 57]), { value: 66, count: 3 });
  assert.deepEqual(neighbourAverage('mean', [60, null, 70]), { value: 65, count: 2 });
  assert.equal(
    basisText({ model: '2025', average: 'median', count: 9, of: 10 }),
    'DfE 2025 model, median of 9 of 10',
  );
  assert.equal(
    basisText({ model: null, average: 'mean', count: 3, of: null }),
    'councils in the file, mean of 3',
  );
});

test('rank and quartile among all councils follow polarity, and need (nearly) every council', () => {
  const all = Array.from({ length: 152 }, (_, i) => i + 1);
  assert.equal(standingAmong('higher-is-better', 150, all.slice(0, 100)), null);
  const high = standingAmong('higher-is-better', 150, all);
  assert.deepEqual(high, { rank: 3, of: 152, quartile: 1, order: 'best-first' });
  assert.deepEqual(standingAmong('lower-is-better', 150, all), {
    rank: 150,
    of: 152,
    quartile: 4,
    order: 'best-first',
  });
  assert.equal(standingAmong('context', 150, all)?.order, 'highest-first');
  // Councils with the same figure share a rank.
  assert.equal(
    standingAmong('higher-is-better', 5, [...all, 5])?.rank,
    standingAmong('higher-is-better', 5, all)?.rank,
  );
  assert.equal(standingText(high), '3rd of 152 councils, best first (top quarter)');
});
