import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser } from '../../src/db/people/commands.ts';
import { paths } from '../../src/web/paths.ts';
import { buildPublishedCouncil } from '../fixtures/published-council.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * An administrator gives the service the council's own colour and logo; axe then finds nothing on
 * the staff pages or the public site wearing them (the header's text stays readable on the colour).
 */

const logo = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#fff"/></svg>',
);

test('with a brand colour and logo set, every page is still accessible', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const council = await buildPublishedCouncil(db);
  const administrator = { email: 'admin@fixtureshire.gov.uk', password: 'correct horse battery staple' };
  await addUser(db, {
    organisationId: council.organisationId,
    name: 'Ada Admin',
    role: 'administrator',
    ...administrator,
  });
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, administrator);

  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('link', { name: 'Set your council’s name, logo and colour' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your council’s branding' }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByLabel('Brand colour (optional)').fill('#f47738');
  await page.getByRole('button', { name: 'Save name and colour' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByLabel('Brand colour (optional)').fill('#00703c');
  await page.getByRole('button', { name: 'Save name and colour' }).click();
  await page.getByText('Branding saved').waitFor();
  await expectNoAxeViolations(page);

  await page
    .getByLabel('Upload a logo')
    .setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: logo });
  await page.getByRole('button', { name: 'Upload the logo' }).click();
  await page.getByText('Logo uploaded').waitFor();
  await expectNoAxeViolations(page);

  const background = await page
    .locator('.app-council-header')
    .evaluate((header) => getComputedStyle(header).backgroundColor);
  assert.equal(background, 'rgb(0, 112, 60)');

  for (const url of [
    paths.plans(),
    paths.plan(council.plan.id),
    paths.priority(council.priority.id),
    paths.commitment(council.commitment.id),
    paths.scorecard(),
    paths.boards(),
    paths.publishing.home(),
    paths.account(),
  ]) {
    await page.goto(`${baseUrl}${url}`);
    await expectNoAxeViolations(page);
  }

  const visitor = await (await browser.newContext()).newPage();
  for (const url of [
    paths.signIn(),
    paths.public.home(),
    paths.public.measures(),
    paths.public.archive(),
    paths.public.consultations(),
  ]) {
    await visitor.goto(`${baseUrl}${url}`);
    assert.equal(await visitor.locator('.app-council-logo').count(), 1, url);
    await expectNoAxeViolations(visitor);
  }
});

test('with a brand colour set through the form with JavaScript off, staff and public pages pass axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const council = await buildPublishedCouncil(db);
  const administrator = { email: 'admin@fixtureshire.gov.uk', password: 'correct horse battery staple' };
  await addUser(db, {
    organisationId: council.organisationId,
    name: 'Ada Admin',
    role: 'administrator',
    ...administrator,
  });
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, baseUrl, administrator);
  await page.goto(`${baseUrl}${paths.brandingSettings()}`);
  await page.getByLabel('Brand colour (optional)').fill('#1d70b8');
  await page.getByRole('button', { name: 'Save name and colour' }).click();
  await page.getByText('Branding saved').waitFor();
  await expectNoAxeViolations(page);
  const background = await page
    .locator('.app-council-header')
    .evaluate((header) => getComputedStyle(header).backgroundColor);
  assert.equal(background, 'rgb(29, 112, 184)');

  await page.goto(`${baseUrl}${paths.plan(council.plan.id)}`);
  await expectNoAxeViolations(page);
  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const url of [paths.public.home(), paths.public.publication(council.publication.id)]) {
    await visitor.goto(`${baseUrl}${url}`);
    await expectNoAxeViolations(visitor);
  }
});
