import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { DocumentStructure, StructureBlock } from '../../domain/document-structure.ts';
import { sharedFile } from '../../../test/helpers/shared.ts';
import { coverageProblems } from './coverage.ts';
import { readStructure } from './index.ts';

async function structure(text: string | Buffer, name = 'plan.txt'): Promise<DocumentStructure> {
  const result = await readStructure(typeof text === 'string' ? Buffer.from(text) : text, name);
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.deepEqual(coverageProblems(result.structure), []);
  return result.structure;
}

function summary(block: StructureBlock): string {
  switch (block.type) {
    case 'heading':
      return `h${block.level}${block.numbering ? ` [${block.numbering}]` : ''} ${block.text}`;
    case 'paragraph':
      return `p${block.bold ? ' bold' : ''}${block.numbering ? ` [${block.numbering}]` : ''} ${block.text}`;
    case 'label-value':
      return `${block.label} = ${block.value}`;
    case 'list':
      return `${block.ordered ? 'ol' : 'ul'} ${block.items.length}`;
    case 'table':
      return `table ${block.header ? block.header.cells.map((c) => c.text).join('|') : '-'} × ${block.rows.length}`;
  }
}

describe('readStructure: Markdown', () => {
  it('reads headings, nested lists with markers, pipe tables with a header, bold lines and labels', async () => {
    const s = await structure(
      [
        '# Improvement plan',
        '',
        '## 2.1 Front door',
        '',
        '**Key actions**',
        '',
        '- Review thresholds',
        '  - with partners',
        '  - in the MASH',
        '+ Audit section 20',
        '',
        '| Ref | Action | Lead | RAG |',
        '|-----|--------|:----:|-----|',
        '| 1.1 | Review thresholds | Head of MASH | Amber |',
        '| 1.2 | Audit \\| report | DCS | Green |',
        '',
        'Lead officer: Jane Smith',
        'RAG rating: **Amber**',
      ].join('\n'),
      'plan.md',
    );
    assert.equal(s.format, 'markdown');
    assert.equal(s.encoding, 'utf-8');
    assert.deepEqual(s.blocks.map(summary), [
      'h1 Improvement plan',
      'h2 [2.1] Front door',
      'p bold Key actions',
      'ul 2',
      'table Ref|Action|Lead|RAG × 2',
      'Lead officer = Jane Smith',
      'RAG rating = Amber',
    ]);
    const list = s.blocks[3]!;
    assert.ok(list.type === 'list');
    assert.deepEqual(
      list.items.map((item) => [item.marker, item.text, item.children.map((c) => c.text), item.lines]),
      [
        ['-', 'Review thresholds', ['with partners', 'in the MASH'], [7]],
        ['+', 'Audit section 20', [], [10]],
      ],
    );
    const table = s.blocks[4]!;
    assert.ok(table.type === 'table');
    assert.deepEqual(table.lines, [12, 13, 14, 15]);
    assert.deepEqual(
      table.rows[1]!.cells.map((c) => c.text),
      ['1.2', 'Audit | report', 'DCS', 'Green'],
    );
    assert.deepEqual(table.rows[1]!.lines, [15]);
  });
});

describe('readStructure: plain text', () => {
  it('reads numbered headings, numbered paragraphs, lettered and roman lists, and tables', async () => {
    const s = await structure(
      [
        'Priority 4: Workforce',
        '',
        '2. Background',
        '',
        '2.1 The council was inspected in May and the report was published in July, with eight',
        'recommendations for improvement.',
        '',
        'a) recruit social workers',
        'b) reduce caseloads',
        '   to twenty',
        '',
        '(i) first',
        '(ii) second',
        '',
        'Ref\tAction\tOwner',
        '1\tRecruit\tHR',
        '2\tTrain\tPrincipal social worker',
        '',
        'Action | Owner | Due',
        'Recruit | HR | March 2025',
        '',
        'SUMMARY OF PROGRESS',
        '',
        'Next steps',
        '',
        'The board will meet again in March.',
      ].join('\r\n'),
    );
    assert.deepEqual(s.blocks.map(summary), [
      'h1 [Priority 4] Workforce',
      'h1 [2.] Background',
      'p [2.1] The council was inspected in May and the report was published in July, with eight recommendations for improvement.',
      'ol 2',
      'ol 2',
      'table Ref|Action|Owner × 2',
      'table Action|Owner|Due × 1',
      'h1 SUMMARY OF PROGRESS',
      'h2 Next steps',
      'p The board will meet again in March.',
    ]);
    const lettered = s.blocks[3]!;
    assert.ok(lettered.type === 'list');
    assert.deepEqual(lettered.items[1]!.lines, [9, 10]);
    assert.equal(lettered.items[1]!.text, 'reduce caseloads to twenty');
    const roman = s.blocks[4]!;
    assert.ok(roman.type === 'list');
    assert.deepEqual(
      roman.items.map((i) => i.marker),
      ['(i)', '(ii)'],
    );
  });

  it('keeps a sentence that starts "Priority 1" as prose and a time as no label', async () => {
    const s = await structure(
      'Priority 1 was agreed by the board in May.\n\nThe meeting started at 10:30 prompt.\n',
    );
    assert.deepEqual(s.blocks.map(summary), [
      'p Priority 1 was agreed by the board in May.',
      'p The meeting started at 10:30 prompt.',
    ]);
  });
});

describe('readStructure: encodings', () => {
  const words = 'Children’s services – £5m\nRAG: Amber\n';
  it('reads UTF-8 with and without a byte order mark', async () => {
    assert.equal((await structure(words)).encoding, 'utf-8');
    const bom = await structure(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(words)]));
    assert.equal(bom.encoding, 'utf-8');
    assert.equal(bom.lines[0]!.text, 'Children’s services – £5m');
  });

  it('reads UTF-16 either way round, with or without a byte order mark', async () => {
    const le = Buffer.from(words, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const s = await structure(bytes);
      assert.equal(s.encoding, encoding);
      assert.equal(s.lines[0]!.text, 'Children’s services – £5m');
    }
  });

  it('reads bytes that are not UTF-8 as Windows-1252, and says so', async () => {
    // ’ is 0x92, – is 0x96 and £ is 0xA3 in Windows-1252.
    const bytes = Buffer.from([
      ...Buffer.from('Children'),
      0x92,
      ...Buffer.from('s services '),
      0x96,
      0x20,
      0xa3,
      ...Buffer.from('5m\nRAG: Amber\n'),
    ]);
    const s = await structure(bytes);
    assert.equal(s.encoding, 'windows-1252');
    assert.equal(s.lines[0]!.text, 'Children’s services – £5m');
  });

  it('refuses binary data, empty files and files of another kind, naming the file', async () => {
    const binary = await readStructure(Buffer.from([1, 2, 0, 0, 0, 5, 6, 0, 9, 0]), 'plan.txt');
    assert.deepEqual(binary.ok ? undefined : binary.reason, 'binary');
    const empty = await readStructure(Buffer.alloc(0), 'plan.txt');
    assert.deepEqual(empty, { ok: false, reason: 'empty', message: 'plan.txt is empty' });
    const blank = await readStructure(Buffer.from(' \n\u200b\n'), 'folder/plan.md');
    assert.deepEqual(blank, { ok: false, reason: 'empty', message: 'plan.md has no text in it' });
    const other = await readStructure(Buffer.from('x'), 'plan.exe');
    assert.equal(other.ok ? undefined : other.reason, 'unsupported-type');
  });
});

describe('readStructure: the seeds and the corpus', () => {
  const folders = ['seeds', 'corpus/docs'];
  for (const folder of folders) {
    const dir = sharedFile(...folder.split('/'));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      it(`${folder}/${file}: every non-blank line in exactly one block`, async () => {
        const s = await structure(readFileSync(`${dir}/${file}`), file);
        assert.ok(s.blocks.length > 0);
      });
    }
  }
});
