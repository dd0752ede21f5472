import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { demoSeedsFolder } from '../../src/demo/load-demo.ts';
import { buildOrganisation, buildUser } from '../helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('a programme manager uploads a document, checks the preview, imports it and undoes it; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const organisationId = await buildOrganisation(db);
  const manager = await buildUser(db, 'programme-manager', { organisationId });
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, manager);

  await page.getByRole('link', { name: 'Imports' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Import a document' }).click();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Preview the import' }).click();
  await page.getByRole('link', { name: 'Select a document to import' }).waitFor();
  await expectNoAxeViolations(page);

  await page
    .getByLabel('Upload a document')
    .setInputFiles(path.join(demoSeedsFolder, '2017-11-improvement-plan-reset.txt'));
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await page.getByRole('heading', { name: 'Check the import' }).waitFor();
  assert.match(await page.content(), /improvement plan/);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Import these records' }).click();
  await page.getByRole('button', { name: 'Undo this import' }).waitFor();
  await expectNoAxeViolations(page);

  // An unplaced line can be dismissed with a note, and the decision is kept.
  const unplaced = page.getByRole('radio', { name: 'Dismiss' }).first();
  if (await unplaced.count()) {
    await unplaced.check();
    await page
      .getByRole('button', { name: /Save what happened to line/ })
      .first()
      .click();
    await page.getByText('Dismissed').first().waitFor();
  }

  await page.goto(`${baseUrl}/plans`);
  await page.getByRole('link', { name: 'SUCCESSFUL FAMILIES' }).waitFor();
  await page.goto(`${baseUrl}/imports`);
  await page.getByRole('link', { name: '2017-11-improvement-plan-reset.txt' }).click();
  await page.getByRole('button', { name: 'Undo this import' }).click();
  // Undoing asks first, saying how many records it removes.
  await page.getByText(/Undoing this import removes \d+ records/).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, undo the import' }).click();
  await page.getByText('Undone').first().waitFor();
  await page.getByText('Import undone').waitFor();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl}/plans`);
  assert.equal(await page.getByRole('link', { name: 'SUCCESSFUL FAMILIES' }).count(), 0);
});
