import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '../../../test/helpers/client.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildUser } from '../../../test/helpers/builders.ts';

test('the health check answers when the app can serve', async (t) => {
  const { app } = await testApp(t);
  const response = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: 'ok' });
});

test('signing in with the right password starts a session; the wrong one says so by the field', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.get('/sign-in');
  const wrong = await client.post('/sign-in', { email: user.email, password: 'not the password' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /govuk-error-summary/);
  assert.match(wrong.body, /href="#email">Enter a correct email address and password/);
  assert.match(wrong.body, /<title>Error: Sign in/);

  const empty = await client.post('/sign-in', { email: '', password: '' });
  assert.match(empty.body, /href="#email">Enter your email address/);
  assert.match(empty.body, /href="#password">Enter your password/);

  const right = await client.post('/sign-in', { email: user.email.toUpperCase(), password: user.password });
  assert.equal(right.statusCode, 303);
  assert.equal(right.headers.location, '/');
  const plans = await client.get('/plans');
  assert.equal(plans.statusCode, 200);
  assert.match(plans.body, /Sign out/);
});

test('sign-in only returns to a path on this service', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.get('/sign-in');
  const evil = await client.post('/sign-in?returnTo=//evil.example/x', {
    email: user.email,
    password: user.password,
  });
  assert.equal(evil.headers.location, '/');
});

test('a form without the right CSRF token is refused and changes nothing', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.get('/sign-in');
  const forged = await client.post('/sign-in', {
    _csrf: 'forged-token',
    email: user.email,
    password: user.password,
  });
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /did not come from this service/);
  const missing = await client.post('/sign-in', { _csrf: null, email: user.email, password: user.password });
  assert.equal(missing.statusCode, 403);
  const plans = await client.get('/plans');
  assert.equal(plans.statusCode, 302, 'still signed out');
});

test('sign-in is rate limited per address and account', async (t) => {
  const { app, database } = await testApp(t, { SIGN_IN_LIMIT: '3' });
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.get('/sign-in');
  for (let i = 0; i < 3; i++) await client.post('/sign-in', { email: user.email, password: 'wrong' });
  const limited = await client.post('/sign-in', { email: user.email, password: user.password });
  assert.equal(limited.statusCode, 429);
  assert.match(limited.body, /tried to sign in too many times/);
});

test('signing out ends the session', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.signIn(user.email, user.password);
  await client.get('/plans');
  const out = await client.post('/sign-out', {});
  assert.equal(out.statusCode, 303);
  assert.equal((await client.get('/plans')).statusCode, 302);
});

test('pages carry security headers and the session cookie is HttpOnly, SameSite and Secure when configured', async (t) => {
  const { app, database } = await testApp(t, { SECURE_COOKIES: 'true' });
  const user = await buildUser(database.db, 'viewer');
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
  assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  const client = new TestClient(app);
  const response = await client.signIn(user.email, user.password);
  const cookie = String(response.headers['set-cookie']);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Secure/);
});

test('the account page says what the role may do', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'board-member');
  const client = new TestClient(app);
  await client.signIn(user.email, user.password);
  const page = await client.get('/account');
  assert.match(page.body, /Board member/);
  assert.match(page.body, /comment/);
});

test('the accessibility statement and the API description are open to everyone', async (t) => {
  const { app } = await testApp(t);
  const statement = await app.inject({ method: 'GET', url: '/accessibility' });
  assert.equal(statement.statusCode, 200);
  assert.match(statement.body, /WCAG\) version 2.2 AA/);
  const openapi = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(openapi.statusCode, 200);
  const document = openapi.json<{ openapi: string; paths: Record<string, unknown> }>();
  assert.equal(document.openapi, '3.0.3');
  for (const path of [
    '/api/v1/plans',
    '/api/v1/plans/{planId}/priorities',
    '/api/v1/commitments/{commitmentId}/outcomes',
  ]) {
    assert.ok(document.paths[path], `${path} is documented`);
  }
});
