import assert from 'node:assert/strict';
import { test } from 'node:test';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { changeHistory, sessions } from '../../db/schema.ts';
import { changeAccess } from '../../db/people/commands.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

const newPassword = 'a brand new long password';

test('changing a password needs the current one, and ends the other sessions but not this one', async (t) => {
  const { app, database } = await testApp(t);
  const user = await buildUser(database.db, 'board-member');
  const here = new TestClient(app);
  const elsewhere = new TestClient(app);
  await here.signIn(user.email, user.password);
  await elsewhere.signIn(user.email, user.password);

  await here.get('/account/password');
  const empty = await here.post('/account/password', {});
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#currentPassword">Enter your current password/);
  assert.match(empty.body, /href="#newPassword">Enter a new password/);
  const short = await here.post('/account/password', {
    currentPassword: user.password,
    newPassword: 'short',
    confirmPassword: 'short',
  });
  assert.match(short.body, /href="#newPassword">Password must be 10 characters or more/);
  const mismatch = await here.post('/account/password', {
    currentPassword: user.password,
    newPassword,
    confirmPassword: newPassword + 'x',
  });
  assert.match(mismatch.body, /href="#confirmPassword">Enter the same password twice/);
  const wrong = await here.post('/account/password', {
    currentPassword: 'not my password',
    newPassword,
    confirmPassword: newPassword,
  });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /href="#currentPassword">Your current password is not right/);
  assert.equal((await elsewhere.get('/plans')).statusCode, 200, 'nothing changed yet');

  const changed = await here.post('/account/password', {
    currentPassword: user.password,
    newPassword,
    confirmPassword: newPassword,
  });
  assert.equal(changed.statusCode, 303);
  assert.match((await here.get('/account')).body, /Your password has been changed/);
  assert.equal((await elsewhere.get('/plans')).statusCode, 302, 'the other session has ended');
  assert.equal((await database.db.select().from(sessions)).length, 1);

  const old = new TestClient(app);
  await old.get('/sign-in');
  assert.equal((await old.post('/sign-in', { email: user.email, password: user.password })).statusCode, 400);
  await old.signIn(user.email, newPassword);
  const history = await database.db.select().from(changeHistory).where(eq(changeHistory.recordId, user.id));
  assert.deepEqual(
    history.filter((h) => h.recordType === 'user').map((h) => h.after),
    [{ password: 'changed' }],
    'the change is in the history, the password is not',
  );
});

test('unknown, turned-off and wrong-password sign-ins get the same answer in about the same time', async (t) => {
  const { app, database } = await testApp(t, { SIGN_IN_LIMIT: '100' });
  const organisationId = await buildOrganisation(database.db);
  const admin = await buildUser(database.db, 'administrator', { organisationId });
  const known = await buildUser(database.db, 'viewer', { organisationId });
  const off = await buildUser(database.db, 'viewer', { organisationId });
  await changeAccess(
    database.db,
    { organisationId, userId: off.id, role: 'viewer', disabled: true },
    { userId: admin.id, name: admin.name },
  );
  const client = new TestClient(app);
  await client.get('/sign-in');
  const attempt = async (email: string, password: string) => {
    const started = performance.now();
    const response = await client.post('/sign-in', { email, password });
    return { response, ms: performance.now() - started };
  };
  await attempt('warm-up@example.gov.uk', 'x'); // the first decoy check makes the decoy hash
  const cases = {
    unknown: () => attempt('nobody@example.gov.uk', known.password),
    off: () => attempt(off.email, off.password),
    wrong: () => attempt(known.email, 'not the password'),
  };
  const times: Record<string, number[]> = { unknown: [], off: [], wrong: [] };
  const bodies = new Set<string>();
  for (let round = 0; round < 3; round++) {
    for (const [name, run] of Object.entries(cases)) {
      const { response, ms } = await run();
      assert.equal(response.statusCode, 400, name);
      bodies.add(response.body.replace(/(value|nonce)="[^"]*"/g, ''));
      times[name]!.push(ms);
    }
  }
  assert.equal(bodies.size, 1, 'the same page for all three');
  // Every case runs one argon2 check (tens of milliseconds); the median of each is within a factor
  // of the others, which a skipped check (a few milliseconds) would not be.
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[1]!;
  const medians = Object.values(times).map(median);
  assert.ok(Math.min(...medians) * 3 > Math.max(...medians), `medians ${medians.join(', ')} ms`);
});
