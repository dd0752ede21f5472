import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { buildApprovedReport, buildBoard } from '../helpers/board-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/* Issuing a meeting's papers, with JavaScript off: the form, its error and the list of versions pass axe. */

test('the programme office issues a meeting’s papers and reissues them with a reason; every step passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const { meeting } = await buildApprovedReport(db, world.organisationId, board.id, world.priority.id);
  const browser = await launchBrowser(t);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.goto(`${baseUrl}/meetings/${meeting.id}`);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Issue papers' }).click();
  await page.getByRole('row', { name: /Version 1/ }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Issue papers again' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Why are the papers being issued again?').fill('A report was corrected.');
  await page.getByRole('button', { name: 'Issue papers again' }).click();
  await page.getByRole('row', { name: /Version 2/ }).waitFor();
  assert.match(await page.content(), /A report was corrected\./);
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}/meetings/${meeting.id}/pack.html?version=1`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expectNoAxeViolations(page);
});
