import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildPublishedCouncil } from '../fixtures/published-council.ts';
import { paths } from '../../src/web/paths.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * Publishing with its check step in Chromium with JavaScript off: the preview, publishing, a
 * correction with its reason, and withdrawing with a public reason, then what a reader sees.
 */

const programmeManager = { email: 'pm@fixtureshire.gov.uk', password: 'correct horse battery staple' };

/** axe needs scripts: the page as served (scripts taken out) is scanned in a tab that runs them. */
async function scan(page: Page, scanner: Page, baseUrl: string): Promise<void> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  await scanner.goto(`${baseUrl}${paths.public.data()}`);
  await scanner.setContent(html, { waitUntil: 'load' });
  await expectNoAxeViolations(scanner);
}

test('preview, publish, correct and withdraw a quarter with JavaScript off', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const office = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const scanner = await (await browser.newContext()).newPage();
  await signIn(office, baseUrl, programmeManager);

  // Preview, then publish a quarter not yet published.
  await office.goto(`${baseUrl}${paths.publishing.publish()}`);
  await scan(office, scanner, baseUrl);
  await office.getByLabel('Quarter this update covers').selectOption({ label: 'Quarter 2, 2024/25' });
  await office.getByRole('button', { name: 'Continue' }).click();
  await office
    .getByRole('heading', { level: 1, name: 'Check what will be published: Quarter 2, 2024/25' })
    .waitFor();
  assert.match(await office.content(), /since Quarter 3, 2024\/25, published/);
  await scan(office, scanner, baseUrl);
  await office.getByRole('button', { name: 'Publish Quarter 2, 2024/25' }).click();
  await office.getByRole('heading', { level: 1, name: 'Publishing' }).waitFor();

  // The same quarter again is refused; as a correction with a reason it is published.
  await office.goto(`${baseUrl}${paths.publishing.publish()}`);
  await office.getByLabel('Quarter this update covers').selectOption({ label: 'Quarter 2, 2024/25' });
  await office.getByRole('button', { name: 'Continue' }).click();
  await office.getByRole('link', { name: /Quarter 2, 2024\/25 has already been published/ }).waitFor();
  await scan(office, scanner, baseUrl);
  await office.getByLabel('Publish a correction of this quarter').check();
  await office.getByLabel('Why is this a correction?').fill('A due date was wrong');
  await office.getByRole('button', { name: 'Continue' }).click();
  await office.getByRole('button', { name: 'Publish correction' }).click();
  await office.getByText('Correction: A due date was wrong').waitFor();
  await scan(office, scanner, baseUrl);

  // Withdraw the corrected version, with a public reason.
  await office
    .getByRole('link', { name: /Withdraw/ })
    .first()
    .click();
  await office.getByRole('heading', { level: 1, name: 'Withdraw Quarter 2, 2024/25' }).waitFor();
  await scan(office, scanner, baseUrl);
  await office.getByRole('button', { name: 'Withdraw this update' }).click();
  await office.getByRole('link', { name: 'Enter why it is being withdrawn' }).waitFor();
  await office.getByLabel('Why is it being withdrawn?').fill('It described a child who could be recognised');
  await office.getByRole('button', { name: 'Withdraw this update' }).click();
  await office.getByText(/Withdrawn \d+ \w+ \d{4}: It described a child/).waitFor();

  // A reader sees the quarter once in the archive, withdrawn, and why.
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`${baseUrl}${paths.public.archive()}`);
  assert.equal(await reader.getByRole('link', { name: 'Quarter 2, 2024/25' }).count(), 1);
  await scan(reader, scanner, baseUrl);
  await reader.getByRole('link', { name: 'Quarter 2, 2024/25' }).click();
  await reader.getByText(/This update was withdrawn on/).waitFor();
  assert.match(await reader.content(), /Why: It described a child who could be recognised/);
  await scan(reader, scanner, baseUrl);
});
