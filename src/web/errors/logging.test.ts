import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';
import { paths } from '../paths.ts';

// A signed-out visit is an everyday event: it is sent to sign in and logged at info, without a stack.
test('a signed-out visit to a staff page is sent to sign in and logs nothing at warning or above', async (t) => {
  const database = await testDatabase();
  const logged: { level: number; msg: string; err?: unknown }[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        logged.push(JSON.parse(line) as (typeof logged)[number]);
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
