/**
 * Migrates once per test run: a dump of a migrated embedded database, and (with TEST_DATABASE_URL)
 * a migrated template database on the PostgreSQL server. Each test then starts from a copy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, openInMemory } from '../src/db/client.ts';
import { pgliteTemplateFile, templateDatabaseName } from '../test/helpers/database.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName}`);
  await admin.query(`CREATE DATABASE ${templateDatabaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${templateDatabaseName}`;
  const database = await openDatabase({ DATABASE_URL: url.toString(), DATA_DIR: '.cache/unused' });
  await database.migrate();
  await database.close();
  console.log(`Migrated the template database ${templateDatabaseName}.`);
} else {
  const database = await openInMemory();
  await database.migrate();
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  mkdirSync('.cache', { recursive: true });
  writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  console.log(`Wrote ${pgliteTemplateFile}.`);
}
