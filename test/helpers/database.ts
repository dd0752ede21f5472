import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, openInMemory, type Database } from '../../src/db/client.ts';

/*
 * Every test gets a database of its own, already migrated. On the embedded database a migrated
 * copy is loaded from a dump made once per run (scripts/prepare-test-db.ts); on PostgreSQL
 * (TEST_DATABASE_URL) a new database is created from a migrated template database.
 */

// Configurable so that several people (or agents) can run suites side by side on one machine.
export const templateDatabaseName = process.env.TEST_TEMPLATE_DB ?? 'wesaid_template';
export const pgliteTemplateFile = process.env.TEST_PGLITE_TEMPLATE ?? '.cache/pglite-template.tar.gz';

let template: Blob | undefined;

export async function testDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return postgresTestDatabase(serverUrl);
  if (!template && existsSync(pgliteTemplateFile)) template = new Blob([readFileSync(pgliteTemplateFile)]);
  const database = await openInMemory(template);
  // Cheap when the template is current; keeps a stale template from hiding a new migration.
  await database.migrate();
  return database;
}

async function postgresTestDatabase(serverUrl: string): Promise<Database> {
  const name = `wesaid_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ DATABASE_URL: url.toString(), DATA_DIR: '.cache/unused' });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
      await cleanup.end();
    },
  };
}
