import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOutcome, buildPlanWithPeople } from '../helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

test('each role signs in and sees what it may; every page passes axe', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  await buildOutcome(db, world.organisationId, world.commitment.id);
  const browser = await launchBrowser(t);

  const expectations = [
    { person: world.people.administrator, canAddPriority: true, canEditCommitment: true },
    { person: world.people.programmeManager, canAddPriority: true, canEditCommitment: true },
    { person: world.people.sponsor, canAddPriority: false, canEditCommitment: true },
    { person: world.people.otherSponsor, canAddPriority: false, canEditCommitment: false },
    { person: world.people.boardMember, canAddPriority: false, canEditCommitment: false },
    { person: world.people.viewer, canAddPriority: false, canEditCommitment: false },
  ];
  for (const { person, canAddPriority, canEditCommitment } of expectations) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, person);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Improving services for children' }).click();
    await page.getByRole('heading', { level: 1, name: 'Improving services for children' }).waitFor();
    await expectNoAxeViolations(page);
    assert.equal(
      await page.getByRole('button', { name: 'Add a priority' }).count(),
      canAddPriority ? 1 : 0,
      person.role,
    );
    await page.getByRole('link', { name: '1. Quality of practice' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /We will introduce a new staff induction/ }).click();
    await page.getByRole('heading', { level: 1, name: 'We said' }).waitFor();
    await expectNoAxeViolations(page);
    assert.equal(
      await page.getByRole('link', { name: 'Change the commitment' }).count(),
      canEditCommitment ? 1 : 0,
      person.name,
    );
    await context.close();
  }
});

test('a sponsor edits a commitment and records an outcome with the keyboard alone', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.sponsor);
  await page.goto(`${baseUrl}/commitments/${world.commitment.id}`);

  await page.getByRole('link', { name: 'Change the commitment' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Change the commitment' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('We said').fill('');
  await page.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  // The error summary takes focus, and its link moves focus to the field.
  await page.getByRole('link', { name: 'Enter what we said we would do' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('We will introduce a new staff induction, co-designed with staff.');
  await page.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'We said' }).waitFor();
  assert.match(await page.content(), /co-designed with staff/);

  await page.getByRole('button', { name: 'Record what we did' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Record what we did' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('We did').fill('Twenty new starters completed the induction.');
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('9');
  await page.getByLabel('Year').fill('2024');
  await page.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Twenty new starters completed the induction.').waitFor();
  assert.match(await page.content(), /Achieved 1 September 2024/);
  await expectNoAxeViolations(page);
});

test('two people edit the same commitment; the second sees both versions and keeps their text', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, baseUrl, world.people.programmeManager);
  await signIn(second, baseUrl, world.people.sponsor);
  await first.goto(`${baseUrl}/commitments/${world.commitment.id}/edit`);
  await second.goto(`${baseUrl}/commitments/${world.commitment.id}/edit`);
  await first.getByLabel('We said').fill('The programme office wording.');
  await first.getByRole('button', { name: 'Save' }).click();
  await first.getByRole('heading', { level: 1, name: 'We said' }).waitFor();
  await second.getByLabel('We said').fill('The sponsor wording.');
  await second.getByRole('button', { name: 'Save' }).click();
  await second.getByRole('heading', { name: 'Someone else changed this while you were editing' }).waitFor();
  await expectNoAxeViolations(second);
  assert.equal(await second.getByLabel('We said').inputValue(), 'The sponsor wording.');
  assert.match(await second.content(), /The programme office wording\./);
});

test('a sponsor cannot open the edit form of another sponsor’s priority', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.sponsor);
  const response = await page.goto(`${baseUrl}/priorities/${world.otherPriority.id}/edit`);
  assert.equal(response?.status(), 403);
  await page.getByRole('heading', { name: 'You do not have permission to see or change this' }).waitFor();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl}/priorities/${world.otherPriority.id}`);
  assert.equal(await page.getByRole('link', { name: 'Change the priority' }).count(), 0);
});

test('every page of the plan workspace has no axe violations, forms with errors included', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPlanWithPeople(db);
  const outcome = await buildOutcome(db, world.organisationId, world.commitment.id);
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await expectNoAxeViolations(page);
  await signIn(page, baseUrl, world.people.administrator);
  const urls = [
    '/plans',
    '/plans/new',
    `/plans/${world.plan.id}/edit`,
    `/plans/${world.plan.id}/commitments?overdue=yes`,
    `/plans/${world.plan.id}/priorities/new`,
    `/plans/${world.plan.id}/standards/new`,
    `/priorities/${world.priority.id}/edit`,
    `/priorities/${world.priority.id}/areas/new`,
    `/priorities/${world.priority.id}/commitments/new`,
    `/areas/${world.area.id}`,
    `/areas/${world.area.id}/edit`,
    `/outcomes/${outcome.id}/edit`,
    `/history/commitment/${world.commitment.id}`,
    `/history/plan/${world.plan.id}`,
    '/account',
    '/users',
    '/users/new',
    '/sign-out',
    '/accessibility',
    '/no-such-page',
  ];
  for (const url of urls) {
    await page.goto(baseUrl + url);
    await expectNoAxeViolations(page);
    if (url.endsWith('/new')) {
      await page.locator('#main-content form button.govuk-button').first().click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await expectNoAxeViolations(page);
    }
  }
});
