import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { documentImports, highlightReports, priorities, commitments, outcomes } from '../../db/schema.ts';
import { demoSeedsFolder } from '../../demo/load-demo.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

const seed = (name: string) => readFileSync(path.join(demoSeedsFolder, name));

/** Posts a file as a browser would: multipart, with the CSRF token as a field. */
async function upload(app: FastifyInstance, client: TestClient, fileName: string, bytes: Buffer) {
  const boundary = '----wesaid-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/imports',
    headers: {
      cookie: (client as unknown as { cookie: string }).cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
}

async function setUp(t: import('node:test').TestContext) {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const manager = await buildUser(database.db, 'programme-manager', { organisationId });
  const viewer = await buildUser(database.db, 'viewer', { organisationId });
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  await client.get('/imports/new');
  return { app, db: database.db, client, viewer };
}

test('a programme manager previews a highlight report pack, imports it, and can undo it', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(
    app,
    client,
    'highlight-pack.txt',
    seed('2024-09-10-highlight-report-pack.txt'),
  );
  assert.equal(uploaded.statusCode, 303);
  const previewUrl = uploaded.headers.location as string;
  const preview = await client.get(previewUrl);
  assert.match(preview.body, /Check the import/);
  assert.match(preview.body, /highlight report pack/);
  assert.match(preview.body, /154 non-blank: 154 placed in records, 0 not placed/);
  assert.match(preview.body, /The response to 16- and 17-year-old children who are homeless/);
  assert.equal(
    (await db.select({ n: count() }).from(priorities))[0]!.n,
    0,
    'nothing written before confirming',
  );

  const confirmed = await client.post(`${previewUrl}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 4);
  assert.equal((await db.select({ n: count() }).from(highlightReports))[0]!.n, 4);

  // The same document again: a preview that says so, and confirming changes nothing.
  await client.get('/imports/new');
  const again = await upload(
    app,
    client,
    'same-pack-again.txt',
    seed('2024-09-10-highlight-report-pack.txt'),
  );
  const againPreview = await client.get(again.headers.location as string);
  assert.match(againPreview.body, /was already imported/);
  await client.post(`${again.headers.location}/confirm`, {});
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 4);
  assert.equal((await db.select({ n: count() }).from(highlightReports))[0]!.n, 4);

  await client.get(previewUrl);
  const undone = await client.post(`${previewUrl}/undo`, {});
  assert.equal(undone.statusCode, 303);
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 0);
  assert.equal((await db.select({ n: count() }).from(highlightReports))[0]!.n, 0);
  const [row] = await db
    .select()
    .from(documentImports)
    .where(eq(documentImports.id, Number(previewUrl.split('/').at(-1))));
  assert.equal(row!.status, 'undone');
});

test('a "We said, We did" update imports commitments beside their outcomes', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(app, client, 'we-said.txt', seed('2023-we-said-we-did-2022-23.txt'));
  const previewUrl = uploaded.headers.location as string;
  const preview = await client.get(previewUrl);
  assert.match(preview.body, /Needs review/);
  await client.post(`${previewUrl}/confirm`, {});
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 7);
  assert.equal((await db.select({ n: count() }).from(commitments))[0]!.n, 30);
  assert.equal((await db.select({ n: count() }).from(outcomes))[0]!.n, 36);
});

test('bad files are refused with a specific message and nothing is written', async (t) => {
  const { app, db, client } = await setUp(t);
  const cases: [string, Buffer, RegExp][] = [
    ['empty.txt', Buffer.from(''), /empty/i],
    ['binary.txt', Buffer.from([0, 1, 2, 3, 255, 0, 7]), /contains data that is not text/],
    ['report.exe', Buffer.from('MZ'), /not a text, Markdown, Word/i],
    ['huge.txt', Buffer.alloc(6 * 1024 * 1024, 'a'), /5 MB|too large|larger/i],
  ];
  for (const [name, bytes, message] of cases) {
    await client.get('/imports/new');
    const response = await upload(app, client, name, bytes);
    assert.equal(response.statusCode, 400, name);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, message, name);
    assert.match(response.body, /href="#document"/);
  }
  assert.equal((await db.select({ n: count() }).from(documentImports))[0]!.n, 0);
});

test('a document no extractor recognises is no longer refused: it is previewed with a suggested reading', async (t) => {
  const { app, client } = await setUp(t);
  const uploaded = await upload(
    app,
    client,
    'unknown.txt',
    Buffer.from('Minutes of the allotments committee\nApologies were received.'),
  );
  assert.equal(uploaded.statusCode, 303);
  const preview = await client.get(uploaded.headers.location as string);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Suggested from the document’s layout/);
  assert.match(preview.body, /Change how this document is read/);
  assert.match(
    preview.body,
    /2 non-blank: 2 placed in records, 0 not placed|2 non-blank: \d placed in records, \d not placed/,
  );
});

test('only programme managers and administrators may import', async (t) => {
  const { app, viewer } = await setUp(t);
  const client = new TestClient(app);
  await client.signIn(viewer.email, viewer.password);
  assert.equal((await client.get('/imports/new')).statusCode, 403);
  assert.equal((await upload(app, client, 'x.txt', Buffer.from('We said'))).statusCode, 403);
});

test('the import workflow refuses a disallowed action: confirming or undoing an undone import', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(app, client, 'pack.txt', seed('2024-09-10-highlight-report-pack.txt'));
  const previewUrl = uploaded.headers.location as string;
  const pending = await client.get(previewUrl);
  // A pending import offers confirm and discard, and no undo.
  assert.match(pending.body, /Import these records/);
  assert.match(pending.body, /Cancel this import/);
  assert.doesNotMatch(pending.body, /Undo this import/);
  assert.equal((await client.post(`${previewUrl}/undo`, {})).statusCode, 409);

  assert.equal((await client.post(`${previewUrl}/confirm`, {})).statusCode, 303);
  const imported = await client.get(previewUrl);
  assert.match(imported.body, /Undo this import/);
  assert.doesNotMatch(imported.body, /Import these records/);
  assert.equal((await client.post(`${previewUrl}/undo`, {})).statusCode, 303);

  const undone = await client.get(previewUrl);
  assert.doesNotMatch(undone.body, /Import these records|Undo this import|Cancel this import/);
  const confirmAgain = await client.post(`${previewUrl}/confirm`, {});
  assert.equal(confirmAgain.statusCode, 409);
  assert.match(confirmAgain.body, /no longer waiting to be confirmed/);
  assert.equal((await client.post(`${previewUrl}/undo`, {})).statusCode, 409);
  assert.equal((await client.post(`${previewUrl}/discard`, {})).statusCode, 409);
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 0, 'nothing written again');
  const [row] = await db
    .select()
    .from(documentImports)
    .where(eq(documentImports.id, Number(previewUrl.split('/').at(-1))));
  assert.equal(row!.status, 'undone');
});
