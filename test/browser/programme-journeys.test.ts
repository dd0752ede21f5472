import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { buildPlan, buildPlanWithPeople, buildPriority } from '../helpers/builders.ts';
import { buildBoard, buildMeeting } from '../helpers/board-builders.ts';
import { buildMeasure } from '../helpers/measure-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('the programme office adds an expectation to the reform programme, links a commitment, sets the programme’s own target and sees the expectations summary in the board pack; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const programme = await buildPlan(db, world.organisationId, {
    title: 'Families First Partnership',
    kind: 'reform-programme',
  });
  const programmePriority = await buildPriority(db, programme, {
    number: 1,
    title: 'Family help and child protection',
  });
  const measure = await buildMeasure(
    db,
    world.organisationId,
    { name: 'Families offered a conference', target: 90 },
    [{ period: '2024-08', value: 92 }],
    [world.priority.id, programmePriority.id],
  );
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  // The checklist, an expectation refused without its words, then added with its evidence.
  await page.goto(`${baseUrl}${paths.plan(programme.id)}`);
  await page.getByRole('link', { name: 'Expectations checklist' }).click();
  await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add an expectation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add an expectation' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page
    .getByLabel('What the programme expects')
    .fill('Offer family group decision-making before proceedings');
  await page.getByLabel('Required', { exact: true }).check();
  await page.getByLabel('Grant line or reference (optional)').fill('Family help');
  await page.getByLabel('Met', { exact: true }).check();
  await page.getByLabel('Evidence (optional)').fill('Offered to every family since the spring');
  await page
    .getByLabel('Commitment that evidences it (optional)')
    .selectOption({ value: String(world.commitment.id) });
  await page.getByLabel('Measure that evidences it (optional)').selectOption({ value: String(measure.id) });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Expectations' }).waitFor();
  assert.match(await page.locator('#expectation-counts').innerText(), /1 of 1 required expectations met/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Offer family group decision-making before proceedings' }).click();
  await page.getByRole('link', { name: world.commitment.text }).waitFor();
  await expectNoAxeViolations(page);

  // The shared measure: the programme holds it to its own target.
  await page.goto(`${baseUrl}${paths.measure(measure.id)}`);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Set the target for Families First Partnership' }).click();
  await page.getByLabel('Target for this plan').fill('95');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 2, name: 'Targets by plan' }).waitFor();
  const targets = await page.getByRole('table', { name: /Each plan’s target/ }).innerText();
  assert.match(targets, /Families First Partnership[\s\S]*95%/);
  await expectNoAxeViolations(page);

  // The board's next meeting covers the programme too, and its pack has the programme's part.
  await page.goto(`${baseUrl}${paths.meeting(meeting.id)}`);
  await page.getByRole('link', { name: 'Change the plans this pack covers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose the plans this pack covers' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Families First Partnership (Reform programme)').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Plans this pack covers saved').waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Open the reporting cycle' }).click();
  await page.getByText('Reporting cycle opened').waitFor();
  const reports = await page.getByRole('table', { name: 'Highlight reports for this meeting' }).innerText();
  assert.match(reports, /Family help and child protection\s+Families First Partnership/);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Board pack as a web page (print-ready)' }).click();
  await page.getByRole('heading', { level: 2, name: 'Part 2: Families First Partnership' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Expectations: Families First Partnership' }).waitFor();
  await expectNoAxeViolations(page);
  const summary = await page.locator('section[aria-labelledby="part-2-expectations"]').innerText();
  assert.match(summary, /Required expectations\s*1 of 1 met/);
  assert.match(summary, /Not met\s*0/);
  assert.match(summary, /Offer family group decision-making before proceedings \(Family help\)/);
  assert.match(summary, new RegExp(`Commitment: ${world.commitment.text.replace('.', '\\.')}`));
  assert.match(summary, /Measure: Families offered a conference/);
  const programmePart = await page.locator('section[aria-labelledby="part-2-priority-1"]').innerText();
  assert.match(programmePart, /Families offered a conference\s+92% \(August 2024\)\s+95%/);
});
