import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { publishQuarter } from '../../src/db/publishing/commands.ts';
import { committeeReports } from '../../src/db/schema.ts';
import { quarter } from '../../src/domain/publishing/quarters.ts';
import { pdfText, normaliseSpace } from '../../src/reports/text-readback.ts';
import { paths } from '../../src/web/paths.ts';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { buildApprovedReport, buildBoard } from '../helpers/board-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('the programme office adds a project with a milestone and a budget line, loads its spend, and sees it in the board pack, the Cabinet report and on the public site; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const { meeting } = await buildApprovedReport(db, world.organisationId, board.id, world.priority.id);
  const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-spend-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.goto(`${baseUrl}${paths.plan(world.plan.id)}`);
  await page.getByRole('link', { name: 'Projects and investment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Projects and investment' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add a project' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Title').fill('Fostering Service Improvement');
  await page.getByLabel('Phase (optional)').fill('Phase one: sustainability project');
  await page.getByLabel('Lead’s name, if they have no account (optional)').fill('Head of Fostering');
  await page.getByLabel('Amber (At Risk)').check();
  await page.getByLabel('Reason for RAG (optional)').fill('Carer recruitment is behind the plan');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fostering Service Improvement' }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Add a milestone' }).click();
  await page.getByLabel('Milestone').fill('Recruitment strategy launched');
  const due = page.getByRole('group', { name: 'Due date (optional)' });
  await due.getByLabel('Day').fill('31');
  await due.getByLabel('Month').fill('3');
  await due.getByLabel('Year').fill('2025');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fostering Service Improvement' }).waitFor();

  await page.getByRole('link', { name: 'Add a budget line' }).click();
  await page.getByLabel('Recurrent', { exact: true }).check();
  await page.getByLabel('Financial year (optional)').fill('2024/25');
  await page.getByLabel('Planned (£)').fill('200000');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fostering Service Improvement' }).waitFor();

  const csv = path.join(dir, 'spend.csv');
  writeFileSync(
    csv,
    'project,financial year,quarter,planned,actual\nFostering Service Improvement,2024/25,Q1,50000,42000\n',
  );
  await page.getByRole('link', { name: 'Load planned and actual spend from a spreadsheet' }).click();
  await page.getByLabel('Upload a file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Preview the figures' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check the figures before loading' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Load this spend' }).click();

  const project = await page.goto(`${baseUrl}${paths.planProjects(world.plan.id)}`);
  assert.equal(project?.status(), 200);
  await page.getByRole('link', { name: 'Fostering Service Improvement' }).click();
  const body = await page.content();
  assert.match(body, /£8,000 less spent than planned/);
  assert.match(body, /£42,000 spent against £50,000 planned/);
  await expectNoAxeViolations(page);

  await page.goto(`${baseUrl}${paths.meeting(meeting.id)}`);
  await page.getByRole('link', { name: 'Board pack as a web page (print-ready)' }).click();
  await page.getByRole('heading', { level: 2, name: 'Project: Fostering Service Improvement' }).waitFor();
  await expectNoAxeViolations(page);
  const pack = await page.content();
  assert.match(pack, /Carer recruitment is behind the plan/);
  assert.match(pack, /Recruitment strategy launched/);
  assert.match(pack, /£200,000 planned/);

  const [report] = await db
    .insert(committeeReports)
    .values({
      organisationId: world.organisationId,
      planId: world.plan.id,
      quarterLabel: 'Quarter 2, 2024/25',
      quarterStart: '2024-07-01',
      quarterEnd: '2024-09-30',
      reportTo: 'Executive Cabinet',
      meetingOn: '2024-10-23',
      subject: 'Progress update',
    })
    .returning();
  await page.goto(`${baseUrl}${paths.publishing.committeeReport(report!.id)}`);
  await expectNoAxeViolations(page);
  const pdf = await page.request.get(
    `${baseUrl}${paths.publishing.committeeReportDownload(report!.id, 'pdf')}`,
  );
  assert.equal(pdf.status(), 200);
  const text = normaliseSpace(await pdfText(Buffer.from(await pdf.body())));
  assert.match(text, /FINANCIAL IMPLICATIONS/);
  assert.match(text, /£200,000 of recurrent/);
  assert.match(text, /Fostering Service Improvement/);

  await publishQuarter(db, {
    organisationId: world.organisationId,
    planId: world.plan.id,
    quarter: quarter(2024, 2),
    measureIds: [],
    actor: { userId: world.people.programmeManager.id, name: 'Pat Manager' },
    publishedAt: new Date('2024-10-01T09:00:00Z'),
    // The test world's plan has texts above the easy read's target: publishing says why.
    easyReadReason: 'Test plan: its plain versions are not written',
  });
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`${baseUrl}${paths.public.investment()}`);
  await reader.getByRole('heading', { level: 1, name: 'What we invest in' }).waitFor();
  await expectNoAxeViolations(reader);
  const row = reader.getByRole('row', { name: /Fostering Service Improvement/ }).first();
  assert.match((await row.textContent()) ?? '', /£200,000.*£42,000/s);
  assert.doesNotMatch(await reader.content(), /Head of Fostering|Carer recruitment is behind/);
});
