import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * The programme office records a quarter's case audits with JavaScript off, and reads the share
 * good or better against its target on the quarter's page and on the scorecard; axe on every page.
 */

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState('load');
}

async function addAudit(page: Page, reference: string, grade: string, finding?: string) {
  await page.getByRole('button', { name: 'Add a case audit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a case audit' }).waitFor();
  await page.getByLabel('Case reference').fill(reference);
  await page.getByLabel('Theme').fill('Voice of the child');
  await page.getByRole('radio', { name: grade, exact: true }).check();
  await page.getByLabel('Auditor').fill('Practice Improvement Manager');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByLabel('Learning (optional)').fill('What the audit found.');
  await page.locator('#auditedOn-day').fill('14');
  await page.locator('#auditedOn-month').fill('8');
  await page.locator('#auditedOn-year').fill('2024');
  if (finding) {
    await page.getByLabel('Finding (needed when the grade is inadequate)').fill(finding);
    await page.getByLabel('Finding owner').fill('Team manager');
    await page.locator('#findingDueOn-day').fill('31');
    await page.locator('#findingDueOn-month').fill('10');
    await page.locator('#findingDueOn-year').fill('2024');
  }
  await save(page);
}

test('a quarter’s audits are recorded and their share good or better is read against target on the scorecard', async (t) => {
  // On the demo's date, so Quarter 2, 2024/25 is last quarter whatever date the suite runs at.
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.goto(`${baseUrl}/plans/${world.plan.id}`);
  await page.getByRole('link', { name: 'Case audits by quarter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Case audits' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Quarter 2, 2024/25' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quarter 2, 2024/25' }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Set the audit programme' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('Themes').fill('Voice of the child\nNeglect');
  await page.getByLabel('Number of audits planned').fill('4');
  await page.getByLabel('Auditors').fill('Practice Improvement Manager');
  await page.getByLabel(/Target for audits good or better/).fill('60');
  await save(page);
  await page.getByText('Audit programme saved').waitFor();

  // A reference that names a child is refused, with the reason in the error summary.
  await page.getByRole('button', { name: 'Add a case audit' }).click();
  await page.getByLabel('Case reference').fill('Jamie Smith');
  await save(page);
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Case reference must not contain a name/ }).count(), 1);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Cancel' }).click();

  await addAudit(page, 'CA-2024-101', 'Good');
  await addAudit(page, 'CA-2024-102', 'Outstanding');
  await addAudit(page, 'CA-2024-103', 'Inadequate', 'Hold a strategy discussion within five days');
  await page.getByRole('heading', { level: 1, name: 'Quarter 2, 2024/25' }).waitFor();
  await expectNoAxeViolations(page);
  const summary = await page.locator('table').first().innerText();
  assert.match(summary, /3 of 4/);
  assert.match(summary, /66\.7%/);
  assert.match(summary, /60%\s*Met/);
  assert.match(summary, /33\.3%.*Over 10%/s);
  assert.match(await page.locator('main').innerText(), /Hold a strategy discussion within five days/);

  await page.getByRole('link', { name: 'CA-2024-103' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Case audit CA-2024-103' }).waitFor();
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}/scorecard`);
  const row = page.getByRole('row', { name: /Case audits good or better/ });
  const cells = await row.innerText();
  assert.match(cells, /66\.7%/);
  assert.match(cells, /60%/);
  assert.match(cells, /Green/);
  await expectNoAxeViolations(page);
});
