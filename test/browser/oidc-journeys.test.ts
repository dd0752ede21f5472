import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { paths } from '../../src/web/paths.ts';
import { testApp } from '../helpers/app.ts';
import { buildOrganisation, buildUser } from '../helpers/builders.ts';
import { startTestProvider } from '../helpers/oidc-provider.ts';
import { expectNoAxeViolations, launchBrowser, signIn } from './browser.ts';

/*
 * Sign-in through the council's identity provider in Chromium: an administrator sets the provider
 * up on the settings page, a programme manager signs in through the provider's own login and
 * consent pages (a real oidc-provider on 127.0.0.1) and lands signed in; the administrator turns
 * the account off and the manager's next request is signed out, and a new sign-in is refused.
 * axe scans Wesaid's pages, not the provider's.
 */

/** A port free now, so the app's public address (and so the redirect URI) is known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

/** Through the provider's pages as a person would: its login (if it asks) and consent (if it asks). */
async function throughProviderPages(page: Page, issuer: string, baseUrl: string, login: string) {
  for (let step = 0; step < 6 && page.url().startsWith(issuer); step++) {
    const loginBox = page.locator('input[name="login"]');
    if (await loginBox.count()) {
      await loginBox.fill(login);
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
    } else {
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((url) => url.href.startsWith(baseUrl) || url.pathname.startsWith('/interaction/'));
  }
  assert.ok(page.url().startsWith(baseUrl), `still at the provider: ${page.url()}`);
}

test('sign in through the council’s identity provider; a turned-off account is signed out at its next request', async (t) => {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider(t, {
    redirectUri: `${baseUrl}${paths.signInOidcCallback()}`,
    accounts: { maya: { email: 'maya.manager@testshire.gov.uk', name: 'Maya M' } },
  });
  const { app, database } = await testApp(t, {
    PUBLIC_URL: baseUrl,
    OIDC_TESTSHIRE_SECRET: provider.clientSecret,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const db = database.db;
  const organisationId = await buildOrganisation(db, 'Testshire County Council');
  const administrator = await buildUser(db, 'administrator', { organisationId, name: 'Ada Admin' });
  await buildUser(db, 'programme-manager', {
    organisationId,
    name: 'Maya Manager',
    email: 'maya.manager@testshire.gov.uk',
  });
  const browser = await launchBrowser(t);

  // The administrator sets the provider up, through the settings page.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, baseUrl, administrator);
  await admin.getByRole('link', { name: 'Account', exact: true }).click();
  await admin.getByRole('link', { name: 'Set how your council’s people sign in' }).click();
  await admin.getByRole('heading', { level: 1, name: 'How people sign in' }).waitFor();
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Name of the identity provider').fill('Testshire Council account');
  await admin.getByLabel('Issuer URL (optional)').fill('not a web address');
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Issuer URL (optional)').fill(provider.issuer);
  await admin.getByLabel('Client ID (optional)').fill(provider.clientId);
  await admin
    .getByLabel('Name of the variable holding the client secret (optional)')
    .fill('OIDC_TESTSHIRE_SECRET');
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Sign-in settings saved').waitFor();

  // The manager signs in through the provider's login and consent pages.
  const manager = await (await browser.newContext()).newPage();
  await manager.goto(`${baseUrl}${paths.signIn()}`);
  await expectNoAxeViolations(manager);
  await manager.getByRole('button', { name: 'Sign in with Testshire Council account' }).click();
  await manager.waitForURL((url) => url.href.startsWith(provider.issuer));
  await throughProviderPages(manager, provider.issuer, baseUrl, 'maya');
  await manager.waitForURL((url) => url.href === `${baseUrl}/`);
  await expectNoAxeViolations(manager);
  await manager.getByRole('link', { name: 'Account', exact: true }).click();
  await manager.getByText('Maya Manager').first().waitFor();
  await expectNoAxeViolations(manager);

  // The administrator turns the account off; the manager's next request is signed out.
  await admin.goto(`${baseUrl}${paths.users()}`);
  await admin
    .getByRole('row', { name: /Maya Manager/ })
    .getByLabel('Turn off this account')
    .check();
  await admin.getByRole('button', { name: 'Save role and access for Maya Manager' }).click();
  await admin.getByRole('row', { name: /Maya Manager.*Turned off/ }).waitFor();
  await manager.reload();
  await manager.waitForURL(/\/sign-in/);

  // Signing in through the provider again is refused, in plain words.
  await manager.getByRole('button', { name: 'Sign in with Testshire Council account' }).click();
  await manager.waitForURL((url) => url.href.startsWith(provider.issuer) || url.href.startsWith(baseUrl));
  if (manager.url().startsWith(provider.issuer))
    await throughProviderPages(manager, provider.issuer, baseUrl, 'maya');
  await manager.getByRole('heading', { level: 1, name: 'Your account is turned off' }).waitFor();
  await expectNoAxeViolations(manager);
});
