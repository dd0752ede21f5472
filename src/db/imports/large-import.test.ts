import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoSeedsFolder } from '../../demo/load-demo.ts';
import { readDocument } from '../../import/read-document.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildOrganisation } from '../../../test/helpers/builders.ts';
import { systemActor } from '../changes.ts';
import type { Db } from '../client.ts';
import { confirmImport, savePendingImport, undoImport } from './commands.ts';
import { findImport } from './queries.ts';

const actor = systemActor('Test');
const tables = ['plans', 'priorities', 'improvement_areas', 'highlight_reports', 'highlight_report_items'];

async function count(db: Db, query: string): Promise<number> {
  const result: unknown = await db.execute(sql.raw(query));
  return (result as { rows: { n: number }[] }).rows[0]!.n;
}

const counts = async (db: Db): Promise<Record<string, number>> =>
  Object.fromEntries(
    await Promise.all(
      tables.map(async (t) => [t, await count(db, `select count(*)::int as n from ${t}`)] as const),
    ),
  );

/** The seed pack's priorities repeated, numbered on, until the document has this many lines. */
function largePack(lines: number): string {
  const text = readFileSync(path.join(demoSeedsFolder, '2024-09-10-highlight-report-pack.txt'), 'utf8');
  const all = text.split('\n');
  const start = all.findIndex((line) => /^Priority\t/.test(line));
  const out = all.slice(0, start);
  for (let copy = 0; out.length < lines; copy++)
    out.push(
      ...all
        .slice(start)
        .map((line) =>
          line.replace(/^Priority\t(\d+)/, (_m, n: string) => `Priority\t${Number(n) + copy * 4}`),
        ),
    );
  return out.join('\n');
}

test('a large import (several statements a table) is written whole, each record with its history and source lines, and undone whole', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const read = await readDocument(Buffer.from(largePack(12000)), 'large.txt');
  if (!read.ok) throw new Error(read.message);
  assert.equal(read.summary.lines.placed + read.summary.lines.unplaced, read.summary.lines.nonBlank);
  const before = await counts(db);
  const pending = await savePendingImport(db, {
    organisationId,
    fileName: 'large.txt',
    contentHash: read.contentHash,
    document: read.document,
    nonBlankLines: read.summary.lines.nonBlank,
    userId: null,
  });
  const result = await confirmImport(db, pending, actor);
  assert.equal(result.outcome, 'imported');
  if (result.outcome !== 'imported') return;
  const made = await counts(db);
  const c = read.summary.counts;
  assert.equal(made.priorities! - before.priorities!, c.priorities);
  assert.equal(made.highlight_reports! - before.highlight_reports!, c.highlightReports);
  assert.equal(
    made.highlight_report_items! - before.highlight_report_items!,
    c.progressItems + c.nextPeriodItems,
  );
  assert.ok(result.records > 5000, `a large import: ${result.records} records`);
  assert.equal(
    await count(db, `select count(*)::int as n from imported_records where import_id = ${result.importId}`),
    result.records,
    'every record notes its source lines',
  );
  // Every record of a versioned table has its history row (items have no version, as before).
  const versioned = result.records - (made.highlight_report_items! - before.highlight_report_items!);
  assert.equal(
    await count(db, `select count(*)::int as n from change_history where action = 'import'`),
    versioned,
  );

  const imported = (await findImport(db, organisationId, result.importId))!;
  assert.equal(await undoImport(db, imported, actor), result.records);
  assert.deepEqual(await counts(db), before, 'undo removes every record the import created');
  assert.equal(
    await count(db, `select count(*)::int as n from change_history where action = 'undo-import'`),
    result.records,
    'each removal has its history row',
  );
  assert.equal((await findImport(db, organisationId, result.importId))!.status, 'undone');
});
