import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { manualClock } from '../../domain/clock.ts';
import { formatDate } from '../../domain/format.ts';
import { createApiToken } from '../../db/people/commands.ts';
import { users } from '../../db/schema.ts';
import { authorize } from '../auth.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

const day = 24 * 60 * 60 * 1000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

// The API has no write routes yet; this stands in for the first, to pin the rule they will meet.
const writeRoute = (app: FastifyInstance) => {
  app.post('/api/v1/test-write', (request, reply) => {
    authorize(request, reply, 'read', { type: 'plan' });
    return { written: true };
  });
  return Promise.resolve();
};

test('a person creates a token, sees it once, lists it and revokes it; a revoked token gets 401', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.signIn(user.email, user.password);
  const page = await client.get('/account/tokens');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /You have no API tokens/);
  const bad = await client.post('/account/tokens', { name: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#name">Enter a name for the token/);
  assert.match(bad.body, /href="#scope">Select what the token may do/);
  const created = await client.post('/account/tokens', {
    name: 'Figures upload',
    scope: 'read',
    expiresInDays: '30',
  });
  assert.equal(created.statusCode, 200);
  const token = /<code>(wsd_[^<]+)<\/code>/.exec(created.body)![1]!;
  const expires = formatDate(new Date(app.clock.now().getTime() + 30 * day));
  assert.match(created.body, new RegExp(`It expires on ${expires}`));

  const list = await client.get('/account/tokens');
  assert.match(list.body, /Figures upload/);
  assert.doesNotMatch(list.body, new RegExp(token), 'shown once only');
  assert.match(list.body, /Never/);
  assert.equal((await app.inject({ url: '/api/v1/plans', headers: bearer(token) })).statusCode, 200);
  assert.doesNotMatch((await client.get('/account/tokens')).body, /Never/, 'last used is noted');

  const id = /\/account\/tokens\/(\d+)\/revoke/.exec(list.body)![1]!;
  const stranger = await buildUser(database.db, 'viewer', { organisationId: user.organisationId });
  const other = new TestClient(app);
  await other.signIn(stranger.email, stranger.password);
  await other.get('/account/tokens');
  assert.equal((await other.post(`/account/tokens/${id}/revoke`, {})).statusCode, 404, 'not theirs');
  assert.equal((await client.post(`/account/tokens/${id}/revoke`, {})).statusCode, 303);
  assert.match((await client.get('/account/tokens')).body, /API token revoked[\s\S]*Revoked/);
  const revoked = await app.inject({ url: '/api/v1/plans', headers: bearer(token) });
  assert.equal(revoked.statusCode, 401);
  assert.equal(revoked.json<{ status: number }>().status, 401);
});

test('a token is never a session: an administrator’s token cannot add an administrator', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const admin = await buildUser(database.db, 'administrator', { organisationId });
  const expiresAt = new Date(Date.parse(`${suiteDate}T00:00:00Z`) + 30 * day);
  const token = (await createApiToken(database.db, admin.id, { name: 'Admin', scope: 'write', expiresAt }))!;
  const form = await app.inject({
    method: 'POST',
    url: '/users/new',
    headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'name=Mallory&email=mallory%40example.gov.uk&role=administrator',
  });
  assert.equal(form.statusCode, 401);
  assert.match(form.json<{ detail: string }>().detail, /accepted only by the API/);
  const added = await database.db.select().from(users).where(eq(users.email, 'mallory@example.gov.uk'));
  assert.equal(added.length, 0);
  const htmlPage = await app.inject({ url: '/users', headers: bearer(token) });
  assert.equal(htmlPage.statusCode, 401, 'nor a page');
});

test('a read token may not write; expired tokens get 401', async (t) => {
  const clock = manualClock(new Date(`${suiteDate}T09:00:00Z`));
  const { app, database } = await testApp(t, {}, { clock, extra: writeRoute });
  const user = await buildUser(database.db, 'programme-manager');
  const inAWeek = new Date(clock.now().getTime() + 7 * day);
  const read = (await createApiToken(database.db, user.id, {
    name: 'R',
    scope: 'read',
    expiresAt: inAWeek,
  }))!;
  const write = (await createApiToken(database.db, user.id, {
    name: 'W',
    scope: 'write',
    expiresAt: inAWeek,
  }))!;
  const post = (token: string) =>
    app.inject({ method: 'POST', url: '/api/v1/test-write', headers: bearer(token), payload: {} });
  const refused = await post(read);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json<{ detail: string }>().detail, /may only read/);
  assert.equal((await app.inject({ url: '/api/v1/plans', headers: bearer(read) })).statusCode, 200);
  const written = await post(write);
  assert.equal(written.statusCode, 200, 'a write token needs no CSRF token: it is not a cookie');
  assert.deepEqual(written.json(), { written: true });

  clock.advance(7 * day);
  assert.equal((await app.inject({ url: '/api/v1/plans', headers: bearer(read) })).statusCode, 401);
  assert.equal((await post(write)).statusCode, 401);
});

test('wrong API tokens from one address are limited, in the database, then even a right one waits', async (t) => {
  const clock = manualClock(new Date(`${suiteDate}T09:00:00Z`));
  const { app, database } = await testApp(t, { API_TOKEN_FAILURE_LIMIT: '3' }, { clock });
  const user = await buildUser(database.db, 'viewer');
  const expiresAt = new Date(clock.now().getTime() + 30 * day);
  const token = (await createApiToken(database.db, user.id, { name: 'Mine', scope: 'read', expiresAt }))!;
  const ask = (value: string) => app.inject({ url: '/api/v1/plans', headers: bearer(value) });
  assert.equal((await ask(token)).statusCode, 200, 'a right token never counts');
  for (let i = 0; i < 2; i += 1) assert.equal((await ask(`wsd_wrong${i}`)).statusCode, 401);
  const third = await ask('wsd_wrong2');
  assert.equal(third.statusCode, 429);
  assert.ok(Number(third.headers['retry-after']) > 0);
  assert.match(third.json<{ detail: string }>().detail, /Too many requests with a wrong API token/);
  assert.equal((await ask(token)).statusCode, 429, 'past the allowance a right token waits too');
  clock.advance(16 * 60 * 1000);
  assert.equal((await ask(token)).statusCode, 200, 'a new window, a new allowance');
});
