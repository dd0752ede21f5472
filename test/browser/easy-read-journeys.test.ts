import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureOrganisation } from '../../src/db/people/commands.ts';
import { demoDate } from '../../src/demo/demo-date.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { paths } from '../../src/web/paths.ts';
import { testClock } from '../helpers/clock.ts';
import { expectNoAxeViolations, launchBrowser, servedApp } from './browser.ts';

/*
 * A child reads the demo's easy read on a small phone (320 px wide) with JavaScript off: nothing
 * scrolls sideways, the type is large, each priority has a picture with words for it, a word's
 * meaning opens where the word is, and axe finds nothing.
 */
test('the demo’s easy read works at 320 px wide without JavaScript, large type, pictures and words explained', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: demoDate });
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  await loadDemo(db, organisationId, testClock(demoDate));
  const browser = await launchBrowser(t);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 320, height: 640 },
  });
  const page = await context.newPage();

  await page.goto(`${baseUrl}${paths.public.home()}`);
  await page.getByRole('link', { name: 'Read the easy read version for children and young people' }).click();
  await page.getByRole('heading', { level: 1, name: 'What we said we would do, and what we did' }).waitFor();
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= 320),
    `scrolls sideways: ${await page.evaluate(() => document.documentElement.scrollWidth)}`,
  );
  await expectNoAxeViolations(page);

  // Large type: easy-read text is 24px where the full version's body text is 16px on a phone.
  const size = await page
    .locator('.app-easy-read__text')
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(size, '24px');

  // A picture for each priority, named for a screen reader.
  const pictures = page.locator('main svg[role="img"]');
  assert.equal(await pictures.count(), 4);
  assert.equal(await page.getByRole('img', { name: 'A house' }).count(), 1);

  // A word's meaning opens where it is used, without JavaScript.
  const meaning = page.getByText('The groups we work with, like the police, schools and doctors.');
  assert.equal(await meaning.isVisible(), false);
  await page.getByText('What does ‘partners’ mean?').click();
  await meaning.waitFor({ state: 'visible' });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
  await expectNoAxeViolations(page);

  // The earlier year's easy read too.
  await page.goto(`${baseUrl}${paths.public.archive()}`);
  await page.getByRole('link', { name: 'Quarter 4, 2022/23' }).click();
  await page.getByRole('link', { name: 'Read the easy read version for children and young people' }).click();
  await page.getByRole('heading', { level: 1, name: 'What we said we would do, and what we did' }).waitFor();
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= 320),
    `scrolls sideways: ${await page.evaluate(() => document.documentElement.scrollWidth)}`,
  );
  assert.equal(await page.locator('main svg[role="img"]').count(), 7);
  await expectNoAxeViolations(page);
});
