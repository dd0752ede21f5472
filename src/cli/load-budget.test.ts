import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openEmbedded } from '../db/client.ts';
import { systemActor } from '../db/changes.ts';
import { ensureOrganisation } from '../db/people/commands.ts';
import { createBudgetLine, createProject } from '../db/projects/commands.ts';
import { listBudgetLines } from '../db/projects/queries.ts';
import { buildPlan } from '../../test/helpers/builders.ts';
import { wesaid } from '../../test/helpers/cli.ts';

const actor = systemActor('Test');

test(
  'wesaid load reads a budget file: --json reports it, a file with a problem writes nothing, a clean one writes its quarters',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-budget-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    let database = await openEmbedded(dir);
    await database.migrate();
    const organisationId = await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
    const plan = await buildPlan(database.db, organisationId);
    const project = await createProject(
      database.db,
      plan,
      {
        title: 'Fostering Service Improvement',
        kind: 'project',
        phase: 'Phase one: sustainability project',
        purpose: '',
        leadUserId: null,
        leadName: '',
        priorityIds: [],
        measureIds: [],
        rag: null,
        ragReason: '',
      },
      actor,
    );
    await createBudgetLine(
      database.db,
      plan,
      {
        projectId: project.id,
        fundingSource: 'Council budget',
        recurrence: 'recurrent',
        financialYear: '2024-25',
        plannedPence: 200_000_00,
        description: '',
      },
      actor,
    );
    await database.close();

    const good = path.join(dir, 'spend.csv');
    writeFileSync(
      good,
      'project,financial year,quarter,planned,actual\nFostering Service Improvement,2024/25,Q1,50000,42000\n',
    );
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'project,financial year,quarter,planned,actual\nFostering Service Improvement,2024/25,Q2,50000,a lot\n',
    );
    const env = { DATA_DIR: dir };

    const dry = await wesaid(['load', '--dry-run', '--json', good], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout), {
      layout: 'budget',
      rows: 1,
      observations: 0,
      measures: 0,
      errors: [],
      budget: { projects: 1, quarters: 1, plannedPence: 5_000_000, actualPence: 4_200_000 },
    });

    const refused = await wesaid(['load', '--json', good, bad], env);
    assert.equal(refused.code, 1);
    assert.deepEqual((JSON.parse(refused.stdout) as { errors: unknown[] }[])[1]!.errors, [
      { row: 2, column: 'actual', message: 'Actual must be a sum of money, like 12500 or £12,500.00' },
    ]);

    const spendNow = async () => {
      database = await openEmbedded(dir);
      try {
        const [line] = await listBudgetLines(database.db, organisationId, plan.id);
        return line!.spend;
      } finally {
        await database.close();
      }
    };
    assert.deepEqual(await spendNow(), [], 'one bad file means nothing is written');

    const loaded = await wesaid(['load', good], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /spend loaded for 1 quarter of 1 project/);
    assert.deepEqual(await spendNow(), [{ quarter: 1, plannedPence: 5_000_000, actualPence: 4_200_000 }]);
  },
);
