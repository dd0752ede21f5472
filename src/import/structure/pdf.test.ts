import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Content } from 'pdfmake/interfaces.js';
import { basePdfDefinition, renderPdf } from '../../reports/pdf-style.ts';
import { coverageProblems } from './coverage.ts';
import { readStructure } from './index.ts';

const pdf = (content: Content[]) =>
  renderPdf({ ...basePdfDefinition({ title: 'Plan', author: 'Council', subject: 'Plan' }), content });

const prose =
  'The service has strengthened its front door and the quality of referrals has improved over the year.';

describe('readStructure: PDF', () => {
  it('reads headings by size, tables by their columns, list markers and paragraphs', async () => {
    const bytes = await pdf([
      { text: 'Improvement plan', fontSize: 20 },
      { text: '1. Front door', fontSize: 15 },
      { text: prose },
      { text: ' ' },
      {
        table: {
          headerRows: 1,
          body: [
            ['Ref', 'Action', 'Lead', 'RAG'],
            ['1.1', 'Review thresholds', 'Head of MASH', 'Amber'],
            ['1.2', 'Audit section 20', 'DCS', 'Green'],
          ],
        },
      },
      { text: ' ' },
      { text: '• Recruit social workers' },
      { text: '• Reduce caseloads' },
      { text: ' ' },
      { text: 'Lead officer: Jane Smith' },
    ]);
    const result = await readStructure(bytes, 'plan.pdf');
    assert.ok(result.ok, result.ok ? '' : result.message);
    const s = result.structure;
    assert.equal(s.format, 'pdf');
    assert.deepEqual(coverageProblems(s), []);
    assert.deepEqual(
      s.lines.map((l) => l.text),
      [
        'Improvement plan',
        '1. Front door',
        prose,
        '',
        'Ref\tAction\tLead\tRAG',
        '1.1\tReview thresholds\tHead of MASH\tAmber',
        '1.2\tAudit section 20\tDCS\tGreen',
        '',
        '• Recruit social workers',
        '• Reduce caseloads',
        '',
        'Lead officer: Jane Smith',
      ],
    );
    assert.deepEqual(
      s.blocks.map((b) => b.type),
      ['heading', 'heading', 'paragraph', 'table', 'list', 'label-value'],
    );
    const [title, front, , table] = s.blocks;
    assert.ok(title?.type === 'heading' && title.level === 1);
    assert.ok(front?.type === 'heading' && front.level === 2 && front.numbering === '1.');
    assert.ok(table?.type === 'table');
    assert.deepEqual(
      table.header?.cells.map((c) => c.text),
      ['Ref', 'Action', 'Lead', 'RAG'],
    );
  });

  it('reads a page in two columns a column at a time', async () => {
    const column = (side: string) =>
      Array.from({ length: 6 }, (_, i) => ({ text: `${side} column, line ${i + 1} of the text` }));
    const bytes = await pdf([
      { columns: [{ stack: column('Left') }, { stack: column('Right') }], columnGap: 40 },
    ]);
    const result = await readStructure(bytes, 'two.pdf');
    assert.ok(result.ok, result.ok ? '' : result.message);
    const texts = result.structure.lines.map((l) => l.text).filter(Boolean);
    assert.deepEqual(
      texts,
      [...column('Left'), ...column('Right')].map((c) => c.text),
    );
  });

  it('refuses a scanned PDF with no text, and a file that is not a PDF', async () => {
    const scan = await pdf([{ canvas: [{ type: 'rect', x: 0, y: 0, w: 200, h: 300, color: '#888888' }] }]);
    const result = await readStructure(scan, 'scan.pdf');
    assert.deepEqual(result, {
      ok: false,
      reason: 'no-text',
      message:
        'scan.pdf has no text in it: it may be a scanned image. Save it from Word as a PDF, or upload the Word file',
    });
    const fake = await readStructure(Buffer.from('Minutes of the meeting'), 'minutes.pdf');
    assert.equal(fake.ok ? undefined : fake.reason, 'unreadable');
    const broken = await readStructure(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), 'broken.pdf');
    assert.equal(broken.ok ? undefined : broken.reason, 'unreadable');
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const bytes = await pdf([
      { text: 'One' },
      { text: 'Two', pageBreak: 'before' },
      { text: 'Three', pageBreak: 'before' },
    ]);
    const result = await readStructure(bytes, 'long.pdf', { maxPages: 2 });
    assert.equal(result.ok ? undefined : result.reason, 'too-large');
    assert.match(result.ok ? '' : result.message, /^long\.pdf has 3 pages/);
  });
});
