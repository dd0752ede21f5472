import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCommitment } from '../helpers/builders.ts';
import { buildSearchWorld } from '../helpers/search-builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from './browser.ts';

for (const javaScript of [true, false]) {
  test(`a sponsor searches from the menu by keyboard and opens a result (JavaScript ${javaScript ? 'on' : 'off'}); every page passes axe`, async (t) => {
    const { db, baseUrl } = await servedApp(t);
    const world = await buildSearchWorld(db);
    await buildCommitment(db, world.organisationId, world.priority.id, {
      text: '<script>alert(1)</script> Audit of kinship care',
    });
    const browser = await launchBrowser(t);
    const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, baseUrl, world.people.sponsor);

    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Search the plan' }).waitFor();
    await expectNoAxeViolations(page);

    const box = page.getByRole('searchbox', { name: 'Search the plan' });
    await box.focus();
    await page.keyboard.type('audits');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: '9 results for ‘audits’' }).waitFor();
    await expectNoAxeViolations(page);
    assert.equal(await box.inputValue(), 'audits', 'the box keeps what was searched for');
    await page.getByText('<script>alert(1)</script> Audit of kinship care').first().waitFor();
    assert.deepEqual(dialogs, [], 'stored markup never runs');

    // Open the improvement area by keyboard: tab to its link and press Enter.
    const link = page.getByRole('link', { name: 'Case file audit quality' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/areas/${world.auditArea.id}$`));
    await page.getByRole('heading', { level: 1, name: 'Case file audit quality' }).waitFor();
    await expectNoAxeViolations(page);

    // A term too long is explained in an error summary that links to the box.
    await page.goto(`${baseUrl}/search?q=${'audit%20'.repeat(40)}`);
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Search term must be 200 characters or fewer' }).click();
    if (javaScript) assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  });
}
