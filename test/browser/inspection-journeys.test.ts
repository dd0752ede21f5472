import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('the programme office records a monitoring visit with a recommendation, links a commitment, and the plan sees it answered; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.getByRole('link', { name: 'Inspections' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inspections and visits' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add an inspection or visit' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: 'Monitoring visit' }).check();
  const first = page.getByRole('group', { name: 'First day' });
  await first.getByLabel('Day').fill('14');
  await first.getByLabel('Month').fill('11');
  await first.getByLabel('Year').fill('2023');
  await page.getByLabel('Focus (optional)').fill('Care leavers');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Monitoring visit, 14 November 2023' }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add a finding or recommendation' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: 'Recommendation' }).check();
  await page.getByLabel('What it says').fill('Make sure every care leaver has an up-to-date pathway plan.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Not yet answered').waitFor();

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByRole('heading', { name: 'Recommendations not yet answered by a commitment' }).waitFor();
  assert.match(await page.content(), /Make sure every care leaver has an up-to-date pathway plan/);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Inspections and visits' }).click();
  await page.getByRole('link', { name: 'Monitoring visit' }).click();
  await page.getByRole('link', { name: /Change recommendation/ }).click();
  await expectNoAxeViolations(page);
  await page
    .getByRole('group', { name: 'Commitments that answer it (optional)' })
    .getByRole('checkbox')
    .first()
    .check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Answered by 1 commitment').waitFor();
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByText('Every recommendation recorded is answered by at least one commitment.').waitFor();
  assert.doesNotMatch(await page.content(), /Make sure every care leaver has an up-to-date pathway plan/);
});
