import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { asc, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { commitments, documentImports, importTemplates, priorities } from '../../db/schema.ts';
import { demoSeedsFolder } from '../../demo/load-demo.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

/** Posts a file as a browser would: multipart, with the CSRF token as a field. */
async function upload(app: FastifyInstance, client: TestClient, fileName: string, bytes: Buffer) {
  await client.get('/imports/new');
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
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  return { app, db: database.db, client };
}

/** An action log in a council's own column headings, which Wesaid's vocabulary half knows. */
const actionLog = (board: string, theme: string, rows: string[][]) =>
  Buffer.from(
    [
      `# ${board} action log`,
      '',
      `## ${theme}`,
      '',
      '| Item | Thing to do | Person | Target | Colour | Comment |',
      '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      'Chair: Cllr Jones',
      '',
    ].join('\n'),
  );

test('a document whose reading a person corrected imports with no correction the next time a document of the same layout comes', async (t) => {
  const { app, db, client } = await setUp(t);
  const first = await upload(
    app,
    client,
    'cpb-log-may.md',
    actionLog('Corporate Parenting Board', 'Placements', [
      [
        'P1',
        'Review placement sufficiency',
        'Head of Service',
        'Dec 2024',
        'Amber',
        'Draft strategy written',
      ],
      [
        'P2',
        'Recruit twelve more foster carers',
        'Fostering Manager',
        'Q4 2024/25',
        'Green',
        'Eight approved',
      ],
    ]),
  );
  assert.equal(first.statusCode, 303);
  const firstUrl = first.headers.location as string;
  const suggested = await client.get(firstUrl);
  assert.match(suggested.body, /Suggested from the document’s layout/);
  assert.match(suggested.body, /Change how this document is read/);
  // Side by side: the record and the line of the document it came from.
  assert.match(
    suggested.body,
    /Review placement sufficiency<\/td>[\s\S]*?\| P1 \| Review placement sufficiency/,
  );
  assert.match(suggested.body, /The column “Person” is/);
  assert.doesNotMatch(suggested.body, /Owner: Head of Service/, 'the suggestion missed the owner');

  // The person says which columns hold the owner and the RAG.
  const corrected = await client.post(`${firstUrl}/reading`, {
    kind: 'action-tracker',
    'table-0': 'commitment',
    'table-0-column-2': 'owner',
    'table-0-column-4': 'rag',
  });
  assert.equal(corrected.statusCode, 303);
  const again = await client.get(firstUrl);
  assert.match(again.body, /As you changed it/);
  assert.match(
    again.body,
    /Owner: Head of Service; Due: Dec 2024; RAG: Amber; Update: Draft strategy written/,
  );

  const confirmed = await client.post(`${firstUrl}/confirm`, {
    saveTemplate: 'yes',
    templateName: 'CPB action log',
  });
  assert.equal(confirmed.statusCode, 303);
  const [template] = await db.select().from(importTemplates);
  assert.equal(template!.name, 'CPB action log');
  assert.equal(template!.kind, 'action-tracker');
  assert.match((await client.get('/imports/templates')).body, /CPB action log/);

  // Next month's log: the same layout, other words. No correction.
  const second = await upload(
    app,
    client,
    'cpb-log-june.md',
    // Its section has the same heading: the plan's priority it reports on.
    actionLog('Corporate Parenting Board', 'Placements', [
      [
        'E1',
        'Every child looked after to have a PEP',
        'Virtual School Head',
        'end of March',
        'Red',
        'Audit booked',
      ],
      ['E2', 'Tutoring for care leavers', 'Leaving Care Manager', 'Sept 2025', 'Blue', 'Complete'],
      ['E3', 'Training for designated teachers', 'Virtual School Head', '31/01/2025', 'Amber', ''],
    ]),
  );
  const secondUrl = second.headers.location as string;
  const preview = await client.get(secondUrl);
  assert.match(preview.body, /With the template “CPB action log”/);
  assert.match(preview.body, /Owner: Virtual School Head; Due: end of March; RAG: Red; Update: Audit booked/);
  assert.equal((await client.post(`${secondUrl}/confirm`, {})).statusCode, 303);

  const rows = await db
    .select({
      text: commitments.text,
      reference: commitments.reference,
      owner: commitments.owner,
      rag: commitments.rag,
      progress: commitments.progress,
      dueOn: commitments.dueOn,
      priority: priorities.title,
    })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .orderBy(asc(commitments.id));
  assert.deepEqual(
    rows.slice(2).map((r) => [r.priority, r.reference, r.text, r.owner, r.rag, r.progress]),
    [
      [
        'Placements',
        'E1',
        'Every child looked after to have a PEP',
        'Virtual School Head',
        'Red',
        'Audit booked',
      ],
      ['Placements', 'E2', 'Tutoring for care leavers', 'Leaving Care Manager', 'Blue', 'Complete'],
      ['Placements', 'E3', 'Training for designated teachers', 'Virtual School Head', 'Amber', ''],
    ],
  );
  assert.equal(rows[4]!.dueOn, '2025-01-31');
  const [imported] = await db
    .select()
    .from(documentImports)
    .where(eq(documentImports.id, Number(secondUrl.split('/').at(-1))));
  assert.equal(imported!.templateId, template!.id, 'the import names the template it was read with');
  assert.equal(imported!.mappingSource, 'template');
  const list = await client.get('/imports/templates');
  assert.doesNotMatch(list.body, /Not used yet/);
});

test('the person changes the kind of document and what a heading level becomes; another council’s import is not found', async (t) => {
  const { app, client } = await setUp(t);
  const uploaded = await upload(
    app,
    client,
    'log.md',
    actionLog('Corporate Parenting Board', 'Placements', [
      ['P1', 'Review sufficiency', 'HoS', 'Dec 2024', 'Amber', ''],
    ]),
  );
  const url = uploaded.headers.location as string;
  const before = await client.get(url);
  assert.match(before.body, /Level 2 headings become/);
  const changed = await client.post(`${url}/reading`, { kind: 'general', 'heading-2': 'improvement-area' });
  assert.equal(changed.statusCode, 303);
  const after = await client.get(url);
  assert.match(after.body, /<option value="general" selected>/);
  assert.match(after.body, /<option value="improvement-area" selected>improvement area<\/option>/);
  assert.match(after.body, /As you changed it/);
  // A forged value is not one the page offers: it changes nothing.
  assert.equal(
    (await client.post(`${url}/reading`, { kind: 'nonsense', 'heading-2': 'plan' })).statusCode,
    303,
  );
  assert.match((await client.get(url)).body, /<option value="general" selected>/);
  // Once confirmed, the reading can no longer be changed.
  await client.post(`${url}/confirm`, {});
  assert.equal((await client.post(`${url}/reading`, { kind: 'general' })).statusCode, 409);
});

test('a highlight report with no meeting date: the preview says so (no 500), confirming is refused with what to do, and it can be cancelled', async (t) => {
  const { app, db, client } = await setUp(t);
  const pack = readFileSync(path.join(demoSeedsFolder, '2024-09-10-highlight-report-pack.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\tCIB Meeting Date\t10\/09\/2024/, ''))
    .join('\n');
  const uploaded = await upload(app, client, 'no-date.txt', Buffer.from(pack));
  assert.equal(uploaded.statusCode, 303);
  const url = uploaded.headers.location as string;
  const preview = await client.get(url);
  assert.equal(preview.statusCode, 200);
  const confirm = await client.post(`${url}/confirm`, {});
  assert.match(preview.body, /no meeting date/);
  assert.equal(confirm.statusCode, 400);
  assert.match(confirm.body, /There is a problem/);
  assert.match(confirm.body, /priority 1, 2, 3, 4 have no meeting date. Change how the document is read/);
  assert.equal((await db.select({ n: count() }).from(priorities))[0]!.n, 0, 'nothing written');
  const cancelled = await client.post(`${url}/discard`, {});
  assert.equal(cancelled.statusCode, 303);
});
