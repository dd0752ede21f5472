import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureOrganisation } from '../../src/db/people/commands.ts';
import type { DemoAccount } from '../../src/demo/accounts.ts';
import { demoDate } from '../../src/demo/demo-date.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import type { Role } from '../../src/domain/roles.ts';
import { testClock } from '../helpers/clock.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * Each demo account signs in, as the demo prints them, and lands on a home page of its own on the
 * demo's date: the sections its role calls for, each item a link to where the work is done. Every
 * page is scanned by axe; the programme office's journey runs with JavaScript off.
 */

async function onHome(browser: Browser, baseUrl: string, account: DemoAccount, javaScriptEnabled = true) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, baseUrl, account);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  await expectNoAxeViolations(page);
  return page;
}

const officeHeadings = [
  'Reports waiting for approval',
  'Overdue commitments',
  'Figures out of date',
  'Risks due for review',
  'The next meeting',
  'Plans',
];
const headings = (page: Page) => page.locator('main').getByRole('heading', { level: 2 }).allTextContents();
const sectionAfter = (page: Page, heading: string) => page.locator(`h2:text-is("${heading}") + *`);

test('each demo role’s home page shows what is theirs, and each item leads to where it is done', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: demoDate });
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  const accounts = await loadDemo(db, organisationId, testClock(demoDate));
  const account = (role: Role) => accounts.find((a) => a.role === role)!;
  const browser = await launchBrowser(t);

  // The sponsor: the reports they owe, their commitments, the papers (they sit on the board), their actions.
  const sponsor = await onHome(browser, baseUrl, account('sponsor'));
  assert.deepEqual(await headings(sponsor), [
    'Reports you owe',
    'Your commitments overdue or due soon',
    'Papers for the next meeting',
    'Your actions',
    'Plans',
  ]);
  const owed = sectionAfter(sponsor, 'Reports you owe');
  assert.match(await owed.innerText(), /1\. Quality of Practice[\s\S]*29 October 2024[\s\S]*Draft/);
  assert.doesNotMatch(await owed.innerText(), /Working in Partnership/, 'submitted already');
  await sponsor.getByRole('link', { name: /Bring the digital return home interview offer/ }).click();
  await sponsor
    .getByRole('heading', { level: 1, name: /Bring the digital return home interview offer/ })
    .waitFor();
  await expectNoAxeViolations(sponsor);
  await sponsor.goBack();
  await owed.getByRole('link', { name: '1. Quality of Practice' }).click();
  await sponsor.waitForURL(/\/highlight-reports\/\d+\/edit$/);
  await expectNoAxeViolations(sponsor);

  // The programme office, without JavaScript: what waits for approval, and how ready the next meeting is.
  const office = await onHome(browser, baseUrl, account('programme-manager'), false);
  assert.deepEqual(await headings(office), officeHeadings);
  assert.match(
    await sectionAfter(office, 'The next meeting').innerText(),
    /Highlight reports approved\s+0 of 4[\s\S]*Waiting for approval\s+2/,
  );
  await sectionAfter(office, 'Reports waiting for approval')
    .getByRole('link', { name: '2. Working in Partnership' })
    .click();
  await office.getByRole('button', { name: 'Approve for the board pack' }).waitFor();
  await expectNoAxeViolations(office);
  await office.goBack();
  await office.getByRole('link', { name: 'Care leavers', exact: true }).click();
  await office.getByRole('heading', { level: 1, name: 'Care leavers' }).waitFor();
  await expectNoAxeViolations(office);

  // The administrator runs the programme with the office, so sees the same.
  const admin = await onHome(browser, baseUrl, account('administrator'));
  assert.deepEqual(await headings(admin), officeHeadings);

  // A board member: the next meeting's papers; the chair owns no action in the demo.
  const chair = await onHome(browser, baseUrl, account('board-member'));
  assert.deepEqual(await headings(chair), ['Papers for the next meeting', 'Your actions', 'Plans']);
  assert.match(await chair.getByText('You have no open actions.').innerText(), /no open actions/);
  await chair.getByRole('link', { name: /View the meeting/ }).click();
  await chair.getByRole('heading', { level: 1, name: 'Meeting of 12 November 2024' }).waitFor();
  await expectNoAxeViolations(chair);

  // A viewer: the papers and the plans.
  const viewer = await onHome(browser, baseUrl, account('viewer'));
  assert.deepEqual(await headings(viewer), ['Papers for the next meeting', 'Plans']);
  await viewer.getByRole('link', { name: /^Children.s Improvement Programme$/ }).click();
  await viewer.waitForURL(/\/plans\/\d+$/);
  await expectNoAxeViolations(viewer);
});
