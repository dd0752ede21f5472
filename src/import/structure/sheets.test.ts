import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentStructure } from '../../domain/document-structure.ts';
import { zipBomb } from './bomb.ts';
import { coverageProblems } from './coverage.ts';
import { delimiterOf } from './csv.ts';
import { trackerXlsx } from './fixtures.ts';
import { readStructure } from './index.ts';

async function read(bytes: Buffer, name: string): Promise<DocumentStructure> {
  const result = await readStructure(bytes, name);
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.deepEqual(coverageProblems(result.structure), []);
  return result.structure;
}

describe('readStructure: Excel', () => {
  it('reads each sheet as a table under a title, with dates as Excel shows them', async () => {
    const s = await read(await trackerXlsx(), 'tracker.xlsx');
    assert.equal(s.format, 'xlsx');
    assert.deepEqual(
      s.lines.map((l) => l.text),
      [
        'Action tracker',
        'Children’s Improvement Plan: action tracker',
        '',
        'Ref\tAction\tLead\tTimescale\tRAG\tUpdate',
        '1.1\tReview thresholds\tHead of MASH\t31/03/2025\tAmber\tOn track',
        '1.2\tAudit section 20\tDCS\tQ2 2025/26\tGreen\t42',
        '',
        'Notes',
        'Owner\tNote',
      ],
    );
    const [sheet, title, table, notes, notesTable] = s.blocks;
    assert.deepEqual(sheet, { type: 'heading', index: 0, level: 1, text: 'Action tracker', lines: [1] });
    assert.equal(title?.type, 'paragraph');
    assert.ok(table?.type === 'table');
    assert.deepEqual(
      table.header?.cells.map((c) => c.text),
      ['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Update'],
    );
    assert.equal(table.rows.length, 2);
    assert.deepEqual(table.rows[0]!.lines, [5]);
    assert.equal(notes?.type, 'heading');
    assert.ok(notesTable?.type === 'table');
  });

  it('refuses an .xlsx bomb and a file that is not a workbook', async () => {
    const bomb = await readStructure(zipBomb(300, 'xl/worksheets/sheet1.xml'), 'tracker.xlsx');
    assert.equal(bomb.ok ? undefined : bomb.reason, 'unsafe');
    const text = await readStructure(Buffer.from('Ref,Action'), 'tracker.xlsx');
    assert.match(text.ok ? '' : text.message, /^tracker\.xlsx is not an Excel \(\.xlsx\) file/);
  });
});

describe('readStructure: CSV', () => {
  it('finds the delimiter: comma, semicolon or tab', () => {
    assert.equal(delimiterOf('Ref,Action,Lead\n1,"Review, then act",DCS\n'), ',');
    assert.equal(delimiterOf('Ref;Action;Lead\n1;Review, then act;DCS\n'), ';');
    assert.equal(delimiterOf('Ref\tAction\tLead\n1\tReview, then act\tDCS\n'), '\t');
  });

  it('reads a tracker with a title above its header row, quoted cells and line breaks in cells', async () => {
    const csv =
      'Action tracker,,\r\n,,\r\nRef;Action;Lead\r\n'.replace(/,/g, ';') +
      '1;"Review\nthresholds";"Smith; J"\r\n2;Audit;DCS\r\n';
    const s = await read(Buffer.from(csv), 'tracker.csv');
    assert.equal(s.encoding, 'utf-8');
    assert.deepEqual(
      s.lines.map((l) => l.text),
      ['Action tracker', '', 'Ref\tAction\tLead', '1\tReview thresholds\tSmith; J', '2\tAudit\tDCS'],
    );
    const table = s.blocks[1]!;
    assert.ok(table.type === 'table');
    assert.deepEqual(
      table.header?.cells.map((c) => c.text),
      ['Ref', 'Action', 'Lead'],
    );
    assert.equal(table.rows.length, 2);
  });

  it('reads Windows-1252 and UTF-16 CSV, and says which', async () => {
    const cp1252 = Buffer.from([...Buffer.from('Ref,Cost\n1,'), 0xa3, ...Buffer.from('5m\n')]);
    const s = await read(cp1252, 'costs.csv');
    assert.equal(s.encoding, 'windows-1252');
    assert.equal(s.lines[1]!.text, '1\t£5m');
    const utf16 = await read(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ref\tCost\n1\t£5m\n', 'utf16le')]),
      'costs.tsv',
    );
    assert.equal(utf16.encoding, 'utf-16le');
    assert.equal(utf16.lines[1]!.text, '1\t£5m');
  });
});
