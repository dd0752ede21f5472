import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { paths } from '../paths.ts';

// The scorecard workbook is copied into other spreadsheets and saved as CSV: a measure named as a
// formula stays text there (issue 14).
test('the scorecard workbook writes a measure named as a formula as text', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const formula = '=HYPERLINK("http://example.com","click")';
  await buildMeasure(database.db, world.organisationId, { name: formula }, [
    { period: '2024-06', value: -2 },
  ]);
  const viewer = new TestClient(app);
  await viewer.signIn(world.people.viewer.email, world.people.viewer.password);
  const response = await viewer.get(paths.scorecardXlsx());
  assert.equal(response.statusCode, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const names: unknown[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => names.push(cell.value))));
  assert.ok(names.includes(`'${formula}`));
  assert.ok(!names.some((value) => typeof value === 'string' && /^[=+@]/.test(value)));
  assert.ok(!names.some((value) => typeof value === 'object' && value !== null && 'formula' in value));
});
