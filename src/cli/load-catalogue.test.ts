import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { count } from 'drizzle-orm';
import { openEmbedded } from '../db/client.ts';
import { ensureOrganisation } from '../db/people/commands.ts';
import { catalogueIndicators } from '../db/schema.ts';
import { wesaid } from '../../test/helpers/cli.ts';
import { sharedFile } from '../../test/helpers/shared.ts';

test(
  'wesaid load recognises DfE’s dashboard list and keeps it as the council’s catalogue; LAIT’s dictionary is refused',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-catalogue-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const database = await openEmbedded(dir);
    await database.migrate();
    await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
    await database.close();
    const env = { DATA_DIR: dir };
    const list = sharedFile('corpus', 'data', 'summary_page_metadata.csv');

    const dry = await wesaid(['load', '--dry-run', '--json', list], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout), {
      layout: 'dfe-indicator-catalogue',
      rows: 68,
      observations: 0,
      measures: 0,
      errors: [],
      catalogueIndicators: 68,
    });
    const loaded = await wesaid(['load', list], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /68 DfE indicators in the catalogue/);
    const check = await openEmbedded(dir);
    try {
      assert.equal((await check.db.select({ n: count() }).from(catalogueIndicators))[0]!.n, 68);
    } finally {
      await check.close();
    }

    const lait = await wesaid(
      ['load', '--json', sharedFile('corpus', 'data', 'lait_data_dictionary__csc_topics_rows.csv')],
      env,
    );
    assert.equal(lait.code, 1);
    const report = JSON.parse(lait.stdout) as { layout: string; errors: { message: string }[] };
    assert.equal(report.layout, 'lait-data-dictionary');
    assert.match(report.errors[0]!.message, /LAIT data dictionary/);
  },
);
