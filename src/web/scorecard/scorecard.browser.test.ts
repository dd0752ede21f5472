import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { expectNoAxeViolations, launchBrowser, servedApp, signIn } from '../../../test/browser/browser.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';

async function wideWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Returns');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a programme manager loads a spreadsheet, sees the scorecard change, opens the measure and reads its chart’s table', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-09-10' });
  const world = await buildPlanWithPeople(db);
  await buildMeasure(
    db,
    world.organisationId,
    {},
    [
      { period: '2024-06', value: 87 },
      { period: '2024-07', value: 83 },
    ],
    [world.priority.id],
  );
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.programmeManager);

  await page.getByRole('link', { name: 'Scorecard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
  await expectNoAxeViolations(page);
  const row = page.getByRole('row', { name: /Cared for children seen within timescales/ });
  assert.match(
    await row.innerText(),
    /83%[\s\S]*July 2024[\s\S]*90%[\s\S]*Amber[\s\S]*7 percentage points below target/,
  );

  // The measure form, with its error summary, passes axe too.
  await page.getByRole('link', { name: 'Add a measure' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a measure' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Cancel' }).click();

  // A file with a mistake: every problem named, nothing loaded.
  await page.getByRole('link', { name: 'Load figures from a spreadsheet' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Set who the council compares itself with' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'returns.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await wideWorkbook([
      ['Measure', '2024-08'],
      ['Cared for children seen within timescales', 'ninety'],
    ]),
  });
  await page.getByRole('button', { name: 'Preview the figures' }).click();
  await page.getByRole('heading', { name: '1 problem to fix' }).waitFor();
  await expectNoAxeViolations(page);
  assert.equal(await page.getByRole('button', { name: 'Load these figures' }).count(), 0);
  assert.match(
    await page.getByRole('row', { name: /ninety/ }).innerText(),
    /2\s+2024-08\s+"ninety" is not a number/,
  );
  await page.getByRole('button', { name: 'Discard' }).click();

  // The corrected file, previewed then loaded, with the keyboard.
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'returns.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await wideWorkbook([
      ['Measure', '2024-08'],
      ['Cared for children seen within timescales', 91],
    ]),
  });
  await page.getByRole('button', { name: 'Preview the figures' }).click();
  await page.getByRole('heading', { name: 'Check the figures before loading' }).waitFor();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Load these figures' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Load of returns.xlsx' }).waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Go to the scorecard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
  assert.match(
    await page.getByRole('row', { name: /Cared for children seen within timescales/ }).innerText(),
    /91%[\s\S]*August 2024[\s\S]*Green/,
  );

  await page.getByRole('link', { name: 'Cared for children seen within timescales' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cared for children seen within timescales' }).waitFor();
  await expectNoAxeViolations(page);
  assert.equal(await page.locator('figure.app-chart svg[role="img"]').count(), 1);
  const table = page.getByRole('table', { name: /figures by period/ });
  assert.match(await table.getByRole('row', { name: /August 2024/ }).innerText(), /August 2024\s+91%/);
  assert.match(await table.getByRole('row', { name: /July 2024/ }).innerText(), /July 2024\s+83%/);
  assert.match(await page.locator('#narrative').innerText(), /stood at 91% in August 2024/);
});

test('a viewer filters the scorecard by priority and is not offered the measure form', async (t) => {
  const { db, baseUrl } = await servedApp(t, { WESAID_TODAY: '2024-09-10' });
  const world = await buildPlanWithPeople(db);
  await buildMeasure(db, world.organisationId, {}, [{ period: '2024-07', value: 83 }], [world.priority.id]);
  await buildMeasure(
    db,
    world.organisationId,
    { name: 'Agency social workers', unit: 'percentage', polarity: 'lower-is-better', target: 15 },
    [{ period: '2024-07', value: 22 }],
    [world.otherPriority.id],
  );
  const browser = await launchBrowser(t);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, world.people.viewer);
  await page.goto(`${baseUrl}/scorecard`);
  await page
    .getByLabel('Show measures for')
    .selectOption({ label: 'Improving services for children: priority 2, Leadership and workforce' });
  await page.getByRole('button', { name: 'Show measures' }).click();
  await page.getByRole('heading', { level: 1, name: /priority 2/ }).waitFor();
  await expectNoAxeViolations(page);
  assert.equal(await page.getByRole('link', { name: 'Agency social workers' }).count(), 1);
  assert.equal(
    await page.getByRole('link', { name: 'Cared for children seen within timescales' }).count(),
    0,
  );
  assert.match(await page.getByRole('row', { name: /Agency social workers/ }).innerText(), /22%[\s\S]*Red/);
  assert.equal(await page.getByRole('link', { name: 'Add a measure' }).count(), 0);

  // On paper: the table and its ratings, without navigation, the filter or the download links.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.govuk-service-navigation').isVisible(), false);
  assert.equal(await page.locator('form.app-filter').isVisible(), false);
  assert.equal(await page.getByRole('link', { name: 'Download the scorecard (Excel)' }).isVisible(), false);
  assert.equal(await page.getByRole('table').isVisible(), true);
});
