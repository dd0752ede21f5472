import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { withdrawPublication } from '../../db/publishing/commands.ts';
import { systemActor } from '../../domain/changes.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';
import { PublicPageCache, type PublicResponse } from './page-cache.ts';

test('a public page carries a strong ETag, and a matching If-None-Match gets 304 with no body', async (t) => {
  const { app, database } = await testApp(t);
  await buildPublishedCouncil(database.db);
  const first = await app.inject({ url: paths.public.home() });
  assert.equal(first.statusCode, 200);
  const etag = first.headers.etag as string;
  assert.match(etag, /^"[\w-]+"$/, 'strong, not W/');
  assert.equal(first.headers['cache-control'], 'public, max-age=60, must-revalidate');
  assert.match(String(first.headers.vary), /accept-encoding/i);
  assert.equal(first.headers['set-cookie'], undefined, 'no session cookie, so a CDN may keep it');

  const again = await app.inject({ url: paths.public.home(), headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal(again.headers.etag, etag);
  const other = await app.inject({
    url: paths.public.home(),
    headers: { 'if-none-match': '"something-else"' },
  });
  assert.equal(other.statusCode, 200);
  assert.equal(other.body, first.body);
});

test('Brotli or gzip as the browser asks, each with its own ETag, decoding to the same page', async (t) => {
  const { app, database } = await testApp(t);
  await buildPublishedCouncil(database.db);
  const plain = await app.inject({ url: paths.public.home() });
  const br = await app.inject({
    url: paths.public.home(),
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  const gz = await app.inject({
    url: paths.public.home(),
    headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
  });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, 'compressed');
  assert.equal(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size, 3);
  // Any of a page's tags is the same page: a CDN that stored the gzip copy revalidates with its tag.
  const revalidated = await app.inject({
    url: paths.public.home(),
    headers: { 'if-none-match': String(gz.headers.etag), 'accept-encoding': 'br' },
  });
  assert.equal(revalidated.statusCode, 304);
});

test('a kept page allows its own inline script and style by hash, and no nonce', async (t) => {
  const { app, database } = await testApp(t);
  await buildPublishedCouncil(database.db);
  for (let i = 0; i < 2; i++) {
    const response = await app.inject({ url: paths.public.childFriendly() });
    const policy = String(response.headers['content-security-policy']);
    assert.doesNotMatch(policy, /nonce-/);
    assert.doesNotMatch(response.body, /nonce=/);
    const script = /<script>([\s\S]*?)<\/script>/.exec(response.body)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src'))!;
    assert.ok(scriptSrc.includes(`'sha256-${hash}'`), scriptSrc);
    assert.match(policy, /frame-ancestors 'none'/, 'the rest of the policy as Helmet wrote it');
  }
});

test('withdrawing a publication changes the page at the next request, and open data and the feed with it', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const urls = [
    paths.public.home(),
    paths.public.planJson(),
    paths.public.progressCsv(),
    paths.public.feed(),
  ];
  const before = await Promise.all(urls.map((url) => app.inject({ url })));
  await withdrawPublication(database.db, {
    organisationId: world.organisationId,
    publicationId: world.publication.id,
    reason: 'A child could be recognised',
    actor: systemActor('Test'),
    withdrawnAt: new Date('2024-09-30T12:00:00Z'),
  });
  const after = await Promise.all(
    urls.map((url, i) => app.inject({ url, headers: { 'if-none-match': String(before[i]!.headers.etag) } })),
  );
  for (const [i, response] of after.entries()) {
    assert.notEqual(response.statusCode, 304, urls[i]);
    assert.notEqual(response.headers.etag, before[i]!.headers.etag, urls[i]);
  }
});

/** The cache on its own, with a state and a monotonic clock the test moves. */
function harness(freshForMs: number) {
  const world = { state: 'a', now: 0, renders: 0, stateReads: 0 };
  const cache = new PublicPageCache({
    siteState: () => {
      world.stateReads++;
      return Promise.resolve(world.state);
    },
    freshForMs,
    monotonicMs: () => world.now,
    maxEntries: 2,
  });
  const app = Fastify();
  const render = (): Promise<PublicResponse> => {
    world.renders++;
    return new Promise((resolve) =>
      setImmediate(() => resolve({ type: 'text/plain', body: `state ${world.state}` })),
    );
  };
  app.get('/:page', (request, reply) =>
    cache.serve(request, reply, (request.params as { page: string }).page, render),
  );
  app.get('/missing', (request, reply) =>
    cache.serve(request, reply, 'missing', () => {
      world.renders++;
      return Promise.reject(new Error('no such page'));
    }),
  );
  return { world, cache, app };
}

test('within the interval the state is asked once; after it, or after forgetState, the new state is seen', async () => {
  const { world, cache, app } = harness(1000);
  assert.equal((await app.inject({ url: '/one' })).body, 'state a');
  world.state = 'b';
  world.now = 999;
  assert.equal((await app.inject({ url: '/one' })).body, 'state a', 'another instance’s write, not yet seen');
  assert.equal(world.stateReads, 1);
  world.now = 1000;
  assert.equal((await app.inject({ url: '/one' })).body, 'state b');
  world.state = 'c';
  cache.forgetState();
  assert.equal((await app.inject({ url: '/one' })).body, 'state c', 'a write on this instance: at once');
});

test('many visitors at once share one rendering; a failed page is not kept; only the most recent pages are kept', async () => {
  const { world, app } = harness(1000);
  const answers = await Promise.all(Array.from({ length: 20 }, () => app.inject({ url: '/one' })));
  assert.ok(answers.every((a) => a.body === 'state a'));
  assert.equal(world.renders, 1);

  assert.equal((await app.inject({ url: '/missing' })).statusCode, 500);
  assert.equal((await app.inject({ url: '/missing' })).statusCode, 500);
  assert.equal(world.renders, 3, 'rendered again each time, never kept');

  await app.inject({ url: '/two' });
  await app.inject({ url: '/three' });
  const rendersBefore: number = world.renders;
  await app.inject({ url: '/one' });
  assert.equal(world.renders, rendersBefore + 1, 'the oldest page was let go when the third came');
});
