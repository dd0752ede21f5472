/*
 * Every CSV in ../shared/data and ../shared/corpus/data (real DfE files, read where they are and
 * never copied into the project) loads for Tameside, or is refused saying what it is. For each
 * file: a sample of the loaded figures equals the file's own cells (DfE's "years:months" durations
 * read as months), every suppression code in a loaded cell is kept as the code, and every row is
 * either loaded or listed as not loaded with its reason. The two indicator catalogues are another
 * reader's (summary_page_metadata.csv, lait_data_dictionary__csc_topics_rows.csv).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { suppressionCodes } from '../../domain/measures/index.ts';
import { sharedFile } from '../../../test/helpers/shared.ts';
import { testContext } from './fixtures/context.ts';
import { readObservationFile } from './read.ts';

const CATALOGUES = new Set(['summary_page_metadata.csv', 'lait_data_dictionary__csc_topics_rows.csv']);

const files = [sharedFile('data'), sharedFile('corpus', 'data')].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.csv') && !CATALOGUES.has(name))
    .map((name) => path.join(dir, name)),
);

const context = () => testContext({ measures: new Map() });

/** The figure a cell stands for, as the file writes it. */
function expected(text: string): { value: number | null; suppression?: string } {
  const code = text.trim().toLowerCase();
  if ((suppressionCodes as readonly string[]).includes(code)) return { value: null, suppression: code };
  const duration = /^(\d+):(\d\d)$/.exec(text.trim());
  if (duration) return { value: Number(duration[1]) * 12 + Number(duration[2]) };
  return { value: Number(text.replace(/,/g, '')) };
}

test('the shared folders hold the DfE files this test reads', () => {
  assert.ok(files.length >= 8, `found ${files.length} files`);
});

for (const file of files) {
  test(`${path.basename(file)} loads, its figures equal to the file's cells`, async () => {
    const bytes = readFileSync(file);
    const parsed = await readObservationFile(bytes, path.basename(file), context());
    if (parsed.layout === 'dfe-sn-model') {
      assert.deepEqual(parsed.errors, []);
      assert.equal(parsed.model?.councils.length, parsed.rows);
      return;
    }
    assert.equal(parsed.layout, 'dfe-csv');
    assert.deepEqual(parsed.errors, [], 'the file loads with no problems');
    assert.ok(parsed.observations.length > 0);

    const records: string[][] = parse(bytes, { bom: true, relax_column_count: true });
    const headers = records[0]!;
    const rowAt = (row: number) => records[row - 1]!;
    const columnOf = new Map<string, number>();
    for (const indicator of parsed.indicators ?? [])
      for (const measure of indicator.measures)
        columnOf.set(measure.toLowerCase(), headers.indexOf(indicator.column));

    // A sample of figures, each equal to its cell.
    const step = Math.max(1, Math.floor(parsed.observations.length / 200));
    for (let i = 0; i < parsed.observations.length; i += step) {
      const o = parsed.observations[i]!;
      const column = columnOf.get(o.measureName.toLowerCase());
      assert.ok(column !== undefined && column >= 0, `${o.measureName} comes from a column`);
      const want = expected(rowAt(o.row)[column]!);
      assert.equal(o.value, want.value, `row ${o.row}, ${headers[column]}`);
      assert.equal(o.suppression, want.suppression, `row ${o.row}, ${headers[column]}`);
    }

    // Every code in a loaded row's indicator cells is kept as the code.
    const loadedRows = new Set(parsed.observations.map((o) => o.row));
    const indicatorColumns = (parsed.indicators ?? []).map((i) => headers.indexOf(i.column));
    const codesInFile = new Map<string, number>();
    for (const row of loadedRows)
      for (const c of indicatorColumns) {
        const text = rowAt(row)[c]!.trim().toLowerCase();
        if ((suppressionCodes as readonly string[]).includes(text))
          codesInFile.set(text, (codesInFile.get(text) ?? 0) + 1);
      }
    const codesKept = new Map<string, number>();
    for (const o of parsed.observations)
      if (o.suppression) codesKept.set(o.suppression, (codesKept.get(o.suppression) ?? 0) + 1);
    assert.deepEqual(codesKept, codesInFile);

    // Every row is loaded or listed, with a reason.
    const listed = new Set((parsed.notLoaded ?? []).map((n) => n.row));
    for (const n of parsed.notLoaded ?? []) assert.ok(n.reason.length > 10, `row ${n.row} has a reason`);
    for (let row = 2; row <= records.length; row++)
      assert.ok(loadedRows.has(row) !== listed.has(row), `row ${row} is either loaded or listed, once`);
  });
}
