import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { paths } from '../../src/web/paths.ts';
import { testApp } from '../helpers/app.ts';

/*
 * Real-browser journeys: the app listening on loopback, Debian's Chromium driven by
 * playwright-core, and an axe scan (WCAG 2.2 AA rules) of every page a journey visits.
 */

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-quic',
];

export async function launchBrowser(t: TestContext): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: launchArgs,
  });
  t.after(() => browser.close());
  return browser;
}

export async function servedApp(t: TestContext, env: Record<string, string> = {}) {
  const { app, database } = await testApp(t, env);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, db: database.db, baseUrl: address };
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/*
 * axe runs as a script and never finishes in a page with JavaScript off (its timers never fire), which
 * hung journeys until their timeout. So such a page's HTML as the reader got it (scripts taken out,
 * so it stays in its no-JavaScript state) is scanned in a tab of its own that runs scripts, on the
 * same site so the stylesheets load as they did for the reader.
 */
const scanners = new WeakMap<Browser, Promise<Page>>();

function scannerFor(browser: Browser): Promise<Page> {
  let scanner = scanners.get(browser);
  if (!scanner) {
    // Without bypassing CSP the copy's inline style (the brand colour) carries the reader's nonce, not
    // the scanner's, and is blocked: axe would check the default colours instead of the council's.
    scanner = browser.newContext({ bypassCSP: true }).then((context) => context.newPage());
    scanners.set(browser, scanner);
  }
  return scanner;
}

/** govuk-frontend's template marks the body as soon as a script runs in the page. */
async function scriptsRan(page: Page): Promise<boolean> {
  return page.evaluate(() => document.body.classList.contains('js-enabled'));
}

async function scannedPage(page: Page): Promise<Page> {
  // A click that navigates returns before the new document exists; scanning then would read no body.
  await page.waitForLoadState('load');
  if (await scriptsRan(page)) return page;
  const browser = page.context().browser();
  assert.ok(browser, 'a page with JavaScript off needs its browser to scan it');
  const scanner = await scannerFor(browser);
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  await scanner.goto(new URL(paths.public.data(), page.url()).href);
  await scanner.setContent(html, { waitUntil: 'load' });
  return scanner;
}

/** Fails the test with every violation's rule and elements, so the fix is obvious; JavaScript on or off. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page: await scannedPage(page) }).withTags(wcagTags).analyze();
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  assert.deepEqual(report, [], `axe found violations on ${page.url()}`);
}

/** Signs in through the form, using only the keyboard; the person lands on their home page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  person: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL((url) => url.pathname === paths.home());
}
