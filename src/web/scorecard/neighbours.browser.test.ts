import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { snModel2025, tamesideNeighbours2025 } from '../../../test/helpers/shared.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from '../../../test/browser/browser.ts';

test('a programme manager sets the council, loads DfE’s 2025 model and reads the ten neighbours', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2025-10-01' });
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.getByRole('link', { name: 'Scorecard' }).click();
  await page.getByRole('link', { name: 'Load figures from a spreadsheet' }).click();
  await page.getByRole('link', { name: 'Set who the council compares itself with' }).click();
  await page.getByLabel('LA code', { exact: true }).fill('E08000008');
  await page.getByLabel('Old LA code (optional)').fill('357');
  await page.getByLabel('Council name').fill('Tameside');
  await page.getByLabel('Region').fill('North West');
  assert.ok(await page.getByRole('radio', { name: /Median/ }).isChecked(), 'the median is the default');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();

  await page.getByLabel('Upload a file').setInputFiles(snModel2025());
  await page.getByRole('button', { name: 'Preview the figures' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check the figures before loading' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Load this model' }).click();
  await page.getByText('Statistical neighbour model loaded').waitFor();

  await page.goto(`${baseUrl}/scorecard`);
  await page.getByRole('link', { name: 'The council’s statistical neighbours' }).click();
  await page.getByRole('heading', { level: 1, name: 'Statistical neighbours' }).waitFor();
  await expectNoAxeViolations(page);
  const names = await page.locator('#neighbours tbody th').allInnerTexts();
  assert.deepEqual(names, tamesideNeighbours2025);
});
