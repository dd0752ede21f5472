import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { suiteDate } from './clock.ts';
import { testDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
}

/**
 * A real app on a database of its own, closed when the test ends; `clock` for a test that moves
 * time, `extra` for a test that needs a route of its own (registered last, as the benchmarks do),
 * `sessionKey` for a test that sends one browser's requests to two instances.
 */
export async function testApp(
  t: TestContext,
  env: Record<string, string> = {},
  { clock, extra, sessionKey = randomBytes(32) }: Pick<AppOptions, 'clock' | 'extra' | 'sessionKey'> = {},
): Promise<TestApp> {
  const database = await testDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '.cache/test-data',
    WESAID_TODAY: suiteDate,
    // Kept public pages are checked against the database on every request, so a test that publishes
    // through a command sees the new page at once; page-cache.test.ts tests the interval.
    PUBLIC_CACHE_SECONDS: '0',
    ...env,
  });
  const app = await buildApp({
    config,
    db: database.db,
    sessionKey,
    logger: false,
    ...(clock ? { clock } : {}),
    ...(extra ? { extra } : {}),
  });
  t.after(async () => {
    await app.close();
    await database.close();
  });
  return { app, database };
}
