import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { manualClock } from '../../domain/clock.ts';
import { sessions } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

const minute = 60 * 1000;
const startOfDay = () => manualClock(new Date(`${suiteDate}T09:00:00Z`));

test('a copied session cookie stops working once that session signs out', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.signIn(user.email, user.password);
  const copied = client.cookieHeader;
  const before = await app.inject({ url: '/plans', headers: { cookie: copied } });
  assert.equal(before.statusCode, 200, 'the copy works while the session is open');
  await client.get('/sign-out');
  assert.equal((await client.post('/sign-out', {})).statusCode, 303);
  const after = await app.inject({ url: '/plans', headers: { cookie: copied } });
  assert.equal(after.statusCode, 302);
  assert.match(String(after.headers.location), /^\/sign-in/);
  assert.equal((await database.db.select().from(sessions)).length, 0, 'the session row is gone');
});

test('an account turned off is signed out on its very next request', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const admin = await buildUser(database.db, 'administrator', { organisationId });
  const viewer = await buildUser(database.db, 'viewer', { organisationId });
  const them = new TestClient(app);
  await them.signIn(viewer.email, viewer.password);
  assert.equal((await them.get('/plans')).statusCode, 200);
  const client = new TestClient(app);
  await client.signIn(admin.email, admin.password);
  await client.get('/users');
  await client.post(`/users/${viewer.id}`, { role: 'viewer', disabled: 'yes' });
  assert.equal((await them.get('/plans')).statusCode, 302);
  const left = await database.db.select().from(sessions).where(eq(sessions.userId, viewer.id));
  assert.equal(left.length, 0);
});

test('a session ends after the idle time, and at its absolute lifetime however busy', async (t) => {
  const clock = startOfDay();
  const { app, database } = await testApp(
    t,
    { SESSION_IDLE_MINUTES: '30', SESSION_LIFETIME_HOURS: '1' },
    { clock },
  );
  const user = await buildUser(database.db, 'viewer');
  const idle = new TestClient(app);
  await idle.signIn(user.email, user.password);
  clock.advance(29 * minute);
  assert.equal((await idle.get('/plans')).statusCode, 200, 'used within 30 minutes');
  clock.advance(31 * minute);
  assert.equal((await idle.get('/plans')).statusCode, 302, '31 minutes unused');

  const busy = new TestClient(app);
  await busy.signIn(user.email, user.password);
  for (let i = 0; i < 2; i++) {
    clock.advance(25 * minute);
    assert.equal((await busy.get('/plans')).statusCode, 200);
  }
  clock.advance(10 * minute);
  assert.equal((await busy.get('/plans')).statusCode, 302, 'an hour after sign-in');
});

test('last seen is written at most once a minute', async (t) => {
  const clock = startOfDay();
  const { app, database } = await testApp(t, {}, { clock });
  const user = await buildUser(database.db, 'viewer');
  const client = new TestClient(app);
  await client.signIn(user.email, user.password);
  const lastSeen = async () => (await database.db.select().from(sessions))[0]!.lastSeenAt.getTime();
  const started = await lastSeen();
  clock.advance(30 * 1000);
  await client.get('/plans');
  assert.equal(await lastSeen(), started, 'not rewritten within the minute');
  clock.advance(31 * 1000);
  await client.get('/plans');
  assert.equal(await lastSeen(), started + 61 * 1000);
});

test('a person sees their sessions and ends one, or all the others', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const user = await buildUser(database.db, 'sponsor', { organisationId });
  const other = await buildUser(database.db, 'viewer', { organisationId });
  const here = new TestClient(app);
  const phone = new TestClient(app);
  const laptop = new TestClient(app);
  for (const client of [here, phone, laptop]) await client.signIn(user.email, user.password);
  const stranger = new TestClient(app);
  await stranger.signIn(other.email, other.password);
  const rows = await database.db.select().from(sessions).orderBy(asc(sessions.id));
  const [, phoneSession, , strangerSession] = rows;

  const page = await here.get('/account/sessions');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 class="govuk-heading-l">Where you are signed in<\/h1>/);
  assert.equal(
    (page.body.match(/<tr class="govuk-table__row">/g) ?? []).length,
    4,
    'a header and 3 sessions',
  );
  assert.equal((page.body.match(/This session/g) ?? []).length, 1);
  assert.doesNotMatch(page.body, new RegExp(`/account/sessions/${strangerSession!.id}/end`));

  const notTheirs = await here.post(`/account/sessions/${strangerSession!.id}/end`, {});
  assert.equal(notTheirs.statusCode, 404, 'someone else’s session is not found');
  assert.equal((await stranger.get('/plans')).statusCode, 200);

  await here.get('/account/sessions');
  const ended = await here.post(`/account/sessions/${phoneSession!.id}/end`, {});
  assert.equal(ended.statusCode, 303);
  assert.equal((await phone.get('/plans')).statusCode, 302);
  assert.equal((await laptop.get('/plans')).statusCode, 200);
  assert.match((await here.get('/account/sessions')).body, /Session ended/);

  const others = await here.post('/account/sessions/end-others', {});
  assert.equal(others.statusCode, 303);
  assert.equal((await laptop.get('/plans')).statusCode, 302);
  assert.match((await here.get('/account/sessions')).body, /signed out of 1 other session/);
  assert.equal((await stranger.get('/plans')).statusCode, 200, 'other people keep theirs');

  const forged = await here.post('/account/sessions/end-others', { _csrf: 'forged' });
  assert.equal(forged.statusCode, 403, 'the forms carry CSRF tokens');
});
