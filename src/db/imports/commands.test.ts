import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { cabinetSpec, renderCabinet } from '../../import/fixtures/cabinet-report-generator.ts';
import { highlightSpec, renderHighlight } from '../../import/fixtures/generate-highlight-report-pack.ts';
import { renderWeSaid, weSaidSpec } from '../../import/fixtures/generate-we-said-we-did.ts';
import { planSpec, renderPlan } from '../../import/fixtures/improvement-plan-generator.ts';
import { renderScrutiny, scrutinySpec } from '../../import/fixtures/scrutiny-presentation-generator.ts';
import { readDocument } from '../../import/read-document.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildOrganisation } from '../../../test/helpers/builders.ts';
import { systemActor } from '../changes.ts';
import type { Db } from '../client.ts';
import {
  confirmImport,
  discardImport,
  ImportActionRefusedError,
  savePendingImport,
  undoImport,
} from './commands.ts';
import { findImport } from './queries.ts';
import { importedRecords } from '../schema.ts';

const actor = systemActor('Test');
const tables = [
  'plans',
  'priorities',
  'improvement_areas',
  'commitments',
  'outcomes',
  'standards',
  'highlight_reports',
  'highlight_report_items',
  'measures',
  'observations',
  'feedback',
];

async function recordCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result: unknown = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = (result as { rows: { n: number }[] }).rows[0]!.n;
  }
  return counts;
}

async function importText(db: Db, organisationId: number, text: string) {
  const read = await readDocument(Buffer.from(text), 'generated.txt');
  if (!read.ok) throw new Error(read.message);
  const pending = await savePendingImport(db, {
    organisationId,
    fileName: 'generated.txt',
    contentHash: read.contentHash,
    document: read.document,
    nonBlankLines: read.summary.lines.nonBlank,
    userId: null,
  });
  return { read, result: await confirmImport(db, pending, actor) };
}

const kinds = [
  ['"We said, We did" update', weSaidSpec.map(renderWeSaid)],
  ['highlight report pack', highlightSpec.map(renderHighlight)],
  ['improvement plan', planSpec.map(renderPlan)],
  ['Cabinet report', cabinetSpec.map(renderCabinet)],
  ['scrutiny presentation', scrutinySpec.map(renderScrutiny)],
] as const;

for (const [name, documents] of kinds) {
  test(`a generated ${name}: importing it again changes nothing, every record names real source lines, and undo removes it all`, async (t) => {
    const database = await testDatabase();
    t.after(() => database.close());
    const db = database.db;
    const organisationId = await buildOrganisation(db);
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        const before = await recordCounts(db);
        const { read, result } = await importText(db, organisationId, text);
        assert.equal(result.outcome, 'imported');
        const after = await recordCounts(db);
        const again = await importText(db, organisationId, text);
        assert.equal(again.result.outcome, 'already-imported');
        assert.deepEqual(await recordCounts(db), after, 'a second import writes nothing');
        const lineNumbers = new Set(read.lines.map((l) => l.number));
        const provenance = await db
          .select()
          .from(importedRecords)
          .where(sql`${importedRecords.importId} = ${result.importId}`);
        for (const record of provenance)
          for (const line of record.lines) assert.ok(lineNumbers.has(line), `line ${line} exists`);
        const imported = await findImport(db, organisationId, result.importId);
        await undoImport(db, imported!, actor);
        assert.deepEqual(await recordCounts(db), before, 'undo removes every record the import created');
      }),
      { numRuns: 6 },
    );
  });
}

test('the commands refuse what the import workflow does not allow: an undone import is not confirmed again', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const { result } = await importText(db, organisationId, renderWeSaid(fc.sample(weSaidSpec, 1)[0]!));
  assert.equal(result.outcome, 'imported');
  const imported = (await findImport(db, organisationId, result.importId))!;
  await undoImport(db, imported, actor);
  const undone = (await findImport(db, organisationId, result.importId))!;
  assert.equal(undone.status, 'undone');
  const before = await recordCounts(db);
  const refused = (error: unknown) =>
    error instanceof ImportActionRefusedError &&
    error.state === 'undone' &&
    error.code === 'import-action-refused';
  // The command reads the state inside its transaction, so even a stale copy that says "pending" is refused.
  await assert.rejects(confirmImport(db, { ...undone, status: 'pending' }, actor), refused);
  await assert.rejects(undoImport(db, undone, actor), refused);
  await assert.rejects(discardImport(db, undone), refused);
  assert.deepEqual(await recordCounts(db), before, 'nothing written');
  assert.equal((await findImport(db, organisationId, result.importId))!.status, 'undone');
});
