import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { demoDfeFile } from '../../demo/measures.ts';
import { testContext } from './fixtures/context.ts';
import { readObservationFile } from './read.ts';

const csv = (text: string) => Buffer.from(text.replace(/^\n/, ''), 'utf8');

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Figures');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('long layout', () => {
  test('reads one figure per row, with suppression codes kept as codes and months written several ways', async () => {
    const parsed = await readObservationFile(
      csv(`
measure,period,value,numerator,denominator,note
Open cases,2020-07,"2,159",,,
Open cases,Dec 2020,2474,,,peak
Cared for children seen within timescales,2024-07,83%,83,100,
Cared for children seen within timescales,2024-06,c,,,
Audits good or better,2024-Q2,40,,,
`),
      'figures.csv',
      testContext(),
    );
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.layout, 'long-csv');
    assert.equal(parsed.rows, 5);
    assert.deepEqual(
      parsed.observations.map((o) => [o.measureName, o.period, o.value, o.suppression ?? null, o.row]),
      [
        ['Open cases', '2020-07', 2159, null, 2],
        ['Open cases', '2020-12', 2474, null, 3],
        ['Cared for children seen within timescales', '2024-07', 83, null, 4],
        ['Cared for children seen within timescales', '2024-06', null, 'c', 5],
        ['Audits good or better', '2024-Q2', 40, null, 6],
      ],
    );
    assert.equal(parsed.observations[2]!.numerator, 83);
    assert.equal(parsed.observations[1]!.note, 'peak');
  });

  test('names the row, column and reason for every problem: bad period, text in a number, unknown measure, duplicate, another council', async () => {
    const parsed = await readObservationFile(
      csv(`
measure,period,value,council
Open cases,2020-13,2159,Tameside
Open cases,2020-08,about 2000,Tameside
Open caseload,2020-09,2100,Tameside
Open cases,2020-10,2200,Tameside
Open cases,2020-10,2201,Tameside
Open cases,2020-11,2300,Oldham
Audits good or better,2024-07,40,E08000008
`),
      'figures.csv',
      testContext(),
    );
    assert.deepEqual(parsed.errors, [
      {
        row: 2,
        column: 'period',
        message: '"2020-13" is not a month such as 2024-07 or July 2024 (the measure is monthly)',
      },
      {
        row: 3,
        column: 'value',
        message: '"about 2000" is not a number or a suppression code (c, z, x, k, :, u, low)',
      },
      {
        row: 4,
        column: 'measure',
        message:
          '"Open caseload" is not one of the council\'s measures: add it on the scorecard first, or check the spelling',
      },
      { row: 6, column: 'period', message: 'Row 5 already gives Open cases for 2020-10' },
      { row: 7, column: 'council', message: 'This row is for "Oldham", not Tameside (E08000008)' },
      {
        row: 8,
        column: 'period',
        message: '"2024-07" is not a quarter such as 2024-Q2 (the measure is quarterly)',
      },
    ]);
  });

  test('a blank value is a problem in the long layout, not a zero', async () => {
    const parsed = await readObservationFile(
      csv('measure,period,value\nOpen cases,2020-07,\n'),
      'f.csv',
      testContext(),
    );
    assert.deepEqual(parsed.errors, [
      { row: 2, column: 'value', message: 'Enter a value or a suppression code' },
    ]);
  });

  test('reads the same layout from an Excel workbook', async () => {
    const bytes = await xlsx([
      ['Measure', 'Period', 'Value'],
      ['Open cases', '2021-04', 2324],
      ['Open cases', '2021-03', 'x'],
    ]);
    const parsed = await readObservationFile(bytes, 'figures.xlsx', testContext());
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.layout, 'long-xlsx');
    assert.deepEqual(
      parsed.observations.map((o) => [o.period, o.value, o.suppression ?? null]),
      [
        ['2021-04', 2324, null],
        ['2021-03', null, 'x'],
      ],
    );
  });
});

describe('wide layout', () => {
  test('reads one row per measure with a column per month, skipping blank months', async () => {
    const parsed = await readObservationFile(
      csv(`
measure,2024-05,Jun 2024,2024-07
Cared for children seen within timescales,,87,83
Open cases,2300,2310,k
`),
      'wide.csv',
      testContext(),
    );
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.layout, 'wide-csv');
    assert.deepEqual(
      parsed.observations.map((o) => [o.measureName, o.period, o.value, o.suppression ?? null]),
      [
        ['Cared for children seen within timescales', '2024-06', 87, null],
        ['Cared for children seen within timescales', '2024-07', 83, null],
        ['Open cases', '2024-05', 2300, null],
        ['Open cases', '2024-06', 2310, null],
        ['Open cases', '2024-07', null, 'k'],
      ],
    );
  });

  test('names the cell with text in a number and the row with an unknown measure', async () => {
    const parsed = await readObservationFile(
      csv('measure,2024-06,2024-07\nOpen cases,2310,n/a\nOpen kases,1,2\n'),
      'wide.csv',
      testContext(),
    );
    assert.deepEqual(parsed.errors, [
      {
        row: 2,
        column: '2024-07',
        message: '"n/a" is not a number or a suppression code (c, z, x, k, :, u, low)',
      },
      {
        row: 3,
        column: 'measure',
        message:
          '"Open kases" is not one of the council\'s measures: add it on the scorecard first, or check the spelling',
      },
    ]);
  });

  test('reads month headings Excel stores as dates', async () => {
    const bytes = await xlsx([
      ['Measure', new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 6, 1))],
      ['Cared for children seen within timescales', 87, 83],
    ]);
    const parsed = await readObservationFile(bytes, 'wide.xlsx', testContext());
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.layout, 'wide-xlsx');
    assert.deepEqual(
      parsed.observations.map((o) => [o.period, o.value]),
      [
        ['2024-06', 87],
        ['2024-07', 83],
      ],
    );
  });
});

describe('DfE open-data layout', () => {
  test('keeps the council, its neighbours, region, England and other councils, and makes a measure per filter and indicator', async () => {
    const parsed = await readObservationFile(
      readFileSync(demoDfeFile),
      'dfe.csv',
      testContext({ measures: new Map() }),
    );
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.layout, 'dfe-csv');
    assert.equal(parsed.rows, 67);
    const own = parsed.observations.filter(
      (o) => o.area === 'council' && o.measureName === 'Children looked after at 31 March each year',
    );
    assert.deepEqual(own.map((o) => [o.period, o.value]).sort(), [
      ['2020', 704],
      ['2021', 682],
      ['2022', 666],
    ]);
    const rate = parsed.observations.find(
      (o) =>
        o.area === 'council' &&
        o.measureName === 'Children looked after at 31 March each year per 10,000' &&
        o.period === '2022',
    );
    assert.equal(rate?.value, 130);
    assert.equal(rate?.numerator, 666);
    const england = parsed.observations.find(
      (o) =>
        o.area === 'england' &&
        o.period === '2022' &&
        o.measureName === 'Children looked after at 31 March each year',
    );
    assert.equal(england?.value, 82170);
    assert.ok(parsed.observations.some((o) => o.area === 'region' && o.areaName === 'North West'));
    assert.deepEqual(
      [
        ...new Set(
          parsed.observations.filter((o) => o.area === 'statistical-neighbour').map((o) => o.areaCode),
        ),
      ].sort(),
      ['E08000004', 'E08000005'],
    );
    const manchester = parsed.observations.filter((o) => o.areaName === 'Manchester');
    assert.ok(
      manchester.length > 0 &&
        manchester.every((o) => o.area === 'local-authority' && o.oldAreaCode === '352'),
      'other councils are kept, with their old LA code, for the model and the rank among councils',
    );
    const created = parsed.newMeasures.find((m) => m.name === 'Children looked after at 31 March each year');
    assert.deepEqual(
      { unit: created?.unit, frequency: created?.frequency, yearEnding: created?.yearEnding },
      { unit: 'count', frequency: 'annual', yearEnding: 3 },
    );
  });

  test('refuses a file with no rows for the council', async () => {
    const context = testContext({
      council: {
        name: 'Northvale',
        laCode: 'E09999999',
        oldLaCode: '',
        regionName: 'North West',
        neighbourCodes: [],
      },
    });
    const parsed = await readObservationFile(readFileSync(demoDfeFile), 'dfe.csv', context);
    assert.deepEqual(parsed.errors, [
      {
        row: 1,
        column: 'new_la_code',
        message: 'This file has no rows for Northvale (E09999999): check it is for your council',
      },
    ]);
  });

  test('reads DfE’s time periods in every form, and names text in figures', async () => {
    const parsed = await readObservationFile(
      csv(`
time_period,time_identifier,geographic_level,region_name,old_la_code,la_name,new_la_code,measure,number
202122,Reporting year,Local authority,North West,357,Tameside,E08000008,Children looked after,666
2022/23,Reporting year,Local authority,North West,357,Tameside,E08000008,Children looked after,650
202324,Reporting year,Local authority,North West,357,Tameside,E08000008,Children looked after,lots
202324,Reporting year,Local authority,North West,357,Tameside,E08000008,Children in need,c
`),
      'dfe.csv',
      testContext(),
    );
    assert.deepEqual(parsed.errors, [
      {
        row: 4,
        column: 'number',
        message: '"lots" is not a number or a suppression code (c, z, x, k, :, u, low)',
      },
    ]);
    assert.deepEqual(
      parsed.observations.map((o) => [o.measureName, o.period, o.value, o.suppression ?? null]),
      [
        ['Children looked after', '2022', 666, null],
        ['Children looked after', '2023', 650, null],
        ['Children in need', '2024', null, 'c'],
      ],
    );
  });

  test('needs the council’s LA code before it can choose rows', async () => {
    const parsed = await readObservationFile(
      readFileSync(demoDfeFile),
      'dfe.csv',
      testContext({ council: null }),
    );
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0]!.column, 'new_la_code');
  });
});

describe('files that are not figures', () => {
  test('a file without the expected headings is refused at row 1', async () => {
    const parsed = await readObservationFile(csv('name,amount\nOpen cases,1\n'), 'f.csv', testContext());
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0]!.row, 1);
  });

  test('a damaged workbook is refused with a reason', async () => {
    const parsed = await readObservationFile(
      Buffer.from('PK\x03\x04 not really a zip'),
      'f.xlsx',
      testContext(),
    );
    assert.deepEqual(parsed.errors, [
      { row: 1, column: '', message: 'The file could not be read as an Excel workbook (.xlsx)' },
    ]);
  });
});
