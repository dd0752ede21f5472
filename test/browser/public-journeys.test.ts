import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildPublishedCouncil, internal } from '../../src/web/public/test-fixture.ts';
import { paths } from '../../src/web/paths.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * The public site in Chromium with JavaScript switched off, as some readers (and every crawler)
 * have it: publishing a quarter, reading it signed out, the easy read version, and the form.
 */

const programmeManager = { email: 'pm@fixtureshire.gov.uk', password: 'correct horse battery staple' };

async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/*
 * axe runs as a script, which never finishes in a page with JavaScript off. So the page's HTML as
 * the reader got it (scripts taken out, so it stays in its no-JavaScript state) is scanned in a
 * second tab on the same site, where the stylesheets load as they did for the reader.
 */
async function expectNoAxeViolationsWithoutScripts(page: Page, scanner: Page, baseUrl: string): Promise<void> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  await scanner.goto(`${baseUrl}${paths.public.data()}`);
  await scanner.setContent(html, { waitUntil: 'load' });
  await expectNoAxeViolations(scanner);
}

test('a programme manager publishes a quarter; a signed-out reader sees it, but not an edit made afterwards', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);

  const office = await (await browser.newContext()).newPage();
  await signIn(office, baseUrl, programmeManager);
  await office.getByRole('link', { name: 'Publishing' }).click();
  await office.getByRole('heading', { level: 1, name: 'Publishing' }).waitFor();
  await expectNoAxeViolations(office);
  await office.getByRole('button', { name: 'Publish a quarter' }).click();
  await expectNoAxeViolations(office);
  await office.getByLabel('Quarter this update covers').selectOption({ label: 'Quarter 4, 2024/25' });
  await office.getByLabel('Children in care').check();
  await office.getByRole('button', { name: 'Publish' }).press('Enter');
  await office.getByRole('link', { name: 'Quarter 4, 2024/25' }).waitFor();

  const reader = await signedOutPage(browser);
  const scanner = await (await browser.newContext()).newPage();
  await reader.goto(`${baseUrl}${paths.public.home()}`);
  await reader.getByText('Quarter 4, 2024/25', { exact: true }).waitFor();
  assert.match(await reader.content(), /We opened four family hubs\./);
  await expectNoAxeViolationsWithoutScripts(reader, scanner, baseUrl);

  // An edit after publishing stays off the public site until the next quarter is published.
  await office.goto(`${baseUrl}${paths.editCommitment(world.commitment.id)}`);
  await office.getByLabel('We said').fill(internal.unpublishedEdit);
  await office.getByRole('button', { name: 'Save' }).click();
  await office.getByRole('heading', { level: 1, name: 'We said' }).waitFor();
  await reader.reload();
  assert.ok(!(await reader.content()).includes(internal.unpublishedEdit));
  assert.match(await reader.content(), /We said we would open four family hubs\./);
});

test('the easy read version flags text above the reading age and spells out acronyms on first use', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const reader = await signedOutPage(browser);
  const scanner = await (await browser.newContext()).newPage();
  await reader.goto(`${baseUrl}${paths.public.home()}`);
  await reader.getByRole('link', { name: 'Read the easy read version for children and young people' }).click();
  await reader.getByRole('heading', { level: 1, name: /easy read/ }).waitFor();
  const hard = reader.getByText(/We would institutionalise comprehensive/);
  await hard.waitFor();
  // The flag sits right after the text it is about.
  const flag = reader.locator('p:has-text("We would institutionalise comprehensive") + p.app-reading-age');
  assert.match(await flag.innerText(), /Harder to read\s+Reading age \d+/);
  const text = await reader.locator('main').innerText();
  assert.equal(text.match(/Multi-Agency Safeguarding Hub \(MASH\)/g)?.length, 1);
  assert.match(text, /We aim for a reading age of 11 or under/);
  await expectNoAxeViolationsWithoutScripts(reader, scanner, baseUrl);
});

test('every public page passes axe with JavaScript off, and the consultation form works without it', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const reader = await signedOutPage(browser);
  const scanner = await (await browser.newContext()).newPage();
  for (const url of [
    paths.public.home(),
    paths.public.childFriendly(),
    paths.public.measures(),
    paths.public.archive(),
    paths.public.publication(world.publication.id),
    paths.public.publicationChildFriendly(world.publication.id),
    paths.public.publicationMeasures(world.publication.id),
    paths.public.youSaidWeDid(),
    paths.public.consultations(),
    paths.public.data(),
  ]) {
    const response = await reader.goto(`${baseUrl}${url}`);
    assert.equal(response?.status(), 200, url);
    await expectNoAxeViolationsWithoutScripts(reader, scanner, baseUrl);
  }

  await reader.goto(`${baseUrl}${paths.public.consultations()}`);
  await reader.getByRole('link', { name: 'Tell us about family hubs' }).click();
  await expectNoAxeViolationsWithoutScripts(reader, scanner, baseUrl);
  await reader.getByRole('button', { name: 'Send your response' }).click();
  await reader.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolationsWithoutScripts(reader, scanner, baseUrl);
  await reader.getByRole('link', { name: 'Enter your answer to question 1' }).click();
  await reader.getByLabel('1. What do you think of the family hubs?').fill('They are friendly and close to home.');
  await reader.getByLabel('Parent or carer').check();
  // The form refuses anything sent within 3 seconds of opening it; a person takes longer.
  await reader.waitForTimeout(3100);
  await reader.getByRole('button', { name: 'Send your response' }).click();
  await reader.getByRole('heading', { name: 'Your response has been sent' }).waitFor();
  await expectNoAxeViolationsWithoutScripts(reader, scanner, baseUrl);
});
