import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { systemActor } from '../../src/db/changes.ts';
import { applyLoad } from '../../src/db/measures/commands.ts';
import { observationFileReader } from '../../src/import/observations/read.ts';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { buildPublishedCouncil } from '../fixtures/published-council.ts';
import { sharedFile } from '../helpers/shared.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('the programme office adopts a DfE indicator, tags a commitment and reads the plan by outcome; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const bytes = readFileSync(sharedFile('corpus', 'data', 'summary_page_metadata.csv'));
  await applyLoad(db, {
    organisationId: world.organisationId,
    fileName: 'summary_page_metadata.csv',
    bytes,
    actor: systemActor('Test'),
    read: observationFileReader(bytes, 'summary_page_metadata.csv'),
  });
  await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.goto(`${baseUrl}/scorecard`);
  await page.getByRole('link', { name: 'DfE indicators by outcome' }).click();
  await page.getByRole('heading', { level: 1, name: 'DfE indicators by outcome' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Enabler: The workforce is equipped and effective' }).click();
  await page.getByRole('button', { name: 'Adopt Turnover rate (FTE) as a measure' }).click();
  await page.getByRole('heading', { level: 1, name: 'Turnover rate (FTE)' }).waitFor();
  assert.match(await page.content(), /Indicator adopted as a measure/);
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl}/scorecard?group=outcome`);
  await page.getByRole('table', { name: 'Enabler: The workforce is equipped and effective' }).waitFor();
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}/commitments/${world.commitment.id}/edit`);
  await page
    .getByLabel('National Framework outcome or enabler (optional)')
    .selectOption({ label: 'Enabler: Leaders drive conditions for effective practice' });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'We said' }).waitFor();
  assert.match(await page.content(), /Enabler: Leaders drive conditions for effective practice/);
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByRole('link', { name: 'By National Framework outcome' }).click();
  await page.getByRole('heading', { level: 1, name: 'By National Framework outcome' }).waitFor();
  await expectNoAxeViolations(page);
  await page
    .getByLabel('National Framework outcome or enabler')
    .selectOption({ label: 'Enabler: Leaders drive conditions for effective practice' });
  await page.getByRole('button', { name: 'Show' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Enabler: Leaders drive conditions for effective practice' })
    .waitFor();
  assert.match(await page.content(), /new staff induction/);
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}/public/outcomes`);
  await page.getByRole('heading', { level: 1, name: 'Our plan by outcome' }).waitFor();
  await expectNoAxeViolations(page);
});
