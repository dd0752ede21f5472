import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildPublishedCouncil, internal } from '../fixtures/published-council.ts';
import { paths } from '../../src/web/paths.ts';
import { recentQuarters } from '../../src/domain/publishing/quarters.ts';
import { suiteDate } from '../helpers/clock.ts';
import {
  committeeReportRecipients,
  committeeReports,
  consultationResponses,
  feedback,
} from '../../src/db/schema.ts';
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

test('a programme manager publishes a quarter; a signed-out reader sees it, but not an edit made afterwards', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  // A quarter the form offers at the suite's date that the fixture has not published.
  const next = recentQuarters(suiteDate).find((q) => q.label !== world.publication.quarterLabel)!.label;

  const office = await (await browser.newContext()).newPage();
  await signIn(office, baseUrl, programmeManager);
  await office.getByRole('link', { name: 'Publishing' }).click();
  await office.getByRole('heading', { level: 1, name: 'Publishing' }).waitFor();
  await expectNoAxeViolations(office);
  await office.getByRole('button', { name: 'Publish a quarter' }).click();
  await expectNoAxeViolations(office);
  await office.getByLabel('Quarter this update covers').selectOption({ label: next });
  await office.getByLabel('Children in care').check();
  await office.getByRole('button', { name: 'Continue' }).press('Enter');
  await office.getByRole('heading', { level: 1, name: `Check what will be published: ${next}` }).waitFor();
  await office
    .getByLabel('Why publish the easy read with texts above reading age 11?')
    .fill('The plain versions are being checked with young people');
  await office.getByRole('button', { name: `Publish ${next}` }).press('Enter');
  await office.getByRole('link', { name: next }).first().waitFor();

  const reader = await signedOutPage(browser);
  await reader.goto(`${baseUrl}${paths.public.home()}`);
  await reader.getByText(next, { exact: true }).waitFor();
  assert.match(await reader.content(), /We opened four family hubs\./);
  await expectNoAxeViolations(reader);

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
  await reader.goto(`${baseUrl}${paths.public.home()}`);
  await reader
    .getByRole('link', { name: 'Read the easy read version for children and young people' })
    .click();
  await reader
    .getByRole('heading', { level: 1, name: 'What we said we would do, and what we did' })
    .waitFor();
  const hard = reader.getByText(/We would institutionalise comprehensive/);
  await hard.waitFor();
  // The flag sits right after the text it is about.
  const flag = reader.locator('p:has-text("We would institutionalise comprehensive") + p.app-reading-age');
  assert.match(await flag.innerText(), /Harder to read\s+Reading age \d+/);
  const text = await reader.locator('main').innerText();
  assert.equal(text.match(/Multi-Agency Safeguarding Hub \(MASH\)/g)?.length, 1);
  assert.match(text, /We want each part to have a reading age of 11 or less/);
  await expectNoAxeViolations(reader);
});

test('every public page passes axe with JavaScript off, and the consultation form works without it', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const reader = await signedOutPage(browser);
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
    await expectNoAxeViolations(reader);
  }

  await reader.goto(`${baseUrl}${paths.public.consultations()}`);
  await reader.getByRole('link', { name: 'Tell us about family hubs' }).click();
  await expectNoAxeViolations(reader);
  await reader.getByRole('button', { name: 'Send your response' }).click();
  await reader.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(reader);
  await reader.getByRole('link', { name: 'Enter your answer to question 1' }).click();
  await reader
    .getByLabel('1. What do you think of the family hubs?')
    .fill('They are friendly and close to home.');
  await reader.getByLabel('Parent or carer').check();
  // The form refuses anything sent within 3 seconds of opening it; a person takes longer.
  await reader.waitForTimeout(3100);
  await reader.getByRole('button', { name: 'Send your response' }).click();
  await reader.getByRole('heading', { name: 'Your response has been sent' }).waitFor();
  await expectNoAxeViolations(reader);
});

test('every programme office publishing page passes axe, forms with errors included', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, programmeManager);
  const [feedbackRow] = await db.select().from(feedback).limit(1);
  const [report] = await db
    .insert(committeeReports)
    .values({
      organisationId: world.organisationId,
      planId: world.plan.id,
      quarterLabel: 'Quarter 3, 2024/25',
      quarterStart: '2024-10-01',
      quarterEnd: '2024-12-31',
      reportTo: 'Executive Cabinet',
      meetingOn: '2025-01-22',
      subject: 'Progress update',
    })
    .returning();
  await db
    .insert(committeeReportRecipients)
    .values({ reportId: report!.id, meeting: 'Health and Wellbeing Board' });
  const [response] = await db.select().from(consultationResponses).limit(1);
  for (const url of [
    paths.publishing.home(),
    paths.publishing.publish(),
    paths.publishing.plainLanguage(),
    paths.publishing.plainLanguage({ show: 'hard' }),
    paths.publishing.editPlain('commitment', world.commitment.id),
    paths.publishing.editPlain('priority', world.priority.id),
    paths.publishing.editPlain('outcome', world.outcome.id),
    paths.publishing.glossary(),
    paths.publishing.newGlossaryEntry(),
    paths.publishing.settings(),
    paths.publishing.feedback(),
    paths.publishing.newFeedback(),
    paths.publishing.feedbackItem(feedbackRow!.id),
    paths.publishing.editFeedback(feedbackRow!.id),
    paths.publishing.consultations(),
    paths.publishing.newConsultation(),
    paths.publishing.consultation(world.consultation.id),
    paths.publishing.editConsultation(world.consultation.id),
    paths.publishing.newQuestion(world.consultation.id),
    paths.publishing.newTheme(world.consultation.id),
    paths.publishing.consultationResponse(world.consultation.id, response!.id),
    paths.publishing.consultationSummary(world.consultation.id),
    paths.publishing.committeeReports(),
    paths.publishing.newCommitteeReport(),
    paths.publishing.committeeReport(report!.id),
    paths.publishing.editCommitteeReport(report!.id),
    paths.publishing.newRecipient(report!.id),
  ]) {
    const loaded = await page.goto(`${baseUrl}${url}`);
    assert.equal(loaded?.status(), 200, url);
    await expectNoAxeViolations(page);
  }
  await page.goto(`${baseUrl}${paths.publishing.newFeedback()}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl}${paths.publishing.committeeReport(report!.id)}`);
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Save the date received' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
});
