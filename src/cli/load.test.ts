import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { openEmbedded } from '../db/client.ts';
import { systemActor } from '../db/changes.ts';
import { createMeasure, setComparators } from '../db/measures/commands.ts';
import { neighbourhoodOf } from '../db/measures/queries.ts';
import { listInspections } from '../db/inspections/queries.ts';
import { snModel2025, tamesideNeighbours2025 } from '../../test/helpers/shared.ts';
import { observations } from '../db/schema.ts';
import { ensureOrganisation } from '../db/people/commands.ts';
import { wesaid } from '../../test/helpers/cli.ts';

async function figuresIn(dir: string): Promise<number> {
  const database = await openEmbedded(dir);
  try {
    return (await database.db.select({ n: count() }).from(observations))[0]!.n;
  } finally {
    await database.close();
  }
}

test(
  'wesaid load --json reports layout, rows, figures, measures and problems, and writes only a clean file, once',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-load-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const database = await openEmbedded(dir);
    await database.migrate();
    const organisationId = await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
    await createMeasure(
      database.db,
      organisationId,
      { name: 'Open cases', unit: 'count', frequency: 'monthly' },
      systemActor('Test'),
    );
    await database.close();

    const good = path.join(dir, 'good.csv');
    writeFileSync(good, 'measure,period,value\nOpen cases,2020-07,2159\nOpen cases,2020-12,2474\n');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'measure,period,value\nOpen cases,2020-07,2159\nOpen cases,July,2474\n');
    const env = { DATA_DIR: dir };

    const dry = await wesaid(['load', '--dry-run', '--json', good], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout), {
      layout: 'long-csv',
      rows: 2,
      observations: 2,
      measures: 1,
      errors: [],
    });
    assert.equal(await figuresIn(dir), 0, 'a dry run writes nothing');

    const refused = await wesaid(['load', '--json', good, bad], env);
    assert.equal(refused.code, 1);
    assert.deepEqual((JSON.parse(refused.stdout) as unknown[])[1], {
      layout: 'long-csv',
      rows: 2,
      observations: 1,
      measures: 1,
      errors: [
        {
          row: 3,
          column: 'period',
          message: '"July" is not a month such as 2024-07 or July 2024 (the measure is monthly)',
        },
      ],
    });
    assert.equal(await figuresIn(dir), 0, 'one bad file means nothing is written');

    const loaded = await wesaid(['load', good], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /2 new figures, 0 revised, 0 unchanged/);
    const again = await wesaid(['load', good], env);
    assert.match(again.stdout, /already loaded, nothing changed/);
    assert.equal(await figuresIn(dir), 2);
  },
);

test(
  'wesaid load reads DfE’s 2025 statistical neighbour model: --dry-run --json shows Tameside’s neighbours, then it loads',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-load-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const database = await openEmbedded(dir);
    await database.migrate();
    const organisationId = await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
    await setComparators(
      database.db,
      organisationId,
      {
        laCode: 'E08000008',
        oldLaCode: '357',
        laName: 'Tameside',
        regionName: 'North West',
        neighbourCodes: [],
      },
      systemActor('Test'),
    );
    await database.close();
    const env = { DATA_DIR: dir };
    const model = snModel2025();

    const dry = await wesaid(['load', '--dry-run', '--json', model], env);
    assert.equal(dry.code, 0, dry.stderr);
    const report = JSON.parse(dry.stdout) as Record<string, unknown> & { neighbours: { name: string }[] };
    assert.deepEqual(
      { ...report, neighbours: report.neighbours.map((n) => n.name) },
      {
        layout: 'dfe-sn-model',
        rows: 153,
        observations: 0,
        measures: 0,
        errors: [],
        neighbours: tamesideNeighbours2025,
      },
    );
    assert.deepEqual(report.neighbours[0], { laCode: '372', name: 'Rotherham', closeness: 'Very close' });

    const loaded = await wesaid(['load', model], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /statistical neighbour model loaded, 10 neighbours for the council/);
    const reopened = await openEmbedded(dir);
    try {
      const now = await neighbourhoodOf(reopened.db, organisationId);
      assert.equal(now.model, '2025');
      assert.equal(now.neighbours.at(-1)?.name, 'Torbay');
    } finally {
      await reopened.close();
    }
  },
);

test(
  'wesaid load records the council’s inspections from Ofsted’s published judgements, listing the rows not loaded',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-load-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const database = await openEmbedded(dir);
    await database.migrate();
    const organisationId = await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
    await database.close();
    const env = { DATA_DIR: dir };
    const file = fileURLToPath(
      new URL('../import/observations/fixtures/ofsted-judgements.csv', import.meta.url),
    );

    const dry = await wesaid(['load', '--dry-run', '--json', file], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout), {
      layout: 'ofsted-judgements',
      rows: 5,
      observations: 0,
      measures: 0,
      errors: [],
      inspections: 3,
      notLoaded: [
        { row: 5, reason: 'For Wolds Vale, not this council' },
        { row: 6, reason: 'For Northby, not this council' },
      ],
    });

    const loaded = await wesaid(['load', file], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /3 inspections recorded/);
    assert.match(loaded.stdout, /row 5: not loaded: For Wolds Vale, not this council/);
    const reopened = await openEmbedded(dir);
    try {
      const recorded = await listInspections(reopened.db, organisationId);
      assert.deepEqual(
        recorded.map((i) => [i.kind, i.startDate, i.judgements.length]),
        [
          ['ilacs-short', '2026-05-11', 4],
          ['monitoring-visit', '2023-11-14', 0],
          ['ilacs-standard', '2023-03-06', 5],
        ],
      );
    } finally {
      await reopened.close();
    }
    // Loaded again (a later file with the same rows), nothing is recorded twice.
    const again = await wesaid(['load', '--dry-run', '--json', file], env);
    const report = JSON.parse(again.stdout) as { inspections: number; notLoaded: unknown[] };
    assert.equal(report.inspections, 0);
    assert.equal(report.notLoaded.length, 5);
  },
);
