import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFeedback } from '../../src/db/publishing/commands.ts';
import { paths } from '../../src/web/paths.ts';
import { buildPublishedCouncil } from '../fixtures/published-council.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * The approver's page with suggestions, JavaScript off: axe finds nothing, before and after a refusal
 * (expectNoAxeViolations scans a page with JavaScript off in a tab that runs scripts).
 */
test('the approval page with suggestions is accessible, and refuses unresolved suggestions', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const council = await buildPublishedCouncil(db);
  const item = await createFeedback(
    db,
    council.organisationId,
    {
      kind: 'you-said-we-did',
      source: 'parent-or-carer',
      said: 'not only does martin keep us in the loop. My son, aged 14, goes to Oakwood Academy in Barnsley.',
      publicWording: '',
      response: '',
      attribution: '',
      receivedOn: null,
      consent: 'anonymous',
    },
    { userId: null, name: 'Fixture' },
  );
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, baseUrl, { email: 'pm@fixtureshire.gov.uk', password: 'correct horse battery staple' });
  await page.goto(`${baseUrl}${paths.publishing.approveFeedback(item.id)}`);
  await page.getByRole('heading', { level: 1, name: 'Approve the public wording' }).waitFor();
  assert.equal(await page.locator('mark').count(), 4);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Approve this wording' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.match(await page.title(), /^Error: /);
  // Every problem in the summary is shown again at the suggestion it is about.
  const problems = await page.locator('.govuk-error-summary__list a').count();
  assert.ok(problems > 0);
  assert.equal(await page.locator('.govuk-error-message').count(), problems);
  await expectNoAxeViolations(page);
});
