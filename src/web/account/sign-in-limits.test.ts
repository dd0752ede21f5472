import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { manualClock } from '../../domain/clock.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildUser } from '../../../test/helpers/builders.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';

/*
 * Issue 14: the sign-in limit never applied per account (it ran before the body was read), counted
 * successful sign-ins, believed any X-Forwarded-For in production and kept its counts per process.
 * Every test here failed on that code.
 */

const wrong = 'not the password';
const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-test-session-secret-that-is-long-enough-123',
};

async function signInPage(client: TestClient) {
  assert.equal((await client.get('/sign-in')).statusCode, 200);
  return client;
}

test('the limit is per account: one account’s wrong passwords do not lock out another at the same address', async (t) => {
  const { app, database } = await testApp(t, { SIGN_IN_LIMIT: '3' });
  const locked = await buildUser(database.db, 'viewer');
  const other = await buildUser(database.db, 'viewer');
  const client = await signInPage(new TestClient(app));
  for (let i = 0; i < 3; i++)
    assert.equal((await client.post('/sign-in', { email: locked.email, password: wrong })).statusCode, 400);
  // However the address is written, it is the same account; even the right password is refused now.
  const refused = await client.post('/sign-in', {
    email: ` ${locked.email.toUpperCase()}`,
    password: locked.password,
  });
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /<h1 class="govuk-heading-l">Too many attempts<\/h1>/);
  assert.match(refused.body, /tried to sign in too many times/);
  assert.match(refused.body, /Try again after \d{1,2}(:\d\d)?(am|pm)|Try again after (midday|midnight)/);
  const wait = Number(refused.headers['retry-after']);
  assert.ok(wait >= 1 && wait <= 15 * 60, `Retry-After ${String(refused.headers['retry-after'])}`);

  const fresh = await signInPage(new TestClient(app));
  assert.equal(
    (await fresh.post('/sign-in', { email: other.email, password: other.password })).statusCode,
    303,
  );
});

test('signing in successfully does not use up the allowance', async (t) => {
  const { app, database } = await testApp(t, { SIGN_IN_LIMIT: '3' });
  const user = await buildUser(database.db, 'viewer');
  for (let i = 0; i < 6; i++) {
    const client = await signInPage(new TestClient(app));
    assert.equal(
      (await client.post('/sign-in', { email: user.email, password: user.password })).statusCode,
      303,
    );
  }
  const client = await signInPage(new TestClient(app));
  const codes = [];
  for (let i = 0; i < 4; i++)
    codes.push((await client.post('/sign-in', { email: user.email, password: wrong })).statusCode);
  assert.deepEqual(codes, [400, 400, 400, 429]);
});

test('an untrusted peer’s rotating X-Forwarded-For does not change its address, in production too', async (t) => {
  const { app, database } = await testApp(t, { ...production, SIGN_IN_ADDRESS_LIMIT: '3' });
  const client = await signInPage(new TestClient(app));
  const codes = [];
  for (let i = 0; i < 5; i++) {
    const user = await buildUser(database.db, 'viewer');
    const response = await client.post(
      '/sign-in',
      { email: user.email, password: wrong },
      { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } },
    );
    codes.push(response.statusCode);
  }
  assert.deepEqual(codes, [400, 400, 400, 429, 429]);
});

test('behind a proxy named in TRUSTED_PROXIES the forwarded address is the client’s', async (t) => {
  const { app, database } = await testApp(t, {
    TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7',
    SIGN_IN_ADDRESS_LIMIT: '3',
  });
  const client = await signInPage(new TestClient(app));
  const attempt = async (forwardedFor: string, remoteAddress: string) => {
    const user = await buildUser(database.db, 'viewer');
    const response = await client.post(
      '/sign-in',
      { email: user.email, password: wrong },
      { headers: { 'x-forwarded-for': forwardedFor }, remoteAddress },
    );
    return response.statusCode;
  };
  // Through the trusted proxy, five clients: none is limited.
  const rotating = [];
  for (let i = 0; i < 5; i++) rotating.push(await attempt(`198.51.100.${i + 1}`, '10.1.2.3'));
  assert.deepEqual(rotating, [400, 400, 400, 400, 400]);
  // One client through either proxy is one address.
  const one = [];
  for (let i = 0; i < 4; i++) one.push(await attempt('203.0.113.5', i % 2 ? '10.1.2.3' : '192.0.2.7'));
  assert.deepEqual(one, [400, 400, 400, 429]);
  // A peer not named is its own address, whatever it forwards.
  const untrusted = [];
  for (let i = 0; i < 4; i++) untrusted.push(await attempt(`198.51.100.${i + 50}`, '192.0.2.99'));
  assert.deepEqual(untrusted, [400, 400, 400, 429]);
});

test('60 sign-ins for one account through two instances on one database, from rotating addresses, stop at the limit', async (t) => {
  const clock = manualClock(new Date(`${suiteDate}T09:00:00Z`));
  const sessionKey = randomBytes(32);
  // The instances believe the forwarded address (127.0.0.1 is the test's proxy), so only the
  // account's own count can stop the guesses.
  const first = await testApp(t, { TRUSTED_PROXIES: '127.0.0.1' }, { clock, sessionKey });
  const second = await buildApp({
    config: first.app.config,
    db: first.database.db,
    clock,
    sessionKey,
    logger: false,
  });
  t.after(() => second.close());
  const user = await buildUser(first.database.db, 'viewer');
  const clients = [await signInPage(new TestClient(first.app)), await signInPage(new TestClient(second))];
  const limit = first.app.config.SIGN_IN_LIMIT;
  const codes = [];
  for (let i = 0; i < 60; i++) {
    const response = await clients[i % 2]!.post(
      '/sign-in',
      { email: user.email, password: i === 59 ? user.password : `guess ${i}` },
      { headers: { 'x-forwarded-for': `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}` } },
    );
    codes.push(response.statusCode);
  }
  assert.deepEqual(codes, [...Array<number>(limit).fill(400), ...Array<number>(60 - limit).fill(429)]);

  // When the window has passed, the right password works again, on either instance.
  clock.advance(15 * 60 * 1000);
  const again = await clients[1]!.post('/sign-in', { email: user.email, password: user.password });
  assert.equal(again.statusCode, 303);
});

test('wrong passwords sent at once to two instances are counted one by one: exactly the limit are checked', async (t) => {
  const sessionKey = randomBytes(32);
  const first = await testApp(t, { SIGN_IN_LIMIT: '5' }, { sessionKey });
  const second = await buildApp({
    config: first.app.config,
    db: first.database.db,
    clock: first.app.clock,
    sessionKey,
    logger: false,
  });
  t.after(() => second.close());
  const user = await buildUser(first.database.db, 'viewer');
  const clients = [await signInPage(new TestClient(first.app)), await signInPage(new TestClient(second))];
  const sent = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      clients[i % 2]!.post('/sign-in', { email: user.email, password: wrong }),
    ),
  );
  const codes = sent.map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 400).length, 5, codes.join(' '));
  assert.equal(codes.filter((c) => c === 429).length, 25, codes.join(' '));
});

test('asking for reset links is limited by the address asked about, whether or not it has an account', async (t) => {
  const { app, database } = await testApp(t, { PASSWORD_RESET_LIMIT: '2' });
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.get('/account/reset');
  const asks = async (email: string) => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await client.post('/account/reset', { email })).statusCode);
    return codes;
  };
  assert.deepEqual(await asks(user.email), [200, 200, 429]);
  assert.deepEqual(await asks('nobody@example.gov.uk'), [200, 200, 429]);
  const refused = await client.post('/account/reset', { email: user.email });
  assert.match(refused.body, /asked for a password reset link too many times/);
  assert.ok(Number(refused.headers['retry-after']) >= 1);
});
