import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { reportOf, type ModelCouncil } from '../../domain/measures/loads.ts';
import { snModel2025, tamesideNeighbours2025 } from '../../../test/helpers/shared.ts';
import { testContext } from './fixtures/context.ts';
import { readObservationFile } from './read.ts';

describe('DfE statistical neighbour model', () => {
  test('the real 2025 file gives Tameside its ten neighbours, closest first, with closeness bands', async () => {
    const file = snModel2025();
    const parsed = await readObservationFile(readFileSync(file), file, testContext());
    assert.deepEqual(parsed.errors, []);
    const report = reportOf(parsed);
    assert.equal(report.layout, 'dfe-sn-model');
    assert.equal(report.rows, 153);
    assert.equal(report.observations, 0);
    assert.deepEqual(
      report.neighbours?.map((n) => n.name),
      tamesideNeighbours2025,
    );
    assert.deepEqual(report.neighbours?.[0], { laCode: '372', name: 'Rotherham', closeness: 'Very close' });
    assert.equal(parsed.model?.name, '2025');
    assert.equal(parsed.model?.councils.length, 153);
    // "Close " is padded in DfE's file; the band is kept as its words.
    const barnet = parsed.model?.councils.find((c) => c.name === 'Barnet');
    assert.equal(barnet?.neighbours[0]?.closeness, 'Close');
  });

  test('finds the council by name when no old LA code is set, and refuses a model already loaded', async () => {
    const file = snModel2025();
    const byName = await readObservationFile(
      readFileSync(file),
      file,
      testContext({
        council: { name: 'tameside', laCode: 'E08000008', oldLaCode: '', regionName: '', neighbourCodes: [] },
      }),
    );
    assert.equal(byName.model?.neighbours.length, 10);
    const again = await readObservationFile(
      readFileSync(file),
      file,
      testContext({ neighbourModels: ['2025'] }),
    );
    assert.deepEqual(again.errors, [
      { row: 1, column: '', message: 'The 2025 statistical neighbour model is already loaded' },
    ]);
  });

  test('names each bad row by row and column', async () => {
    const text = [
      'old_la_code,la_name,region_name,SN_1,SN_1P,SN_2,SN_2P',
      '357,Tameside,North West,372,Very close,390,Close',
      '372,Rotherham,Yorkshire,357,Close,9x9,Close',
      '390,Gateshead,North East,357,,372,Close',
      '35,Nowhere,,357,Close,372,Close',
    ].join('\n');
    const parsed = await readObservationFile(Buffer.from(text), 'sn_model_2030.csv', testContext());
    assert.deepEqual(parsed.errors, [
      { row: 3, column: 'SN_2', message: '"9x9" is not an old LA code such as 357' },
      { row: 4, column: 'SN_1P', message: 'Enter the closeness band' },
      { row: 5, column: 'old_la_code', message: '"35" is not an old LA code such as 357' },
    ]);
    const unnamed = await readObservationFile(
      Buffer.from(text.split('\n').slice(0, 2).join('\n')),
      'model.csv',
      testContext(),
    );
    assert.deepEqual(
      unnamed.errors.map((e) => [e.row, e.column]),
      [
        [1, ''],
        [2, 'SN_1'],
        [2, 'SN_2'],
      ],
    );
    assert.match(unnamed.errors[0]!.message, /Name the file with the model’s year/);
  });

  test('any well-formed model reads back as written, whatever its council count or band words', async () => {
    const code = fc.integer({ min: 100, max: 999 }).map(String);
    const band = fc.constantFrom('Very close', 'Close ', 'Somewhat close', 'Not close');
    // Each council's two neighbours are other councils of the model.
    const model = fc.uniqueArray(code, { minLength: 3, maxLength: 30 }).chain((codes) =>
      fc.tuple(
        fc.constant(codes),
        fc.tuple(
          ...codes.map((c) =>
            fc.tuple(
              fc.shuffledSubarray(
                codes.filter((o) => o !== c),
                { minLength: 2, maxLength: 2 },
              ),
              band,
              band,
            ),
          ),
        ),
        fc.integer({ min: 2000, max: 2099 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(model, async ([codes, rows, year]) => {
        const lines = codes.map((c, i) => {
          const [[n1, n2], b1, b2] = rows[i]!;
          return `${c},Council ${c},Region,${n1},${b1},${n2},${b2}`;
        });
        const text = ['old_la_code,la_name,region_name,SN1,SN1P,SN2,SN2P', ...lines].join('\n');
        const own = codes[0]!;
        const parsed = await readObservationFile(
          Buffer.from(text),
          `statistical_neighbours_${year}.csv`,
          testContext({
            council: {
              name: `Council ${own}`,
              laCode: 'E08000008',
              oldLaCode: own,
              regionName: '',
              neighbourCodes: [],
            },
          }),
        );
        assert.deepEqual(parsed.errors, []);
        assert.equal(parsed.layout, 'dfe-sn-model');
        assert.equal(parsed.model?.name, String(year));
        assert.equal(parsed.model?.councils.length, codes.length);
        for (const [i, line] of lines.entries()) {
          const cells = line.split(',');
          const council: ModelCouncil = parsed.model.councils[i]!;
          assert.equal(council.laCode, cells[0]);
          assert.deepEqual(council.neighbours, [
            { laCode: cells[3], closeness: cells[4]!.trim() },
            { laCode: cells[5], closeness: cells[6]!.trim() },
          ]);
        }
        assert.deepEqual(
          parsed.model?.neighbours.map((n) => n.name),
          parsed.model?.councils[0]?.neighbours.map((n) => `Council ${n.laCode}`),
        );
      }),
      { numRuns: 60 },
    );
  });
});
