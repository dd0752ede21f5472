import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { reportOf } from '../../domain/measures/loads.ts';
import { testContext } from './fixtures/context.ts';
import { readObservationFile } from './read.ts';

const fixture = fileURLToPath(new URL('./fixtures/ofsted-judgements.csv', import.meta.url));
const read = (text: string, context = testContext()) =>
  readObservationFile(Buffer.from(text), 'judgements.csv', context);

describe('Ofsted’s published judgements', () => {
  test('loads this council’s rows with their framework’s areas, and lists every other row with the reason', async () => {
    const parsed = await readObservationFile(readFileSync(fixture), fixture, testContext());
    assert.deepEqual(parsed.errors, []);
    const report = reportOf(parsed);
    assert.equal(report.layout, 'ofsted-judgements');
    assert.equal(report.rows, 5);
    assert.equal(report.inspections, 3);
    assert.deepEqual(report.notLoaded, [
      { row: 5, reason: 'For Wolds Vale, not this council' },
      { row: 6, reason: 'For Northby, not this council' },
    ]);
    const [standard, visit, short] = parsed.inspections!;
    assert.deepEqual(standard, {
      row: 2,
      kind: 'ilacs-standard',
      frameworkVersion: 'ilacs-2023',
      startDate: '2023-03-06',
      endDate: '2023-03-17',
      publishedDate: '2023-05-02',
      link: 'https://reports.example.org/tameside-2023',
      judgements: [
        { area: 'overall-effectiveness', grade: 'requires-improvement' },
        { area: 'impact-of-leaders', grade: 'good' },
        { area: 'help-and-protection', grade: 'requires-improvement' },
        { area: 'children-in-care', grade: 'good' },
        { area: 'care-leavers', grade: 'requires-improvement' },
      ],
    });
    assert.equal(visit?.kind, 'monitoring-visit');
    assert.equal(visit?.startDate, '2023-11-14');
    assert.deepEqual(visit?.judgements, []);
    // From April 2026 there is no overall grade: the row's blank cell is simply none.
    assert.equal(short?.frameworkVersion, 'ilacs-2026');
    assert.equal(short?.judgements.length, 4);
  });

  test('a children in care column is the one combined judgement under ILACS 2018', async () => {
    const parsed = await read(
      'Local authority,Inspection type,Start date,Overall effectiveness,Children in care\nTameside,ILACS standard,2019-03-04,Good,Requires improvement\n',
    );
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.inspections?.[0]?.judgements, [
      { area: 'overall-effectiveness', grade: 'good' },
      { area: 'children-in-care-and-care-leavers', grade: 'requires-improvement' },
    ]);
  });

  test('bad rows give the row, column and message; a row already recorded is not loaded again', async () => {
    const parsed = await read(
      [
        'Local authority,Inspection type,Inspection start date,Inspection end date,Overall effectiveness,Care leavers',
        'Tameside,Inspection of sorts,2023-12-04,,Inadequate,',
        'Tameside,ILACS standard,4 December 2023,,Inadequate,',
        'Tameside,ILACS standard,2023-12-04,2023-12-01,Poor,',
        'Tameside,ILACS standard,2019-01-07,,Good,Good',
      ].join('\n'),
    );
    assert.deepEqual(parsed.errors, [
      {
        row: 2,
        column: 'Inspection type',
        message: '"Inspection of sorts" is not a type of inspection or visit Wesaid knows',
      },
      {
        row: 3,
        column: 'Inspection start date',
        message: '"4 December 2023" is not a date such as 2023-12-04 or 04/12/2023',
      },
      { row: 4, column: 'Inspection end date', message: 'The end date is before the start date' },
      {
        row: 4,
        column: 'Overall effectiveness',
        message: '"Poor" is not a grade: outstanding, good, requires improvement to be good or inadequate',
      },
      { row: 5, column: 'Care leavers', message: 'ILACS (2018) does not judge this area' },
    ]);
    const again = await read(
      'Local authority,Inspection type,Inspection start date,Overall effectiveness\nTameside Metropolitan Borough Council,ILACS standard,2023-12-04,Inadequate\n',
      testContext({ council: null, recordedInspections: ['ilacs-standard|2023-12-04'] }),
    );
    assert.deepEqual(again.errors, []);
    assert.equal(again.inspections?.length, 0);
    assert.deepEqual(again.notLoaded, [
      { row: 2, reason: 'Already recorded: an inspection of this type starting that day' },
    ]);
  });
});
