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
import type { ImportedDocument } from '../../domain/imports.ts';
import {
  confirmImport,
  discardImport,
  ImportActionRefusedError,
  ImportIncompleteError,
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
  'boards',
  'board_meetings',
  'agenda_items',
  'meeting_actions',
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

/** A document as the general mapper makes one, written out by hand. */
function mappedDocument(overrides: Partial<ImportedDocument> = {}): ImportedDocument {
  return {
    kind: 'general',
    title: 'Children’s Services Improvement Board',
    priorities: [
      {
        number: 1,
        title: 'Practice quality',
        impactForChildren: [],
        whatWeWillDo: [],
        areas: [{ title: 'Supervision', lines: [2] }],
        commitments: [
          {
            text: 'Audit supervision records monthly',
            outcomes: [],
            reference: '1.1',
            owner: 'Head of Service',
            due: { text: 'Q2 2018/19', period: { start: '2018-07-01', end: '2018-09-30' } },
            rag: 'Amber',
            progress: 'Two audits done',
            lines: [3],
          },
          {
            text: 'Refresh the practice standards',
            outcomes: [],
            due: { text: 'Complete', open: true },
            status: 'Complete',
            lines: [4],
          },
        ],
        lines: [1],
      },
    ],
    standards: [],
    highlightReports: [],
    measures: [],
    feedback: [],
    meetings: [
      {
        title: 'Minutes of the Corporate Parenting Board',
        dateLabel: 'Date of meeting',
        date: { text: '3 May 2024', date: '2024-05-03' },
        decisions: [{ text: 'The board agreed the sufficiency strategy', reference: '(1)', lines: [6] }],
        actions: [
          {
            description: 'Circulate the strategy',
            owner: 'J Smith',
            due: { text: 'w/c 6 May', date: '2024-05-06' },
            lines: [7],
          },
        ],
        lines: [5],
      },
      {
        title: 'An undated meeting',
        decisions: [],
        actions: [{ description: 'Nothing', lines: [9] }],
        lines: [8],
      },
    ],
    recommendations: [
      { number: '1', text: 'Improve the quality of plans for children in need', lines: [10] },
    ],
    sections: [],
    pageFurniture: [],
    unplaced: [],
    needsReview: [],
    ...overrides,
  };
}

async function confirmDocument(db: Db, organisationId: number, document: ImportedDocument, hash: string) {
  const pending = await savePendingImport(db, {
    organisationId,
    fileName: 'mapped.docx',
    contentHash: hash,
    document,
    nonBlankLines: 10,
    userId: null,
  });
  return { pending, result: confirmImport(db, pending, actor) };
}

test('the mapper’s records are written: a tracker’s owner, due date, RAG and update, decisions and actions of a dated meeting, recommendations as areas naming their source', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const before = await recordCounts(db);
  const { result } = await confirmDocument(db, organisationId, mappedDocument(), 'mapped-1');
  const applied = await result;
  assert.equal(applied.outcome, 'imported');
  const rows = async (query: string) => {
    const result: unknown = await db.execute(sql.raw(query));
    return (result as { rows: Record<string, unknown>[] }).rows;
  };
  assert.deepEqual(
    await rows(
      'select reference, owner, due_on::text as due, due_text, rag, progress, status from commitments order by position',
    ),
    [
      {
        reference: '1.1',
        owner: 'Head of Service',
        due: '2018-09-30',
        due_text: 'Q2 2018/19',
        rag: 'Amber',
        progress: 'Two audits done',
        status: 'in-progress',
      },
      { reference: '', owner: '', due: null, due_text: 'Complete', rag: '', progress: '', status: 'done' },
    ],
  );
  assert.deepEqual(
    await rows(
      'select b.name, m.meeting_on::text as on from board_meetings m join boards b on b.id = m.board_id',
    ),
    [{ name: 'Corporate Parenting Board', on: '2024-05-03' }],
  );
  assert.deepEqual(await rows('select title, decisions from agenda_items'), [
    {
      title: 'Minutes of the Corporate Parenting Board',
      decisions: '(1) The board agreed the sufficiency strategy',
    },
  ]);
  assert.deepEqual(
    await rows('select description, owner_name, due_on::text as due, due_text from meeting_actions'),
    [
      {
        description: 'Circulate the strategy',
        owner_name: 'J Smith',
        due: '2024-05-06',
        due_text: 'w/c 6 May',
      },
    ],
  );
  assert.deepEqual(await rows('select title, source from improvement_areas order by id'), [
    { title: 'Supervision', source: '' },
    {
      title: 'Improve the quality of plans for children in need',
      source: 'Children’s Services Improvement Board: recommendation 1',
    },
  ]);
  const history = await rows("select count(*)::int as n from change_history where action = 'import'");
  assert.ok((history[0]!.n as number) >= 8, 'each record has its history row');

  const imported = await findImport(db, organisationId, applied.importId);
  await undoImport(db, imported!, actor);
  assert.deepEqual(await recordCounts(db), before, 'undo removes every record, meetings’ included');
  assert.deepEqual(await rows('select count(*)::int as n from meeting_actions'), [{ n: 0 }]);
  assert.deepEqual(await rows('select count(*)::int as n from board_meetings'), [{ n: 0 }]);
});

test('an import whose second half breaks a constraint writes nothing, and stays pending', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const before = await recordCounts(db);
  const report = {
    priorityNumber: 1,
    priorityTitle: 'Practice quality',
    sponsor: 'A Sponsor',
    reason: '',
    completedBy: '',
    meetingLabel: 'CIB Meeting Date',
    meetingDate: '2024-09-10',
    areas: [],
    lines: [11],
  };
  // Two reports for one priority at one meeting: the database refuses the second, after the plan,
  // priorities, areas, commitments and meetings are written.
  const { pending, result } = await confirmDocument(
    db,
    organisationId,
    mappedDocument({ highlightReports: [report, { ...report, lines: [12] }] }),
    'mapped-2',
  );
  await assert.rejects(result);
  assert.deepEqual(await recordCounts(db), before, 'nothing written');
  const history: unknown = await db.execute(sql.raw('select count(*)::int as n from change_history'));
  assert.equal((history as { rows: { n: number }[] }).rows[0]!.n, 0, 'no history either');
  assert.equal((await findImport(db, organisationId, pending.id))!.status, 'pending');
});

test('a highlight report with no meeting date is refused with what to do, and nothing is written', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const before = await recordCounts(db);
  const { result } = await confirmDocument(
    db,
    organisationId,
    mappedDocument({
      highlightReports: [
        {
          priorityNumber: 1,
          priorityTitle: 'Practice quality',
          sponsor: '',
          reason: '',
          completedBy: '',
          meetingLabel: '',
          meetingDate: '',
          areas: [],
          lines: [11],
        },
      ],
    }),
    'mapped-3',
  );
  await assert.rejects(
    result,
    (error: unknown) => error instanceof ImportIncompleteError && /no meeting date/.test(error.message),
  );
  assert.deepEqual(await recordCounts(db), before);
});
