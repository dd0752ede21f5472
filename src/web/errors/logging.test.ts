import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';
import { paths } from '../paths.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';

interface Entry {
  level: number;
  msg: string;
  err?: unknown;
  status?: number;
}

/** An app logging at info into a list the test reads. */
async function loggedApp(t: TestContext) {
  const database = await testDatabase();
  const logged: Entry[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line) as Entry);
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: '.cache/test-data',
    WESAID_TODAY: suiteDate,
  });
  const app = await buildApp({ config, db: database.db, sessionKey: randomBytes(32), logStream });
  t.after(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, logged };
}

// A signed-out visit is an everyday event: it is sent to sign in and logged at info, without a stack.
test('a signed-out visit to a staff page is sent to sign in and logs nothing at warning or above', async (t) => {
  const { app, logged } = await loggedApp(t);

  for (const url of [paths.plans(), paths.plan(1), paths.users()]) {
    const response = await app.inject({ url });
    assert.equal(response.statusCode, 302, url);
    assert.equal(response.headers.location, paths.signIn({ returnTo: url }));
  }
  assert.equal((await app.inject({ url: '/api/v1/plans' })).statusCode, 401);

  const loud = logged.filter((entry) => entry.level >= 40);
  assert.deepEqual(loud, []);
  assert.ok(logged.some((entry) => entry.msg === 'sign-in needed' && entry.level === 30 && !entry.err));
});

// So are refusals: a role without the right, a forged form, a token where it is not accepted.
test('401 and 403 answers are logged at info without a stack (issue 14)', async (t) => {
  const { app, database, logged } = await loggedApp(t);
  const { people } = await buildPlanWithPeople(database.db);
  const viewer = new TestClient(app);
  await viewer.signIn(people.viewer.email, people.viewer.password);

  assert.equal((await viewer.get(paths.users())).statusCode, 403);
  assert.equal((await viewer.get(paths.newUser())).statusCode, 403);
  await viewer.get(paths.account());
  const forged = await viewer.post(paths.account(), { _csrf: 'forged' });
  assert.equal(forged.statusCode, 403);
  const bearer = { authorization: 'Bearer wsd_not-a-token' };
  assert.equal((await app.inject({ url: paths.plans(), headers: bearer })).statusCode, 401);
  assert.equal((await app.inject({ url: '/api/v1/plans', headers: bearer })).statusCode, 401);

  assert.deepEqual(
    logged.filter((entry) => entry.level >= 40 || entry.err !== undefined),
    [],
  );
  const refused = logged.filter((entry) => entry.msg === 'request refused');
  assert.ok(refused.filter((entry) => entry.status === 403).length >= 3, JSON.stringify(refused));
  assert.ok(refused.some((entry) => entry.status === 401));
  assert.ok(refused.every((entry) => entry.level === 30));
});
