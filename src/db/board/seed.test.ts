import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { systemActor } from '../changes.ts';
import { confirmImport as applyImport, savePendingImport } from '../imports/commands.ts';
import { findMeetingsOn, getMeeting, loadBoardPackRows } from './queries.ts';
import { ensureOrganisation } from '../people/commands.ts';
import { readDocument } from '../../import/read-document.ts';
import type { ImportedDocument, ListItem } from '../../import/types.ts';
import { assembleBoardPack, renderBoardPack } from '../../reports/board-pack/index.ts';
import { docxText, findOutOfOrder, pdfText } from '../../reports/text-readback.ts';
import { expectedReadingOrder } from '../../reports/board-pack/reading-order.ts';
import { testDatabase } from '../../../test/helpers/database.ts';

/*
 * The seed highlight report pack (10 September 2024) imported as the demo does it, then generated
 * back as a board pack: the board must read what the council wrote, in the order it wrote it.
 */

const seedFile = new URL('../../demo/seeds/2024-09-10-highlight-report-pack.txt', import.meta.url);

async function importedSeed(t: import('node:test').TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  const read = await readDocument(readFileSync(seedFile), 'pack.txt');
  assert.ok(read.ok);
  const pending = await savePendingImport(db, {
    organisationId,
    fileName: 'pack.txt',
    contentHash: read.contentHash,
    document: read.document,
    nonBlankLines: read.summary.lines.nonBlank,
    userId: null,
  });
  await applyImport(db, pending, systemActor('Test'));
  const [found] = await findMeetingsOn(db, organisationId, '2024-09-10');
  assert.ok(found, 'the seed meeting is stored');
  const ctx = await getMeeting(db, organisationId, found.meeting.id);
  const pack = assembleBoardPack(await loadBoardPackRows(db, organisationId, ctx!, '2026-01-01'), {
    generatedAt: new Date('2024-09-03T15:15:00Z'),
  });
  return { document: read.document, pack, ctx: ctx! };
}

const flatten = (items: ListItem[], depth = 0): string[] =>
  items.flatMap((i) => [`${depth}:${i.text}`, ...flatten(i.children, depth + 1)]);
const flattenPack = (
  items:
    | { text: string; children: { text: string; children: never[] }[] }[]
    | import('../../reports/board-pack/types.ts').ListItem[],
  depth = 0,
): string[] =>
  (items as import('../../reports/board-pack/types.ts').ListItem[]).flatMap((i) => [
    `${depth}:${i.text}`,
    ...flattenPack(i.children, depth + 1),
  ]);

function expectedFromSource(document: ImportedDocument) {
  return document.highlightReports.map((r) => ({
    number: r.priorityNumber,
    title: r.priorityTitle,
    sponsor: r.sponsor,
    previousRag: r.previousRag?.status.toLowerCase(),
    currentRag: r.currentRag?.status.toLowerCase(),
    reason: r.reason,
    completedBy: r.completedBy,
    areas: r.areas.map((a) => ({
      title: a.title,
      progress: flatten(a.progress),
      nextPeriod: flatten(a.nextPeriod),
    })),
  }));
}

test('the seed pack, imported and generated again, has the same priorities, fields, areas and items in order', async (t) => {
  const { document, pack, ctx } = await importedSeed(t);
  assert.equal(ctx.board.name, 'Improvement Board');
  assert.equal(pack.meeting.date, '2024-09-10');
  const generated = pack.priorities.map((p) => ({
    number: p.number,
    title: p.title,
    sponsor: p.sponsor,
    previousRag: p.previousRag,
    currentRag: p.currentRag,
    reason: p.reason,
    completedBy: p.completedBy,
    areas: p.areas.map((a) => ({
      title: a.title,
      progress: flattenPack(a.progress),
      nextPeriod: flattenPack(a.nextPeriod),
    })),
  }));
  assert.deepEqual(generated, expectedFromSource(document));
  assert.deepEqual(
    pack.priorities.map((p) => p.number),
    [1, 2, 3, 4],
  );
  assert.equal(
    pack.priorities[0]!.ambition,
    'Children and young people receive a consistently good service: We have an environment where outstanding practice flourishes.',
  );
  // Nesting survives: priority 4's Family Hubs feedback has three sub-items.
  const familyHubs = pack.priorities[3]!.areas[0]!.progress.find((i) => i.text.startsWith('Family Hubs'));
  assert.equal(familyHubs?.children.length, 3);
});

test('the generated DOCX and PDF of the seed pack read back with every section in order', async (t) => {
  const { pack } = await importedSeed(t);
  const expected = expectedReadingOrder(pack);
  const docx = await docxText(await renderBoardPack(pack, 'docx'));
  assert.equal(findOutOfOrder(docx, expected), undefined);
  const pdf = await pdfText(await renderBoardPack(pack, 'pdf'));
  assert.equal(findOutOfOrder(pdf, expected), undefined);
});

test('the evidence check flags the seed priority 4 report (Green with an at-risk reason) and no other', async (t) => {
  const { pack } = await importedSeed(t);
  const flagged = pack.priorities.filter((p) => p.evidenceWarnings.length > 0);
  assert.deepEqual(
    flagged.map((p) => p.number),
    [4],
  );
  const [warning] = flagged[0]!.evidenceWarnings;
  assert.equal(warning!.kind, 'rag-reason-mismatch');
  assert.deepEqual(warning!.evidence, ['not as expected', 'recovery actions']);
  assert.equal(pack.priorities[3]!.direction, 'improved');
});
