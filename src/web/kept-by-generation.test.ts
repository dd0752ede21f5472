import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeptByGeneration } from './kept-by-generation.ts';

/** A generation the test answers by hand, as the database read it when each question arrived. */
function handState() {
  const asked: ((v: string) => void)[] = [];
  return {
    asked: () => asked.length,
    state: () => new Promise<string | null>((resolve) => asked.push(resolve)),
    answer: (value: string) => asked.splice(0).forEach((resolve) => resolve(value)),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the same search at the same generation is searched once; a new generation searches again', async () => {
  let value = '1';
  const cache = new KeptByGeneration<string>({ state: () => Promise.resolve(value) });
  let searches = 0;
  const search = () => Promise.resolve(`result ${++searches} at ${value}`);
  assert.equal(await cache.get('a', search), 'result 1 at 1');
  assert.equal(await cache.get('a', search), 'result 1 at 1');
  assert.equal(await cache.get('b', search), 'result 2 at 1');
  value = '2';
  assert.equal(await cache.get('a', search), 'result 3 at 2');
  // Many asking at once while it runs: one search.
  value = '3';
  const all = await Promise.all([1, 2, 3].map(() => cache.get('a', search)));
  assert.deepEqual(all, ['result 4 at 3', 'result 4 at 3', 'result 4 at 3']);
});

test('a question about the generation already on its way when a search arrives is not its answer', async () => {
  const hand = handState();
  const cache = new KeptByGeneration<string>({ state: hand.state });
  const first = cache.get('a', () => Promise.resolve('old'));
  assert.equal(hand.asked(), 1);
  // Something is written while the first question is on its way: the searches after must see it.
  const second = cache.get('a', () => Promise.resolve('new'));
  const third = cache.get('a', () => Promise.resolve('unused'));
  assert.equal(hand.asked(), 1, 'the later ones wait for a question of their own');
  hand.answer('1'); // read before the write
  await settle();
  assert.equal(hand.asked(), 1, 'one question for both that waited');
  hand.answer('2');
  assert.equal(await first, 'old');
  assert.equal(await second, 'new');
  assert.equal(await third, 'new');
});

test('nothing is kept without a generation, nor a search that failed', async () => {
  let value: string | null = null;
  const cache = new KeptByGeneration<string>({ state: () => Promise.resolve(value) });
  let searches = 0;
  const search = () => Promise.resolve(String(++searches));
  assert.equal(await cache.get('a', search), '1');
  assert.equal(await cache.get('a', search), '2');
  value = '1';
  await assert.rejects(cache.get('b', () => Promise.reject(new Error('database gone'))));
  assert.equal(await cache.get('b', search), '3');
});

test('the least recently used results go first when the cache is full', async () => {
  const cache = new KeptByGeneration<string>({ state: () => Promise.resolve('1'), maxEntries: 2 });
  let searches = 0;
  const search = () => Promise.resolve(String(++searches));
  await cache.get('a', search);
  await cache.get('b', search);
  await cache.get('a', search); // a used again, so b is the oldest
  await cache.get('c', search);
  assert.equal(await cache.get('a', search), '1');
  assert.equal(await cache.get('b', search), '4');
});
