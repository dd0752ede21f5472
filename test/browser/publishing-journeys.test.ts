import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createCommitteeReport,
  publishQuarter,
  withdrawPublication,
} from '../../src/db/publishing/commands.ts';
import { quarter, quarterByKey } from '../../src/domain/publishing/quarters.ts';
import { buildPublishedCouncil, internal } from '../fixtures/published-council.ts';
import { suiteDate } from '../helpers/clock.ts';
import { paths } from '../../src/web/paths.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * Publishing with its check step in Chromium with JavaScript off: the preview, publishing, a
 * correction with its reason, and withdrawing with a public reason, then what a reader sees.
 */

const programmeManager = { email: 'pm@fixtureshire.gov.uk', password: 'correct horse battery staple' };

/**
 * The fixture's council with Quarter 2 published and then corrected, and its Quarter 3 withdrawn,
 * written through the commands (the journey above does the same through the pages).
 */
async function correctedAndWithdrawn(db: Parameters<typeof buildPublishedCouncil>[0]) {
  const world = await buildPublishedCouncil(db);
  const actor = { userId: world.programmeManager.id, name: 'Pat Manager' };
  const at = (time: string) => new Date(`${suiteDate}T${time}:00Z`);
  const toPublish = {
    organisationId: world.organisationId,
    planId: world.plan.id,
    quarter: quarter(2024, 2),
    measureIds: [world.measure.id],
    actor,
    easyReadReason: internal.easyReadReason,
  };
  const first = await publishQuarter(db, { ...toPublish, publishedAt: at('09:00') });
  const corrected = await publishQuarter(db, {
    ...toPublish,
    publishedAt: at('10:00'),
    correction: true,
    reason: 'A due date was wrong',
  });
  const withdrawn = await withdrawPublication(db, {
    organisationId: world.organisationId,
    publicationId: world.publication.id,
    reason: 'It described a child who could be recognised',
    actor,
    withdrawnAt: at('11:00'),
  });
  return { world, first, corrected, withdrawn };
}

test('preview, publish, correct and withdraw a quarter with JavaScript off', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  await buildPublishedCouncil(db);
  const browser = await launchBrowser(t);
  const office = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(office, baseUrl, programmeManager);

  // Preview, then publish a quarter not yet published.
  await office.goto(`${baseUrl}${paths.publishing.publish()}`);
  await expectNoAxeViolations(office);
  await office.getByLabel('Quarter this update covers').selectOption({ label: 'Quarter 2, 2024/25' });
  await office.getByRole('button', { name: 'Continue' }).click();
  await office
    .getByRole('heading', { level: 1, name: 'Check what will be published: Quarter 2, 2024/25' })
    .waitFor();
  assert.match(await office.content(), /since Quarter 3, 2024\/25, published/);
  await expectNoAxeViolations(office);
  // Two of the fixture's texts read above the target: the easy read is published only with a reason.
  await office.getByRole('button', { name: 'Publish Quarter 2, 2024/25' }).click();
  await office
    .getByRole('link', { name: 'Enter why the easy read is published with 2 texts above reading age 11' })
    .click();
  await expectNoAxeViolations(office);
  await office
    .getByLabel('Why publish the easy read with texts above reading age 11?')
    .fill('The plain versions are being checked with young people');
  await office.getByRole('button', { name: 'Publish Quarter 2, 2024/25' }).click();
  await office.getByRole('heading', { level: 1, name: 'Publishing' }).waitFor();
  await office.getByText(/Easy read above the target reading age because: The plain versions/).waitFor();

  // The same quarter again is refused; as a correction with a reason it is published.
  await office.goto(`${baseUrl}${paths.publishing.publish()}`);
  await office.getByLabel('Quarter this update covers').selectOption({ label: 'Quarter 2, 2024/25' });
  await office.getByRole('button', { name: 'Continue' }).click();
  await office.getByRole('link', { name: /Quarter 2, 2024\/25 has already been published/ }).waitFor();
  await expectNoAxeViolations(office);
  await office.getByLabel('Publish a correction of this quarter').check();
  await office.getByLabel('Why is this a correction?').fill('A due date was wrong');
  await office.getByRole('button', { name: 'Continue' }).click();
  await office
    .getByLabel('Why publish the easy read with texts above reading age 11?')
    .fill('The plain versions are being checked with young people');
  await office.getByRole('button', { name: 'Publish correction' }).click();
  await office.getByText('Correction: A due date was wrong').waitFor();
  await expectNoAxeViolations(office);

  // Withdraw the corrected version, with a public reason.
  await office
    .getByRole('link', { name: /Withdraw/ })
    .first()
    .click();
  await office.getByRole('heading', { level: 1, name: 'Withdraw Quarter 2, 2024/25' }).waitFor();
  await expectNoAxeViolations(office);
  await office.getByRole('button', { name: 'Withdraw this update' }).click();
  await office.getByRole('link', { name: 'Enter why it is being withdrawn' }).waitFor();
  await office.getByLabel('Why is it being withdrawn?').fill('It described a child who could be recognised');
  await office.getByRole('button', { name: 'Withdraw this update' }).click();
  await office.getByText(/Withdrawn \d+ \w+ \d{4}: It described a child/).waitFor();

  // A reader sees the quarter once in the archive, withdrawn, and why.
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`${baseUrl}${paths.public.archive()}`);
  assert.equal(await reader.getByRole('link', { name: 'Quarter 2, 2024/25' }).count(), 1);
  await expectNoAxeViolations(reader);
  await reader.getByRole('link', { name: 'Quarter 2, 2024/25' }).click();
  await reader.getByText(/This update was withdrawn on/).waitFor();
  assert.match(await reader.content(), /Why: It described a child who could be recognised/);
  await expectNoAxeViolations(reader);
});

test('a withdrawn publication and the archive that says so pass axe with JavaScript off', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const { withdrawn } = await correctedAndWithdrawn(db);
  const browser = await launchBrowser(t);
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`${baseUrl}${paths.public.archive()}`);
  await reader.getByText(/Withdrawn \d+ \w+ \d{4}: It described a child/).waitFor();
  await expectNoAxeViolations(reader);
  await reader.goto(`${baseUrl}${paths.public.publication(withdrawn.id)}`);
  await reader.getByText(/This update was withdrawn on/).waitFor();
  await expectNoAxeViolations(reader);
});

test('a corrected publication, and the version it replaced, pass axe with JavaScript off', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const { first, corrected } = await correctedAndWithdrawn(db);
  const browser = await launchBrowser(t);
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`${baseUrl}${paths.public.archive()}`);
  await reader.getByText(/Corrected \d+ \w+ \d{4}: A due date was wrong/).waitFor();
  await expectNoAxeViolations(reader);
  await reader.goto(`${baseUrl}${paths.public.publication(corrected.id)}`);
  await reader.getByText(/Corrected \d+ \w+ \d{4}:/).waitFor();
  // The versions open without JavaScript (a details element), and are scanned open.
  await reader.getByText('Versions of this update').click();
  await reader.getByText(/Version 2 \(this page\)/).waitFor();
  await expectNoAxeViolations(reader);
  await reader.goto(`${baseUrl}${paths.public.publication(first.id)}`);
  await reader.getByText('This version has been corrected.').waitFor();
  await expectNoAxeViolations(reader);
});

test('a Cabinet report not yet issued, marked DRAFT, passes axe with JavaScript off', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const world = await buildPublishedCouncil(db);
  const report = await createCommitteeReport(
    db,
    world.organisationId,
    {
      planId: world.plan.id,
      quarter: quarterByKey('2024-25-q2')!,
      consultationId: null,
      reportTo: 'Executive Cabinet',
      meetingOn: '2024-10-23',
      reportingOfficer: 'Director of Children’s Services',
      subject: 'Improvement plan: quarter 2',
      reportSummary: 'Progress in quarter 2.',
      recommendations: 'To note the report.',
      communityStrategyLinks: '',
      financialImplications: '',
      legalImplications: '',
      backgroundPapersContact: '',
    },
    { userId: world.programmeManager.id, name: 'Pat Manager' },
  );
  const browser = await launchBrowser(t);
  const office = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(office, baseUrl, programmeManager);
  await office.goto(`${baseUrl}${paths.publishing.committeeReport(report.id)}`);
  await office.getByText('DRAFT', { exact: true }).waitFor();
  await office.getByText(/Not issued yet: the downloads show/).waitFor();
  await expectNoAxeViolations(office);
});
