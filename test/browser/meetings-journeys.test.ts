import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildPlanWithPeople } from '../helpers/builders.ts';
import { buildBoard, buildMeeting } from '../helpers/board-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * A meeting of record as the programme office keeps it, in Chromium, with an axe scan of every
 * page: minutes and an action at September's board, the action on October's agenda and in its
 * pack, then closed.
 */

async function onPage(page: Page, heading: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectNoAxeViolations(page);
}

test('record minutes and an action, see it carried to the next meeting and its pack, then close it', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-10-01' });
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const september = await buildMeeting(db, world.organisationId, board.id, {
    meetingOn: '2024-09-10',
    papersDueOn: '2024-09-03',
  });
  const october = await buildMeeting(db, world.organisationId, board.id);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.goto(`${baseUrl}/meetings/${september.id}`);
  await onPage(page, 'Meeting of 10 September 2024');
  await page.getByRole('link', { name: 'Agenda', exact: true }).click();
  await onPage(page, 'Agenda');
  await page.getByRole('button', { name: 'Add an agenda item' }).click();
  await onPage(page, 'Add an agenda item');
  await page.getByLabel('Item', { exact: true }).fill('Deep dive: children who go missing');
  await page.getByLabel('Deep dive topic (optional)').fill('Children missing from home or care');
  await page.getByRole('button', { name: 'Save' }).click();
  await onPage(page, 'Agenda');

  await page.getByRole('link', { name: 'Minutes and decisions' }).click();
  await onPage(page, 'Minutes and decisions');
  await page.getByRole('link', { name: /Change the minutes/ }).click();
  await onPage(page, /Minutes: 1\./);
  await page.getByLabel('Minutes', { exact: true }).fill('The board heard the deep dive findings.');
  await page.getByLabel('Decisions (optional)').fill('A digital return home interview is to be developed.');
  await page.getByRole('button', { name: 'Save' }).click();
  await onPage(page, 'Minutes and decisions');
  await page.getByText('The board heard the deep dive findings.').waitFor();

  await page.goto(`${baseUrl}/meetings/${september.id}/actions`);
  await onPage(page, 'Actions');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await onPage(page, 'Add an action');
  await page
    .getByLabel('Action', { exact: true })
    .fill('Bring the digital return home interview to the board');
  await page
    .getByLabel('Arising from (optional)')
    .selectOption({ label: '1. Deep dive: children who go missing' });
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Sam Sponsor' });
  await page.getByLabel('Day').fill('15');
  await page.getByLabel('Month').fill('10');
  await page.getByLabel('Year').fill('2024');
  await page.getByRole('radio', { name: 'Open' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await onPage(page, 'Bring the digital return home interview to the board');
  const actionUrl = page.url();

  // October's agenda carries the open action, and so does its pack.
  await page.goto(`${baseUrl}/meetings/${october.id}/agenda`);
  await onPage(page, 'Agenda');
  await page.getByRole('heading', { name: 'Actions from earlier meetings' }).waitFor();
  await page.getByRole('link', { name: 'Bring the digital return home interview to the board' }).waitFor();
  await page.goto(`${baseUrl}/meetings/${october.id}/pack.html`);
  await page.getByRole('heading', { level: 2, name: 'Action log' }).waitFor();
  await expectNoAxeViolations(page);
  assert.match(
    await page.locator('main').innerText(),
    /Bring the digital return home interview to the board/,
  );

  // Closed, it leaves October's agenda.
  await page.goto(actionUrl);
  await onPage(page, 'Bring the digital return home interview to the board');
  await page.getByRole('button', { name: 'Close the action' }).click();
  await onPage(page, 'Close the action');
  await page.getByRole('radio', { name: 'Done' }).check();
  await page.getByLabel('Closing note (optional)').fill('Presented to the board.');
  await page.getByRole('button', { name: 'Save' }).click();
  await onPage(page, 'Bring the digital return home interview to the board');
  await page.getByText('Presented to the board.').waitFor();
  await page.goto(`${baseUrl}/meetings/${october.id}/agenda`);
  await onPage(page, 'Agenda');
  await page.getByText('No open actions from earlier meetings.').waitFor();
});
