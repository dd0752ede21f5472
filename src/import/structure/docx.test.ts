import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { docxFromText } from '../fixtures/build-docx.ts';
import { parseBullet, toSourceLines } from '../text.ts';
import { entry, zip, zipBomb } from './bomb.ts';
import { coverageProblems } from './coverage.ts';
import { councilDocx } from './fixtures.ts';
import { readStructure } from './index.ts';
import { sharedFile } from '../../../test/helpers/shared.ts';

async function read(bytes: Buffer, name = 'plan.docx') {
  const result = await readStructure(bytes, name);
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.deepEqual(coverageProblems(result.structure), []);
  return result.structure;
}

describe('readStructure: Word', () => {
  it('reads heading styles, outline levels, nested lists, merged cells, bold and labels', async () => {
    const s = await read(await councilDocx());
    assert.equal(s.format, 'docx');
    // The lines as the importer has always written Word files.
    assert.deepEqual(
      s.lines.map((l) => l.text),
      [
        'Children’s Improvement Plan',
        '# 1. Front door',
        '## What needs to improve',
        '**Key actions**',
        '- Review thresholds',
        '  - with partners',
        '    - in the MASH',
        '- Audit section 20',
        '**Lead officer:** Jane Smith',
        'RAG rating: Amber',
        'Recommendations',
        '1. Recruit social workers',
        '  1. from agencies',
        '2. Reduce caseloads',
        'Ref\tAction\tLead\tRAG',
        '1.1\tReview thresholds and the MASH manual\tAmber',
        '1.2\tAudit\tHead of service',
        '',
        'The board will meet again in March.',
      ],
    );
    const [title, front, improve, bold, bullets, lead, rag, recs, numbers, table, last] = s.blocks;
    assert.deepEqual(title, {
      type: 'heading',
      index: 0,
      level: 1,
      text: 'Children’s Improvement Plan',
      lines: [1],
    });
    assert.deepEqual(front, {
      type: 'heading',
      index: 1,
      level: 1,
      text: 'Front door',
      numbering: '1.',
      lines: [2],
    });
    assert.equal(improve?.type === 'heading' && improve.level, 2);
    assert.deepEqual(bold, { type: 'paragraph', index: 3, text: 'Key actions', bold: true, lines: [4] });
    assert.ok(bullets?.type === 'list' && !bullets.ordered);
    assert.deepEqual(bullets.items[0]!.children[0]!.children[0]!.text, 'in the MASH');
    assert.deepEqual(bullets.lines, [5, 6, 7, 8]);
    assert.deepEqual(lead, {
      type: 'label-value',
      index: 5,
      label: 'Lead officer',
      value: 'Jane Smith',
      lines: [9],
    });
    assert.equal(rag?.type === 'label-value' && rag.value, 'Amber');
    assert.deepEqual(recs, { type: 'heading', index: 7, level: 2, text: 'Recommendations', lines: [11] });
    assert.ok(numbers?.type === 'list' && numbers.ordered);
    assert.equal(numbers.items[0]!.children[0]!.text, 'from agencies');
    assert.ok(table?.type === 'table');
    assert.deepEqual(
      table.header?.cells.map((c) => c.text),
      ['Ref', 'Action', 'Lead', 'RAG'],
    );
    assert.deepEqual(table.rows[0]!.cells, [
      { text: '1.1', lines: [16] },
      { text: 'Review thresholds and the MASH manual', lines: [16], colSpan: 2 },
      { text: 'Review thresholds and the MASH manual', lines: [], merged: true },
      { text: 'Amber', lines: [16], rowSpan: 2 },
    ]);
    assert.deepEqual(table.rows[1]!.cells[3], { text: 'Amber', lines: [], merged: true });
    assert.equal(last?.type, 'paragraph');
  });

  it('gives the seeds the same lines from .docx as from .txt', async () => {
    for (const n of ['000_57a32c4e98e3870a', '001_5e290fdaada34327', '002_d2162d6b81a1c324']) {
      const text = readFileSync(sharedFile('seeds', `${n}.txt`), 'utf8');
      const s = await read(await docxFromText(text), `${n}.docx`);
      // Word numbers every bullet "-" (or "1.") and indents two spaces a level; the text may use
      // any marker and indentation, so bullets are compared by their words only.
      const comparable = (t: string) => parseBullet(t)?.text ?? t;
      assert.deepEqual(
        s.lines.map((l) => comparable(l.text)),
        toSourceLines(text).map((l) => comparable(l.text)),
        n,
      );
    }
  });

  it('refuses a zip bomb in under a second', async () => {
    const bomb = zipBomb(300);
    assert.ok(bomb.length < 1024 * 1024);
    const started = performance.now();
    const result = await readStructure(bomb, 'plan.docx');
    const took = performance.now() - started;
    assert.equal(result.ok ? undefined : result.reason, 'unsafe');
    assert.ok(took < 1000, `took ${took} ms`);
    // A bomb whose header claims a modest size is stopped by what it inflates to.
    const lying = Buffer.from(bomb);
    const at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4);
    lying.writeUInt32LE(1000, at + 22);
    lying.writeUInt32LE(1_000_000, at + 18);
    const started2 = performance.now();
    const second = await readStructure(lying, 'plan.docx');
    assert.equal(second.ok ? undefined : second.reason, 'unsafe');
    assert.match(
      second.ok ? '' : second.message,
      /^plan\.docx is compressed far more than a real Word document/,
    );
    assert.ok(performance.now() - started2 < 1000);
  });

  it('refuses XML with a DOCTYPE or ENTITY, a damaged file, an old .doc and too many parts', async () => {
    const laughs = zip([
      entry(
        'word/document.xml',
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>',
      ),
    ]);
    const doctype = await readStructure(laughs, 'plan.docx');
    assert.equal(doctype.ok ? undefined : doctype.reason, 'unsafe');
    assert.match(doctype.ok ? '' : doctype.message, /^plan\.docx contains XML with a DOCTYPE/);
    const broken = await readStructure(
      Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(100, 7)]),
      'plan.docx',
    );
    assert.equal(broken.ok ? undefined : broken.reason, 'unreadable');
    const ole = await readStructure(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'plan.docx',
    );
    assert.match(ole.ok ? '' : ole.message, /password protected or is an older Word/);
    const many = zip(Array.from({ length: 30 }, (_, i) => entry(`part${i}.xml`, '<a/>')));
    const crowded = await readStructure(many, 'plan.docx', { maxEntries: 20 });
    assert.match(crowded.ok ? '' : crowded.message, /^plan\.docx holds more than 20 parts/);
    const missing = await readStructure(zip([entry('other.xml', '<a/>')]), 'plan.docx');
    assert.equal(missing.ok ? undefined : missing.reason, 'unreadable');
  });
});
