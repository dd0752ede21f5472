import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildCommitment } from '../../../test/helpers/builders.ts';
import { buildSearchWorld } from '../../../test/helpers/search-builders.ts';
import { commitments, users } from '../schema.ts';
import { searchState } from './queries.ts';
import { searchSources } from './sources.ts';
import { searchStateTables, stateMigrationStatementsOf } from './state.ts';

const migrations = new URL('../migrations/', import.meta.url);

test('a migration makes a write to every table a search reads move the generation', () => {
  const all = readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => readFileSync(new URL(f, migrations), 'utf8'))
    .join('\n');
  for (const table of searchStateTables)
    for (const statement of stateMigrationStatementsOf(table)) assert.ok(all.includes(statement), statement);
  // Every table a source reads, to find, name or scope a result, is one of them.
  const dialect = new PgDialect();
  for (const source of searchSources) {
    const text = [sql`from ${source.from}`, source.sponsoredBy?.(1) ?? sql``]
      .map((part) => dialect.sqlToQuery(part).sql)
      .join(' ');
    const tables = [...text.matchAll(/\b(?:from|join)\s+([a-z_]+)/gi)].map((m) => m[1]!);
    assert.ok(tables.includes(source.document.table), text);
    for (const table of tables)
      assert.ok((searchStateTables as readonly string[]).includes(table), `${source.type} reads ${table}`);
  }
});

test('the generation moves once for each committed write, and not for a rolled-back one nor another table', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const world = await buildSearchWorld(db);
  const start = Number(await searchState(db));
  await buildCommitment(db, world.organisationId, world.priority.id, { text: 'Kinship carers' });
  assert.equal(Number(await searchState(db)), start + 1);
  // Many rows in one transaction: once.
  await db.transaction(async (tx) => {
    await tx
      .update(commitments)
      .set({ owner: 'Head of service' })
      .where(eq(commitments.priorityId, world.priority.id));
    await tx
      .update(commitments)
      .set({ owner: 'Assistant director' })
      .where(eq(commitments.priorityId, world.priority.id));
  });
  assert.equal(Number(await searchState(db)), start + 2);
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx
        .update(commitments)
        .set({ owner: 'Nobody' })
        .where(eq(commitments.priorityId, world.priority.id));
      throw new Error('changed my mind');
    }),
  );
  assert.equal(Number(await searchState(db)), start + 2);
  await db.update(users).set({ name: 'Renamed' }).where(eq(users.id, world.people.viewer.id));
  assert.equal(Number(await searchState(db)), start + 2);
});
