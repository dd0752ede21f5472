import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { testContext } from './fixtures/context.ts';
import { readObservationFile } from './read.ts';
import type { LoadContext } from './types.ts';

/* A budget file read against the council's projects and their budget lines. */

const context: LoadContext = {
  ...testContext(),
  projects: [
    {
      id: 7,
      title: 'Fostering Service Improvement',
      planTitle: 'Improvement Plan',
      lines: [{ id: 70, financialYear: '2024-25', fundingSource: 'Council budget' }],
    },
    {
      id: 8,
      title: 'Team Around The Setting',
      planTitle: 'Improvement Plan',
      lines: [
        { id: 80, financialYear: '2024-25', fundingSource: 'Council budget' },
        { id: 81, financialYear: '2024-25', fundingSource: 'Families First grant' },
      ],
    },
  ],
};

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

test('a budget CSV becomes quarters of budget lines, with sums in pence', async () => {
  const parsed = await readObservationFile(
    csv([
      'Project,Financial year,Quarter,Planned,Actual',
      'Fostering Service Improvement,2024/25,Q1,"£50,000",42000',
      'fostering service improvement,2024-25,2,50000.00,',
    ]),
    'spend.csv',
    context,
  );
  assert.equal(parsed.layout, 'budget');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.budget, [
    {
      row: 2,
      budgetLineId: 70,
      project: 'Fostering Service Improvement',
      financialYear: '2024-25',
      quarter: 1,
      plannedPence: 5_000_000,
      actualPence: 4_200_000,
    },
    {
      row: 3,
      budgetLineId: 70,
      project: 'Fostering Service Improvement',
      financialYear: '2024-25',
      quarter: 2,
      plannedPence: 5_000_000,
      actualPence: null,
    },
  ]);
});

test('every problem is given with its row, column and message', async () => {
  const parsed = await readObservationFile(
    csv([
      'project,financial year,quarter,planned,actual',
      'Nothing by this name,2024/25,Q1,100,100',
      'Fostering Service Improvement,2024,Q5,lots,-3',
      'Fostering Service Improvement,2023/24,Q1,100,100',
      'Team Around The Setting,2024/25,Q1,100,100',
      'Fostering Service Improvement,2024/25,Q1,100,100',
      'Fostering Service Improvement,2024/25,Q1,100,90',
    ]),
    'spend.csv',
    context,
  );
  assert.deepEqual(parsed.errors, [
    { row: 2, column: 'project', message: 'There is no project called “Nothing by this name”' },
    { row: 3, column: 'financial year', message: 'Financial year must be written like 2024/25' },
    { row: 3, column: 'quarter', message: 'Quarter must be Q1, Q2, Q3 or Q4 (Q1 is April to June)' },
    { row: 3, column: 'planned', message: 'Planned must be a sum of money, like 12500 or £12,500.00' },
    { row: 3, column: 'actual', message: 'Actual must be a sum of money, like 12500 or £12,500.00' },
    {
      row: 4,
      column: 'financial year',
      message:
        'Fostering Service Improvement has no budget line for 2023/24: add one on the project’s page first',
    },
    {
      row: 5,
      column: 'project',
      message:
        'Team Around The Setting has 2 budget lines for 2024/25: add a funding source column to say which (Council budget or Families First grant)',
    },
    {
      row: 7,
      column: 'quarter',
      message: 'Row 6 already gives Fostering Service Improvement for Q1 2024/25',
    },
  ]);
});

test('a budget workbook reads the same, and a funding source column picks between lines', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Spend');
  sheet.addRow(['Project', 'Funding source', 'Financial year', 'Quarter', 'Planned', 'Actual']);
  sheet.addRow(['Team Around The Setting', 'Families First grant', '2024/25', 'Q3', 12500, 13000.5]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const parsed = await readObservationFile(bytes, 'spend.xlsx', context);
  assert.equal(parsed.layout, 'budget');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.budget?.map((r) => [r.budgetLineId, r.quarter, r.plannedPence, r.actualPence]),
    [[81, 3, 1_250_000, 1_300_050]],
  );
});
