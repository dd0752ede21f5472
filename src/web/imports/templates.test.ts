import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveTemplate } from '../../db/imports/commands.ts';
import { findTemplateByName, suggestTemplate } from '../../db/imports/queries.ts';
import type { Db } from '../../db/client.ts';
import { emptyMapping, type LayoutSignature } from '../../domain/import-mapping.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

const tracker: LayoutSignature = {
  headingLevels: [1],
  tableHeaders: ['ref | action | lead | timescale | rag | update'],
  labels: [],
  lists: [],
};

async function template(db: Db, organisationId: number, name: string, layout = tracker) {
  return db.transaction((tx) =>
    saveTemplate(
      tx,
      {
        organisationId,
        name,
        kind: 'action-tracker',
        layoutSignature: layout,
        mapping: { ...emptyMapping('action-tracker'), layout },
      },
      { userId: null, name: 'Test' },
    ),
  );
}

async function setUp(t: import('node:test').TestContext) {
  const { app, database } = await testApp(t);
  const db = database.db;
  const organisationId = await buildOrganisation(db);
  const other = await buildOrganisation(db, 'Elsewhere Borough Council');
  const manager = await buildUser(db, 'programme-manager', { organisationId });
  const viewer = await buildUser(db, 'viewer', { organisationId });
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  return { app, db, client, organisationId, other, viewer };
}

test('the templates page lists the council’s templates; one is renamed, a taken name and a stale form are refused', async (t) => {
  const { db, client, organisationId, other } = await setUp(t);
  const first = await template(db, organisationId, 'Action tracker (tracker.xlsx)');
  await template(db, organisationId, 'Board tracker');
  const theirs = await template(db, other, 'Their tracker');

  const list = await client.get('/imports/templates');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Action tracker \(tracker.xlsx\)/);
  assert.match(list.body, /action plan or tracker/);
  assert.doesNotMatch(list.body, /Their tracker/, 'another council’s template is not listed');

  const renamed = await client.post(`/imports/templates/${first.id}/rename`, {
    name: 'CIB action log',
    version: String(first.version),
  });
  assert.equal(renamed.statusCode, 303);
  assert.match((await client.get('/imports/templates')).body, /CIB action log/);
  assert.ok(await findTemplateByName(db, organisationId, 'cib ACTION log'), 'found by name in any case');

  await client.get(`/imports/templates/${first.id}/rename`);
  const taken = await client.post(`/imports/templates/${first.id}/rename`, {
    name: 'board tracker',
    version: String(first.version + 1),
  });
  assert.equal(taken.statusCode, 400);
  assert.match(taken.body, /There is a problem/);
  assert.match(taken.body, /There is already a template called board tracker/);
  assert.match(taken.body, /href="#name"/);

  const empty = await client.post(`/imports/templates/${first.id}/rename`, {
    name: ' ',
    version: String(first.version + 1),
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Enter a name for the template/);

  const stale = await client.post(`/imports/templates/${first.id}/rename`, {
    name: 'My own name',
    version: String(first.version),
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /My own name/, 'the person’s text is kept');

  assert.equal((await client.get(`/imports/templates/${theirs.id}/rename`)).statusCode, 404);
  assert.equal(
    (await client.post(`/imports/templates/${theirs.id}/remove`, { version: '1' })).statusCode,
    404,
  );
});

test('a removed template is archived: it leaves the list and is no longer suggested', async (t) => {
  const { db, client, organisationId } = await setUp(t);
  const saved = await template(db, organisationId, 'Tracker');
  assert.equal((await suggestTemplate(db, organisationId, tracker))?.id, saved.id);

  const ask = await client.get(`/imports/templates/${saved.id}/remove`);
  assert.equal(ask.statusCode, 200);
  assert.match(ask.body, /Yes, remove the template/);
  const stale = await client.post(`/imports/templates/${saved.id}/remove`, { version: '7' });
  assert.equal(stale.statusCode, 409);
  const removed = await client.post(`/imports/templates/${saved.id}/remove`, {
    version: String(saved.version),
  });
  assert.equal(removed.statusCode, 303);
  assert.doesNotMatch((await client.get('/imports/templates')).body, /Tracker/);
  assert.equal(await suggestTemplate(db, organisationId, tracker), null);
  // The name is free again for a new template.
  await template(db, organisationId, 'Tracker');
});

test('the best-matching template is suggested; a different layout gets none', async (t) => {
  const { db, organisationId } = await setUp(t);
  const minutes: LayoutSignature = {
    headingLevels: [1, 2],
    tableHeaders: [],
    labels: ['date of meeting', 'present'],
    lists: ['numbered'],
  };
  const a = await template(db, organisationId, 'Tracker', tracker);
  const b = await template(db, organisationId, 'Minutes', minutes);
  assert.equal((await suggestTemplate(db, organisationId, { ...tracker, headingLevels: [1, 2] }))?.id, a.id);
  assert.equal((await suggestTemplate(db, organisationId, { ...minutes, lists: [] }))?.id, b.id);
  assert.equal(
    await suggestTemplate(db, organisationId, {
      headingLevels: [3],
      tableHeaders: ['name | score'],
      labels: ['subject'],
      lists: ['bulleted'],
    }),
    null,
  );
});

test('only the programme office and administrators see the templates', async (t) => {
  const { app, viewer } = await setUp(t);
  const client = new TestClient(app);
  await client.signIn(viewer.email, viewer.password);
  assert.equal((await client.get('/imports/templates')).statusCode, 403);
});
