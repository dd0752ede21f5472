import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('a sponsor archives a commitment, finds it in the archived records and restores it; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.sponsor);
  await page.goto(`${baseUrl}/commitments/${world.commitment.id}`);

  await page.getByRole('link', { name: 'Archive the commitment' }).click();
  await page.getByRole('heading', { level: 1, name: /archive this commitment/ }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Archive commitment' }).click();
  await page.getByText('Commitment archived').waitFor();
  await expectNoAxeViolations(page);
  assert.equal(await page.getByRole('link', { name: /We will introduce a new staff induction/ }).count(), 0);

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByRole('link', { name: 'Archived records' }).click();
  await page.getByRole('heading', { level: 1, name: 'Archived records' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /We will introduce a new staff induction/ }).click();
  await page.getByRole('heading', { level: 1, name: 'We said' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Restore commitment' }).click();
  await page.getByText('Restored').first().waitFor();
  await expectNoAxeViolations(page);
  assert.equal(await page.getByRole('button', { name: 'Restore commitment' }).count(), 0);
});
