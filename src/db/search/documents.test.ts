import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../test/helpers/database.ts';
import { indexNameOf, migrationStatementsOf, searchColumn, searchDocuments } from './documents.ts';
import { searchSources } from './sources.ts';

const migrations = new URL('../migrations/', import.meta.url);

test('a migration keeps and indexes every search document’s vector as documents.ts writes it', () => {
  const all = readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => readFileSync(new URL(f, migrations), 'utf8'))
    .join('\n');
  for (const document of Object.values(searchDocuments))
    for (const statement of migrationStatementsOf(document)) assert.ok(all.includes(statement), statement);
});

test('every source’s match is answered from its GIN index, not by reading every row', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const query = sql`websearch_to_tsquery('english', ${'audits'})`;
  for (const source of searchSources) {
    const plan = await database.db.transaction(async (tx) => {
      // On an empty table the planner would rightly read it all; forbid that to see what it can use.
      await tx.execute(sql`set local enable_seqscan = off`);
      // The match as the search writes it (sources.ts), on the source's own table.
      const match = sql.raw(`select 1 from ${source.document.table} d where d.${searchColumn} @@ `);
      const result = await tx.execute(sql`explain ${match}${query}`);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the two drivers type execute()'s result differently
      return (result as unknown as { rows: Record<string, string>[] }).rows
        .map((r) => Object.values(r)[0])
        .join('\n');
    });
    assert.match(
      plan,
      new RegExp(`Bitmap Index Scan on ${indexNameOf(source.document)}\\b`),
      `${source.type}:\n${plan}`,
    );
  }
});
