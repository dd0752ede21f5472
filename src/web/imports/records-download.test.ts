import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { demoSeedsFolder } from '../../demo/load-demo.ts';
import { emptyDocument } from '../../import/ledger.ts';
import { importRecords } from '../../import/records.ts';
import { readDocument } from '../../import/read-document.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { postFile } from '../../../test/helpers/upload.ts';
import { paths } from '../paths.ts';
import { recordColumns, recordsCsv, recordsWorkbook } from './records-download.ts';

const seedName = '2024-09-10-highlight-report-pack.txt';
const seed = readFileSync(path.join(demoSeedsFolder, seedName));

test('the import preview’s records download as CSV and Excel, a row per record, for those who may import', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const manager = await buildUser(database.db, 'programme-manager', { organisationId });
  const viewer = await buildUser(database.db, 'viewer', { organisationId });
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  await client.get(paths.newImport());
  const uploaded = await postFile(app, client, paths.imports(), {
    field: 'document',
    fileName: seedName,
    bytes: seed,
  });
  assert.equal(uploaded.statusCode, 303);
  const importId = /\/imports\/(\d+)$/.exec(uploaded.headers.location as string)![1]!;
  const read = await readDocument(seed, seedName);
  assert.ok(read.ok);
  const records = importRecords(read.document);

  const preview = await client.get(paths.importPreview(importId));
  assert.match(preview.body, new RegExp(`href="${paths.importRecordsCsv(importId)}"`));
  assert.match(preview.body, new RegExp(`href="${paths.importRecordsXlsx(importId)}"`));

  const csv = await client.get(paths.importRecordsCsv(importId));
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(
    String(csv.headers['content-disposition']),
    /^attachment; filename="import-\d+-records\.csv"$/,
  );
  const rows = parse<Record<string, string>>(csv.body, { columns: true });
  assert.equal(rows.length, records.length, 'a row per record');
  assert.deepEqual(
    Object.keys(rows[0]!),
    recordColumns.map((c) => c.header),
  );
  const report = rows.find((r) => r.type === 'highlight-report')!;
  assert.equal(report.meetingDate, '2024-09-10');
  assert.equal(rows[Number(report.parent) - 1]!.type, 'priority', 'parent is a record number');
  const lines = seed.toString('utf8').split('\n');
  const firstLine = Number(report.lines!.split(', ')[0]);
  assert.ok(report.sourceText!.includes(lines[firstLine - 1]!.trim()), 'the source text is the lines read');

  const xlsx = await client.get(paths.importRecordsXlsx(importId));
  assert.equal(xlsx.statusCode, 200);
  assert.equal(
    xlsx.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  assert.match(String(xlsx.headers['content-disposition']), /filename="import-\d+-records\.xlsx"/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Records')!;
  assert.equal(sheet.rowCount, records.length + 1, 'a header and a row per record');
  assert.equal(sheet.getRow(1).getCell(2).value, 'type');
  assert.equal(sheet.getRow(2).getCell(2).value, records[0]!.type);

  // A viewer may not import, so may not see what an import would create.
  const other = new TestClient(app);
  await other.signIn(viewer.email, viewer.password);
  assert.equal((await other.get(paths.importRecordsCsv(importId))).statusCode, 403);
  assert.equal((await other.get(paths.importRecordsXlsx(importId))).statusCode, 403);
  // Signed out: sent to sign in.
  const signedOut = await app.inject({ method: 'GET', url: paths.importRecordsCsv(importId) });
  assert.notEqual(signedOut.statusCode, 200);
  assert.doesNotMatch(signedOut.body, /highlight-report/);
  // Another council's import is not found.
  const elsewhere = await buildOrganisation(database.db, 'Elsewhere Borough Council');
  const stranger = await buildUser(database.db, 'programme-manager', { organisationId: elsewhere });
  const outsider = new TestClient(app);
  await outsider.signIn(stranger.email, stranger.password);
  assert.equal((await outsider.get(paths.importRecordsCsv(importId))).statusCode, 404);
});

test('a record’s text that a spreadsheet would run is written as text', () => {
  const doc = emptyDocument('cabinet-report', 'Report');
  doc.sections.push({
    key: 'notes',
    heading: '=HYPERLINK("http://x")',
    text: '-1 worse',
    items: [],
    lines: [1],
  });
  const [row] = parse<Record<string, string>>(recordsCsv(doc, '=HYPERLINK("http://x")'), { columns: true });
  assert.equal(row!.title, `'=HYPERLINK("http://x")`);
  assert.equal(row!.text, `'-1 worse`);
  assert.equal(row!.sourceText, `'=HYPERLINK("http://x")`);
  assert.equal(row!.record, '1');
});

test('records.xlsx writes a record’s text that a spreadsheet would run as text too (issue 14)', async () => {
  const doc = emptyDocument('cabinet-report', 'Report');
  doc.sections.push({ key: 'notes', heading: '@SUM(A1)', text: '+1 better', items: [], lines: [1] });
  const workbook = new ExcelJS.Workbook();
  const book = await recordsWorkbook(doc, '=HYPERLINK("http://x")');
  await workbook.xlsx.load(book as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Records')!;
  const texts: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value)));
  });
  for (const text of ["'@SUM(A1)", "'+1 better", `'=HYPERLINK("http://x")`])
    assert.ok(texts.includes(text), text);
  assert.ok(
    texts.every((text) => !/^[=+\-@\t\r]/.test(text)),
    texts.join(' | '),
  );
});
