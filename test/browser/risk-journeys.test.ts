import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { buildApprovedReport, buildBoard } from '../helpers/board-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('the programme office scores a risk, sees it above the threshold on the plan and in the board pack; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const { meeting } = await buildApprovedReport(db, world.organisationId, board.id, world.priority.id);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByRole('link', { name: 'Risk register' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add a risk' }).click();
  await expectNoAxeViolations(page);

  await page.getByLabel('Risk', { exact: true }).fill('Social worker vacancies stay above 20%');
  await page.getByLabel('Controls (optional)').fill('Recruitment campaign');
  await page.getByLabel('Owner’s name, if they have no account').fill('Head of Workforce');
  await page.getByLabel('Likelihood before controls').fill('5');
  await page.getByLabel('Impact before controls').fill('4');
  await page.getByLabel('Likelihood after controls').fill('4');
  await page.getByLabel('Impact after controls').fill('4');
  const reviewed = page.getByRole('group', { name: 'Date reviewed' });
  await reviewed.getByLabel('Day').fill('1');
  await reviewed.getByLabel('Month').fill('9');
  await reviewed.getByLabel('Year').fill('2024');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Social worker vacancies stay above 20%' }).waitFor();
  await expectNoAxeViolations(page);
  assert.match(await page.content(), /16/);

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByRole('heading', { name: 'Risks above threshold' }).waitFor();
  await page.getByRole('link', { name: 'Social worker vacancies stay above 20%' }).waitFor();

  await page.goto(`${baseUrl}/meetings/${meeting.id}`);
  await page.getByRole('link', { name: 'Board pack as a web page (print-ready)' }).click();
  await page.getByRole('heading', { level: 2, name: 'Risks above the threshold' }).waitFor();
  await expectNoAxeViolations(page);
  const row = page.getByRole('row', { name: /Social worker vacancies stay above 20%/ });
  assert.match((await row.textContent()) ?? '', /16 \(Very high\)/);
});
