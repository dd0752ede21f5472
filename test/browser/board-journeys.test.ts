import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { getMeeting, loadBoardPackRows } from '../../src/db/board/queries.ts';
import { assembleBoardPack } from '../../src/reports/board-pack/assemble.ts';
import { expectedReadingOrder } from '../../src/reports/board-pack/reading-order.ts';
import { docxText, findOutOfOrder, pdfText } from '../../src/reports/text-readback.ts';
import { buildArea, buildPlanWithPeople } from '../helpers/builders.ts';
import { buildApprovedReport, buildBoard, buildMeeting } from '../helpers/board-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * The board cycle as the programme office and two sponsors live it, in Chromium, with an axe scan
 * of every page: open the cycle, write and submit, return and resubmit, approve, download the pack.
 */

class ReportPage {
  constructor(readonly page: Page) {}

  static async verifyOnPage(page: Page, priority: string): Promise<ReportPage> {
    await page.getByRole('heading', { level: 1, name: priority }).waitFor();
    await expectNoAxeViolations(page);
    return new ReportPage(page);
  }

  async write(input: { rag: RegExp; reason: string; progress: string; next: string }) {
    await this.page.getByRole('button', { name: 'Change the report' }).click();
    await this.page.getByRole('group', { name: 'Current RAG Status' }).waitFor();
    await expectNoAxeViolations(this.page);
    await this.page.getByRole('radio', { name: input.rag }).check();
    await this.page.getByLabel('Reason for RAG').fill(input.reason);
    await this.page.getByLabel('Summary of progress since last board').first().fill(input.progress);
    await this.page.getByLabel('Activity for the next period').first().fill(input.next);
    await this.page.getByRole('button', { name: 'Save and check the evidence' }).click();
    await this.page.getByRole('heading', { name: 'Evidence check' }).waitFor();
    await expectNoAxeViolations(this.page);
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit the report' }).click();
    await this.page.getByText('Submitted', { exact: true }).first().waitFor();
    await expectNoAxeViolations(this.page);
  }
}

async function as(browser: Browser, baseUrl: string, person: { email: string; password: string }) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, baseUrl, person);
  return page;
}

async function openMeeting(page: Page) {
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Boards' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Improvement Board' }).click();
  await page.getByRole('link', { name: '15 October 2024' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '15 October 2024' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meeting of 15 October 2024' }).waitFor();
  await expectNoAxeViolations(page);
}

test('open a cycle, two sponsors submit, one is returned and resubmitted, the office approves and downloads the pack', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  await buildArea(db, world.organisationId, world.otherPriority.id, {
    title: 'The stability of the workforce',
  });
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  await buildApprovedReport(db, world.organisationId, board.id, world.priority.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const browser = await launchBrowser(t);

  // The programme office opens the cycle.
  const office = await as(browser, baseUrl, world.people.programmeManager);
  await openMeeting(office);
  await office.getByRole('button', { name: 'Open the reporting cycle' }).click();
  await office.getByText('Reports being written').waitFor();
  await expectNoAxeViolations(office);

  // Sponsor 1 writes with a contradiction, sees the evidence check, and submits anyway.
  const sam = await as(browser, baseUrl, world.people.sponsor);
  await openMeeting(sam);
  await sam.getByRole('link', { name: '1. Quality of practice' }).click();
  const samReport = await ReportPage.verifyOnPage(sam, 'Priority 1: Quality of practice');
  await samReport.write({
    rag: /^Green/,
    reason: 'Progress not as expected; recovery actions in place.',
    progress: '- Audit of thresholds completed\n  - 40 cases sampled\n- MASH manual drafted',
    next: '- Share the audit findings with partners',
  });
  await sam.locator('[data-kind="rag-reason-mismatch"]').waitFor();
  await samReport.submit();

  // Sponsor 2 writes and submits.
  const olu = await as(browser, baseUrl, world.people.otherSponsor);
  await openMeeting(olu);
  await olu.getByRole('link', { name: '2. Leadership and workforce' }).click();
  const oluReport = await ReportPage.verifyOnPage(olu, 'Priority 2: Leadership and workforce');
  await oluReport.write({
    rag: /^Amber/,
    reason: 'Recruitment is behind plan.',
    progress: '- Social Work Academy approved',
    next: '- Launch the career change pathway',
  });
  await oluReport.submit();

  // The office returns sponsor 1's report with comments.
  await openMeeting(office);
  await office.getByRole('link', { name: '1. Quality of practice' }).click();
  await ReportPage.verifyOnPage(office, 'Priority 1: Quality of practice');
  await office.getByRole('button', { name: 'Return with comments' }).click();
  await office.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(office);
  await office
    .getByLabel('Return to the sponsor with comments')
    .fill('Green does not match the reason. Please review the rating.');
  await office.getByRole('button', { name: 'Return with comments' }).click();
  await office.getByText('Returned with comments', { exact: true }).first().waitFor();
  await expectNoAxeViolations(office);

  // Sponsor 1 reads the comments, corrects the rating and resubmits.
  await sam.reload();
  await sam.getByText('Green does not match the reason. Please review the rating.').first().waitFor();
  await expectNoAxeViolations(sam);
  await samReport.write({
    rag: /^Amber/,
    reason: 'Progress not as expected; recovery actions in place.',
    progress: '- Audit of thresholds completed\n  - 40 cases sampled\n- MASH manual drafted',
    next: '- Share the audit findings with partners',
  });
  assert.equal(await sam.locator('[data-kind="rag-reason-mismatch"]').count(), 0);
  await samReport.submit();

  // The office approves both and downloads the pack.
  for (const name of ['1. Quality of practice', '2. Leadership and workforce']) {
    await openMeeting(office);
    await office.getByRole('link', { name }).click();
    await expectNoAxeViolations(office);
    await office.getByRole('button', { name: 'Approve for the board pack' }).click();
    await office.getByText('Approved', { exact: true }).first().waitFor();
    await expectNoAxeViolations(office);
  }
  await openMeeting(office);
  const download = async (name: string) => {
    const [file] = await Promise.all([
      office.waitForEvent('download'),
      office.getByRole('link', { name }).click(),
    ]);
    return readFile(await file.path());
  };
  const docx = await download('Download the board pack (Word)');
  const pdf = await download('Download the board pack (PDF)');

  const ctx = await getMeeting(db, world.organisationId, meeting.id);
  const expected = expectedReadingOrder(
    assembleBoardPack(await loadBoardPackRows(db, world.organisationId, ctx!, '2024-10-01'), {
      generatedAt: new Date('2024-10-01T09:00:00Z'),
    }),
  );
  assert.ok(expected.includes('Audit of thresholds completed'));
  assert.ok(expected.includes('Social Work Academy approved'));
  assert.equal(findOutOfOrder(await docxText(docx), expected), undefined);
  assert.equal(findOutOfOrder(await pdfText(pdf), expected), undefined);

  // The HTML pack is a page in its own right: it must pass axe too.
  await office.getByRole('link', { name: 'Board pack as a web page (print-ready)' }).click();
  await office.getByRole('heading', { level: 1 }).first().waitFor();
  await expectNoAxeViolations(office);
});

test('every board page passes axe, forms with errors and a report with a conflict included', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  await buildApprovedReport(db, world.organisationId, board.id, world.priority.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const browser = await launchBrowser(t);
  const page = await as(browser, baseUrl, world.people.administrator);
  for (const url of [
    '/boards',
    '/boards/new',
    `/boards/${board.id}`,
    `/boards/${board.id}/members/new`,
    `/boards/${board.id}/meetings/new`,
    '/rag-scale',
    `/priorities/${world.priority.id}/rag-history`,
    `/plans/${world.plan.id}/rag-history`,
  ]) {
    await page.goto(baseUrl + url);
    await expectNoAxeViolations(page);
    if (url.endsWith('/new')) {
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(page);
    }
  }
  await page.goto(`${baseUrl}/meetings/${meeting.id}`);
  await page.getByRole('button', { name: 'Open the reporting cycle' }).click();
  await page.getByRole('link', { name: '1. Quality of practice' }).click();
  const reportUrl = page.url();

  // Two people edit the same report at once: the second sees both versions and keeps their text.
  const other = await as(browser, baseUrl, world.people.sponsor);
  await other.goto(`${reportUrl}/edit`);
  await page.goto(`${reportUrl}/edit`);
  await page.getByLabel('Reason for RAG').fill('The administrator’s reason.');
  await page.getByRole('button', { name: 'Save and check the evidence' }).click();
  await page.getByRole('heading', { name: 'Evidence check' }).waitFor();
  await other.getByLabel('Reason for RAG').fill('The sponsor’s reason.');
  await other.getByRole('button', { name: 'Save and check the evidence' }).click();
  await other
    .getByRole('heading', { name: 'Someone else changed this report while you were editing' })
    .waitFor();
  await expectNoAxeViolations(other);
  assert.equal(await other.getByLabel('Reason for RAG').inputValue(), 'The sponsor’s reason.');
  assert.match(await other.content(), /The administrator’s reason\./);
  await page.goto(`${reportUrl}/history`);
  await expectNoAxeViolations(page);
});

test('with JavaScript off, the office issues the papers, a later change leaves them as issued, and issues again with a reason', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  await buildApprovedReport(db, world.organisationId, board.id, world.priority.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const browser = await launchBrowser(t);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const office = await context.newPage();
  await signIn(office, baseUrl, world.people.programmeManager);
  await office.goto(`${baseUrl}/meetings/${meeting.id}`);
  await office.getByRole('button', { name: 'Open the reporting cycle' }).click();
  await office.getByText('every page is marked DRAFT').waitFor();
  await expectNoAxeViolations(office);

  await office.getByRole('button', { name: 'Issue papers', exact: true }).click();
  await office.getByText('These are the papers as issued on').waitFor();
  await office.getByRole('rowheader', { name: 'Version 1' }).waitFor();
  await expectNoAxeViolations(office);
  const issuedPack = await (await office.request.get(`${baseUrl}/meetings/${meeting.id}/pack.html`)).text();
  assert.doesNotMatch(issuedPack, /DRAFT/);

  // A report changed after issue does not change the issued pack.
  await office.getByRole('link', { name: '1. Quality of practice' }).click();
  const reportUrl = office.url();
  await office.goto(`${reportUrl}/edit`);
  await office.getByLabel('Reason for RAG').fill('A reason written after the papers were issued.');
  await office.getByRole('button', { name: 'Save and check the evidence' }).click();
  await office.getByRole('heading', { name: 'Evidence check' }).waitFor();
  assert.equal(
    await (await office.request.get(`${baseUrl}/meetings/${meeting.id}/pack.html`)).text(),
    issuedPack,
  );

  // Issuing again asks why, then keeps both versions.
  await office.goto(`${baseUrl}/meetings/${meeting.id}`);
  await office.getByRole('button', { name: 'Issue papers again' }).click();
  await office.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(office);
  await office.getByLabel('Why are the papers being issued again?').fill('The sponsor corrected the reason.');
  await office.getByRole('button', { name: 'Issue papers again' }).click();
  await office.getByRole('rowheader', { name: 'Version 2' }).waitFor();
  await office.getByRole('cell', { name: 'The sponsor corrected the reason.' }).waitFor();
  await expectNoAxeViolations(office);
  const first = await (
    await office.request.get(`${baseUrl}/meetings/${meeting.id}/pack.html?version=1`)
  ).text();
  assert.equal(first, issuedPack);
  const latest = await (await office.request.get(`${baseUrl}/meetings/${meeting.id}/pack.html`)).text();
  assert.match(latest, /A reason written after the papers were issued\./);
});
