import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildUser } from '../helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

/*
 * A person looks after their own account: signs in, sees where they are signed in (another
 * browser too), changes their password, which signs the other browser out, creates and revokes
 * an API token, and signs out. axe finds nothing on any page on the way.
 */

const newPassword = 'a new password I will remember';

test('sign in, see your sessions, change your password, manage a token, sign out', async (t) => {
  const { db, baseUrl } = await servedApp(t);
  const person = await buildUser(db, 'sponsor', { name: 'Sam Sponsor' });
  const browser = await launchBrowser(t);
  const page = await (
    await browser.newContext({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' })
  ).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, baseUrl, person);
  await signIn(page, baseUrl, person);

  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'See where you are signed in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Where you are signed in' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^End the session in/ }).count(), 1);
  await page.getByText('Firefox on Linux').waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'change your password' }).click();
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Current password', { exact: true }).fill(person.password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Type the new password again', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password has been changed').waitFor();
  await expectNoAxeViolations(page);

  await elsewhere.reload();
  await elsewhere.waitForURL(/\/sign-in/);
  await page.getByRole('link', { name: 'See where you are signed in' }).click();
  assert.equal(await page.getByRole('button', { name: /^End the session in/ }).count(), 0);

  await page.goto(`${baseUrl}/account/tokens`);
  await expectNoAxeViolations(page);
  await page.getByLabel('Name', { exact: true }).fill('Monthly figures');
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByRole('heading', { name: 'API token created' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to your API tokens' }).click();
  await page.getByRole('button', { name: 'Revoke the token Monthly figures' }).click();
  await page.getByText('API token revoked').waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await page.getByRole('link', { name: 'See where you are signed in' }).click();
  await page.getByRole('button', { name: 'Sign out of this session' }).click();
  await page.waitForURL(/\/sign-in/);
  await expectNoAxeViolations(page);
  await signIn(page, baseUrl, { email: person.email, password: newPassword });
});
