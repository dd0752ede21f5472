import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { importedRecords, priorities } from '../../db/schema.ts';
import { demoSeedsFolder } from '../../demo/load-demo.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import { postFile } from '../../../test/helpers/upload.ts';
import { paths } from '../paths.ts';
import { undoSummary } from './undo-summary.ts';

test('undoing an import asks first, on a page that says how many records it removes', async (t) => {
  const { app, database } = await testApp(t);
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const manager = await buildUser(db, 'programme-manager', { organisationId });
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  await client.get(paths.newImport());
  const uploaded = await postFile(app, client, paths.imports(), {
    field: 'document',
    fileName: 'pack.txt',
    bytes: readFileSync(path.join(demoSeedsFolder, '2024-09-10-highlight-report-pack.txt')),
  });
  const previewUrl = uploaded.headers.location as string;
  const importId = Number(previewUrl.split('/').at(-1));
  await client.get(previewUrl);
  // Not imported yet: nothing to undo, so the page sends the person back to the preview.
  const early = await client.get(paths.undoImport(importId));
  assert.equal(early.statusCode, 303);
  assert.equal(early.headers.location, previewUrl);

  await client.post(paths.confirmImport(importId), {});
  const preview = await client.get(previewUrl);
  assert.match(preview.body, /Document imported/);
  assert.match(preview.body, new RegExp(`href="${paths.undoImport(importId)}" role="button"`));

  const written = (
    await db.select({ n: count() }).from(importedRecords).where(eq(importedRecords.importId, importId))
  )[0]!.n;
  assert.ok(written > 4);
  const confirm = await client.get(paths.undoImport(importId));
  assert.equal(confirm.statusCode, 200);
  assert.match(
    confirm.body,
    new RegExp(
      `Undoing this import removes ${written} records: 1 plan, 4 priorities, 12 improvement areas, `,
    ),
  );
  assert.match(confirm.body, /Yes, undo the import/);
  // Looking at the page removes nothing.
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 4);

  const undone = await client.post(paths.undoImport(importId), {});
  assert.equal(undone.statusCode, 303);
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 0);
  assert.match((await client.get(previewUrl)).body, /Import undone/);
});

test('the summary names each kind in the plan’s order, singular or plural', () => {
  assert.deepEqual(
    undoSummary([
      { recordType: 'commitment', count: 8 },
      { recordType: 'priority', count: 1 },
    ]),
    {
      total: 9,
      totalText: '9 records',
      parts: ['1 priority', '8 commitments'],
      partsText: '1 priority and 8 commitments',
    },
  );
  assert.equal(undoSummary([{ recordType: 'observation', count: 1 }]).totalText, '1 record');
  assert.equal(undoSummary([]).partsText, '');
});
