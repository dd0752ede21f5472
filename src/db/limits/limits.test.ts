import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { loadConfig, ConfigError } from '../../config.ts';
import { windowAt } from '../../domain/limits.ts';
import { rateLimits } from '../schema.ts';
import { countHits, giveBackHits } from './commands.ts';

const at = (iso: string) => new Date(iso);
const hitAt = (key: string, iso: string) => {
  const window = windowAt(at(iso), 15);
  return { key, windowStart: window.start, windowEnd: window.end };
};

test('hits counted at once are each counted, once, and ended windows are cleared when a new one opens', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const { db } = database;
  const now = '2024-10-01T09:05:00Z';
  const counts = await Promise.all(
    Array.from({ length: 30 }, () => countHits(db, [hitAt('a', now), hitAt('b', now)], at(now))),
  );
  assert.deepEqual(
    counts.map((c) => c.get('a')).sort((x, y) => x! - y!),
    Array.from({ length: 30 }, (_, i) => i + 1),
    'every hit saw its own number',
  );
  await giveBackHits(db, [hitAt('a', now)]);
  assert.equal((await countHits(db, [hitAt('a', now)], at(now))).get('a'), 30);

  // Half an hour on, a new window opens for 'a'; the ended windows of both keys go.
  const later = '2024-10-01T09:35:00Z';
  assert.equal((await countHits(db, [hitAt('a', later)], at(later))).get('a'), 1);
  const rows = await db.select().from(rateLimits);
  assert.deepEqual(
    rows.map((r) => [r.key, r.hits]),
    [['a', 1]],
  );
});

test('TRUSTED_PROXIES takes addresses, CIDR ranges and proxy-addr names, and nothing else', () => {
  assert.deepEqual(loadConfig({}).TRUSTED_PROXIES, []);
  assert.deepEqual(
    loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.0.2.7,2001:db8::/32 ,loopback' }).TRUSTED_PROXIES,
    ['10.0.0.0/8', '192.0.2.7', '2001:db8::/32', 'loopback'],
  );
  for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1'])
    assert.throws(() => loadConfig({ TRUSTED_PROXIES: bad }), ConfigError, bad);
});
