import { testClock } from '../../../test/helpers/clock.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildOrganisation, buildPlan, buildPriority } from '../../../test/helpers/builders.ts';
import { demoDfeFile } from '../../demo/measures.ts';
import { systemActor } from '../changes.ts';
import type { Db } from '../client.ts';
import { observationFileReader } from '../../import/observations/read.ts';
import {
  applyLoad as applyLoadWith,
  confirmLoad,
  discardLoad,
  ImportActionRefusedError,
  savePendingLoad,
  createMeasure,
  LoadRefusedError,
  setComparators as setComparatorsAs,
  setMeasurePriorities,
  type ComparatorInput,
} from './commands.ts';
import { findLoad, getMeasureWithFigures, loadContext, measuresForPriority } from './queries.ts';
import { dataLoads, measures, observationRevisions, observations } from '../schema.ts';

const actor = systemActor('Test');
const csv = (text: string) => Buffer.from(text, 'utf8');

/* The caller parses: a test hands the command the file's reader, as the CLI and the pages do. */
const applyLoad = (db: Db, input: Omit<Parameters<typeof applyLoadWith>[1], 'read'>) =>
  applyLoadWith(db, { ...input, read: observationFileReader(input.bytes, input.fileName) });
const setComparators = (db: Db, organisationId: number, settings: ComparatorInput) =>
  setComparatorsAs(db, organisationId, settings, systemActor('Test'));

async function setUp(t: TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const seen = await createMeasure(
    db,
    organisationId,
    {
      name: 'Cared for children seen within timescales',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'monthly',
      target: 90,
    },
    actor,
  );
  const openCases = await createMeasure(
    db,
    organisationId,
    { name: 'Open cases', unit: 'count', frequency: 'monthly' },
    actor,
  );
  const rows = async (table: typeof observations | typeof dataLoads | typeof observationRevisions) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return { db, organisationId, seen, openCases, rows };
}

test('a file with any problem writes nothing at all', async (t) => {
  const { db, organisationId, rows } = await setUp(t);
  const file = csv('measure,period,value\nOpen cases,2020-07,2159\nOpen cases,2020-08,lots\n');
  await assert.rejects(
    applyLoad(db, { organisationId, fileName: 'bad.csv', bytes: file, actor }),
    (error: unknown) => {
      assert.ok(error instanceof LoadRefusedError);
      assert.deepEqual(error.report.errors, [
        {
          row: 3,
          column: 'value',
          message: '"lots" is not a number or a suppression code (c, z, x, k, :, u, low)',
        },
      ]);
      return true;
    },
  );
  assert.equal(await rows(observations), 0);
  assert.equal(await rows(dataLoads), 0);
});

test('loading the same file again changes nothing', async (t) => {
  const { db, organisationId, rows } = await setUp(t);
  const file = csv(
    'measure,period,value\nCared for children seen within timescales,2024-06,87\nCared for children seen within timescales,2024-07,83\n',
  );
  const first = await applyLoad(db, { organisationId, fileName: 'july.csv', bytes: file, actor });
  assert.equal(first.outcome, 'loaded');
  assert.equal(first.outcome === 'loaded' && first.written, 2);
  const again = await applyLoad(db, { organisationId, fileName: 'july-copy.csv', bytes: file, actor });
  assert.deepEqual(
    { outcome: again.outcome, loadId: again.loadId },
    { outcome: 'already-loaded', loadId: first.loadId },
  );
  assert.equal(await rows(observations), 2);
  assert.equal(await rows(dataLoads), 1);
});

test('a figure that revises an earlier one is updated and the earlier figure kept', async (t) => {
  const { db, organisationId, openCases, rows } = await setUp(t);
  await applyLoad(db, {
    organisationId,
    fileName: 'first.csv',
    bytes: csv('measure,period,value\nOpen cases,2022-03,55\nOpen cases,2022-04,60\n'),
    actor,
  });
  const second = await applyLoad(db, {
    organisationId,
    fileName: 'revised.csv',
    bytes: csv('measure,period,value\nOpen cases,2022-03,50\nOpen cases,2022-04,60\nOpen cases,2022-05,c\n'),
    actor,
  });
  assert.equal(second.outcome, 'loaded');
  if (second.outcome !== 'loaded') return;
  assert.deepEqual(
    { written: second.written, revised: second.revised, unchanged: second.unchanged },
    { written: 1, revised: 1, unchanged: 1 },
  );
  const [march] = await db.select().from(observations).where(eq(observations.period, '2022-03'));
  assert.equal(march!.value, 50);
  const [kept] = await db.select().from(observationRevisions);
  assert.equal(kept!.value, 55);
  assert.equal(kept!.revisedByLoadId, second.loadId);
  assert.equal(await rows(observationRevisions), 1);
  const [may] = await db.select().from(observations).where(eq(observations.period, '2022-05'));
  assert.deepEqual(
    { value: may!.value, suppression: may!.suppression },
    { value: null, suppression: 'c' },
    'suppressed, never 0',
  );
  const figures = await getMeasureWithFigures(db, organisationId, openCases.id, testClock().now());
  assert.equal(figures?.summary.latest?.suppression, 'c');
});

test('a DfE file creates its measures and the neighbours’ average is worked out from each neighbour', async (t) => {
  const { db, organisationId } = await setUp(t);
  await setComparators(db, organisationId, {
    laCode: 'E08000008',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: ['E08000004', 'E08000005'],
  });
  const result = await applyLoad(db, {
    organisationId,
    fileName: 'dfe.csv',
    bytes: readFileSync(demoDfeFile),
    actor,
  });
  assert.equal(result.outcome, 'loaded');
  const [row] = await db
    .select()
    .from(measures)
    .where(eq(measures.name, 'Children looked after at 31 March each year'));
  assert.deepEqual(
    { frequency: row!.frequency, yearEnding: row!.yearEnding, polarity: row!.polarity },
    { frequency: 'annual', yearEnding: 3, polarity: 'context' },
  );
  // A count is never compared with other areas' counts (issue 10): the number has no comparison.
  const count = await getMeasureWithFigures(db, organisationId, row!.id, testClock().now());
  assert.deepEqual(count!.summary.comparators, []);
  // The rate per 10,000 from the same file is, with the neighbours' average of their rates.
  const [rate] = await db
    .select()
    .from(measures)
    .where(eq(measures.name, 'Children looked after at 31 March each year per 10,000'));
  const figures = await getMeasureWithFigures(db, organisationId, rate!.id, testClock().now());
  const neighbours = figures!.summary.comparators.find((c) => c.comparator === 'statistical-neighbours');
  // Oldham 2022 and Rochdale 2022 from the extract.
  const extract = readFileSync(demoDfeFile, 'utf8')
    .split('\n')
    .filter(
      (l) =>
        l.startsWith('2022,Local authority') && /E08000004|E08000005/.test(l) && l.includes('at 31 March'),
    );
  const values = extract.map((l) => Number(l.split(',')[9]));
  assert.equal(neighbours?.value, (values[0]! + values[1]!) / 2);
  assert.match(figures!.summary.narrative, /statistical neighbours average/);
});

test('measuresForPriority gives each linked measure its latest figure, target, rating, direction and narrative', async (t) => {
  const { db, organisationId, seen } = await setUp(t);
  const plan = await buildPlan(db, organisationId);
  const priority = await buildPriority(db, plan);
  await setMeasurePriorities(db, organisationId, seen.id, [priority.id], actor);
  await applyLoad(db, {
    organisationId,
    fileName: 'july.csv',
    bytes: csv(
      'measure,period,value\nCared for children seen within timescales,2024-06,87\nCared for children seen within timescales,2024-07,83\n',
    ),
    actor,
  });
  const list = await measuresForPriority(db, priority.id, new Date('2024-09-10T12:00:00Z'));
  assert.deepEqual(list, [
    {
      id: seen.id,
      name: 'Cared for children seen within timescales',
      latest: '83%',
      latestPeriod: 'July 2024',
      target: '90%',
      rating: 'amber',
      direction: 'Down on last month (worsening)',
      narrative:
        'Cared for children seen within timescales stood at 83% in July 2024. This is 7 percentage points below the target of 90% and is down from 87% in June 2024.',
      offTarget: true,
    },
  ]);
});

test('every kind of malformed file is refused with its row and column named, and writes nothing', async (t) => {
  const { db, organisationId, rows } = await setUp(t);
  await setComparators(db, organisationId, {
    laCode: 'E08000008',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: [],
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Figures');
  sheet.addRows([
    ['measure', 'period', 'value'],
    ['Open cases', '2021-04', 2324],
    ['Open cases', '2021-04', 2325],
  ]);
  const duplicateXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const dfeForAnotherCouncil = readFileSync(demoDfeFile, 'utf8').replaceAll('E08000008', 'E08000099');
  const cases: [string, string, Buffer, { row: number; column: string }][] = [
    [
      'bad period (long CSV)',
      'a.csv',
      csv('measure,period,value\nOpen cases,2021-13,1\n'),
      { row: 2, column: 'period' },
    ],
    [
      'text in a number (wide CSV)',
      'b.csv',
      csv('measure,2021-03,2021-04\nOpen cases,2300,about 2324\n'),
      { row: 2, column: '2021-04' },
    ],
    ['duplicate rows (long XLSX)', 'c.xlsx', duplicateXlsx, { row: 3, column: 'period' }],
    [
      'unknown measure (long CSV)',
      'd.csv',
      csv('measure,period,value\nOpen kases,2021-04,1\n'),
      { row: 2, column: 'measure' },
    ],
    [
      'wrong council (long CSV)',
      'e.csv',
      csv('measure,period,value,la_code\nOpen cases,2021-04,1,E08000004\n'),
      { row: 2, column: 'la_code' },
    ],
    [
      'wrong council (DfE CSV)',
      'f.csv',
      Buffer.from(dfeForAnotherCouncil),
      { row: 1, column: 'new_la_code' },
    ],
  ];
  for (const [name, fileName, bytes, where] of cases) {
    await assert.rejects(applyLoad(db, { organisationId, fileName, bytes, actor }), (error: unknown) => {
      assert.ok(error instanceof LoadRefusedError, name);
      assert.deepEqual(
        error.report.errors.map((e) => ({ row: e.row, column: e.column })),
        [where],
        name,
      );
      assert.ok(error.report.errors[0]!.message.length > 10, name);
      return true;
    });
  }
  assert.equal(await rows(observations), 0);
  assert.equal(await rows(dataLoads), 0);
  assert.equal(
    (await db.select({ n: count() }).from(measures))[0]!.n,
    2,
    'a refused DfE file creates no measures',
  );
});

test('the load commands refuse what the import workflow does not allow: a discarded file is not confirmed', async (t) => {
  const { db, organisationId } = await setUp(t);
  const bytes = csv('measure,period,value\nCared for children seen within timescales,2024-07,83\n');
  const parsed = await observationFileReader(bytes, 'july.csv')(await loadContext(db, organisationId));
  const pending = await savePendingLoad(db, {
    organisationId,
    fileName: 'july.csv',
    bytes,
    parsed,
    userId: null,
  });
  await discardLoad(db, pending);
  const discarded = (await findLoad(db, organisationId, pending.id))!;
  assert.equal(discarded.status, 'discarded');
  const refused = (error: unknown) =>
    error instanceof ImportActionRefusedError && error.flow === 'data-load' && error.state === 'discarded';
  // Read inside the transaction: a stale copy that still says "pending" is refused too.
  await assert.rejects(confirmLoad(db, pending, actor, observationFileReader), refused);
  await assert.rejects(discardLoad(db, discarded), refused);
  assert.equal((await db.select({ n: count() }).from(observations))[0]!.n, 0, 'nothing written');
});

test('a DfE breakdown published again with a different figure is a revision, both figures kept', async (t) => {
  const { db, organisationId } = await setUp(t);
  await setComparators(db, organisationId, {
    laCode: 'E08000008',
    laName: 'Tameside',
    regionName: 'North West',
    neighbourCodes: [],
  });
  const file = (suitable: string) =>
    csv(
      'time_period,time_identifier,geographic_level,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count\n' +
        `2025,Reporting year,Local authority,North West,357,Tameside,E08000008,17 to 18 years,Accommodation considered suitable,${suitable}\n` +
        '2025,Reporting year,Local authority,North West,357,Tameside,E08000008,17 to 18 years,Suitability total,100\n' +
        '2025,Reporting year,National,,,England,E92000001,17 to 18 years,Suitability total,k\n',
    );
  assert.equal(
    (await applyLoad(db, { organisationId, fileName: 'a.csv', bytes: file('90'), actor })).outcome,
    'loaded',
  );
  const again = await applyLoad(db, { organisationId, fileName: 'b.csv', bytes: file('88'), actor });
  assert.ok(again.outcome === 'loaded');
  assert.deepEqual([again.written, again.revised, again.unchanged], [0, 1, 2]);
  const held = await db.select().from(observations).orderBy(observations.id);
  assert.deepEqual(
    held.map((o) => [o.breakdown, o.area, o.value, o.suppression]),
    [
      ['Accommodation considered suitable', 'council', 88, null],
      ['', 'council', 100, null],
      ['', 'england', null, 'k'],
    ],
  );
  const [kept] = await db.select().from(observationRevisions);
  assert.equal(kept?.observationId, held[0]!.id);
  assert.equal(kept?.value, 90);
});
