import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XmlDocument, type XmlElement } from 'xmldoc';
import { docxText, findOutOfOrder } from '../text-readback.ts';
import { renderBoardPackDocx } from './docx.ts';
import { seedBoardPack } from './fixture.ts';
import { expectedReadingOrder } from './reading-order.ts';
import type { BoardPack } from './types.ts';

// xmldoc (a dependency of pdfmake) parses strictly, so a malformed part fails here as in Word.
async function part(buffer: Buffer, name: string): Promise<XmlDocument> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(name);
  assert.ok(file, `${name} missing from the package`);
  return new XmlDocument(await file.async('string'));
}

const textOf = (p: XmlElement) =>
  p
    .descendantsNamed('w:t')
    .map((t) => t.val)
    .join('');
const styleOf = (p: XmlElement) => p.descendantWithPath('w:pPr.w:pStyle')?.attr['w:val'];

let rendered: Promise<Buffer> | undefined;
/** Rendered once for the read-only tests; the timing is reported, not asserted. */
function seedDocx(t: { diagnostic(message: string): void }): Promise<Buffer> {
  if (!rendered) {
    const started = performance.now();
    rendered = renderBoardPackDocx(seedBoardPack).then((buffer) => {
      t.diagnostic(
        `docx rendered in ${(performance.now() - started).toFixed(1)} ms (${buffer.length} bytes, cold)`,
      );
      return buffer;
    });
  }
  return rendered;
}

test('the DOCX pack reads in the order of the seed highlight report', async (t) => {
  const buffer = await seedDocx(t);
  const started = performance.now();
  await renderBoardPackDocx(seedBoardPack);
  t.diagnostic(`docx rendered in ${(performance.now() - started).toFixed(1)} ms (warm)`);
  const problem = findOutOfOrder(await docxText(buffer), expectedReadingOrder(seedBoardPack));
  assert.equal(problem, undefined, JSON.stringify(problem));
});

test('headings use Word heading styles, in the pack order', async (t) => {
  const doc = await part(await seedDocx(t), 'word/document.xml');
  const headings = doc
    .descendantsNamed('w:p')
    .map((p) => ({ style: styleOf(p), text: textOf(p) }))
    .filter((p) => p.style?.startsWith('Heading'));
  assert.deepEqual(
    headings.filter((h) => h.style === 'Heading1').map((h) => h.text),
    ["Children's Improvement Programme Highlight Report"],
  );
  assert.deepEqual(
    headings.filter((h) => h.style === 'Heading2').map((h) => h.text),
    [
      'Contents',
      'RAG summary',
      'Priority 1: Quality of Practice',
      'Priority 2: Working in Partnership',
      'Priority 3: Achieving Permanence',
      'Priority 4: Leadership and Workforce',
    ],
  );
  const areas = seedBoardPack.priorities.flatMap((p) =>
    p.areas.map((a) => `What needs to improve: ${a.title}`),
  );
  assert.deepEqual(
    headings.filter((h) => h.text.startsWith('What needs to improve: ')).map((h) => h.style),
    areas.map(() => 'Heading3'),
  );
  assert.equal(headings.filter((h) => h.style === 'Heading4').length, areas.length * 2);
});

test('mammoth sees the headings as h1/h2 and the nested items as nested lists', async (t) => {
  const { value: html } = await mammoth.convertToHtml({ buffer: await seedDocx(t) });
  assert.match(html, /<h1>Children's Improvement Programme Highlight Report<\/h1>/);
  assert.match(html, /<h2><a id="priority_4"><\/a>Priority 4: Leadership and Workforce<\/h2>/);
  assert.match(
    html,
    /<h3>What needs to improve: The response to 16- and 17-year-old children who are homeless<\/h3>/,
  );
  assert.match(html, /including:<ul><li>Your peer support offer is strong/);
  assert.match(html, /<a href="#priority_1">Priority 1: Quality of Practice<\/a>/);
});

test('lists are Word numbering with levels, not typed bullet characters', async (t) => {
  const buffer = await seedDocx(t);
  const doc = await part(buffer, 'word/document.xml');
  const paragraphs = doc.descendantsNamed('w:p');
  const levelOf = (text: string) => {
    const p = paragraphs.find((q) => textOf(q) === text);
    assert.ok(p, `no paragraph "${text}"`);
    return p.descendantWithPath('w:pPr.w:numPr.w:ilvl')?.attr['w:val'];
  };
  assert.equal(
    levelOf('A refreshed approach has been agreed to ensure our Corporate Parenting Board has:'),
    '0',
  );
  assert.equal(levelOf('an overarching vision and narrative'), '1');
  assert.equal(levelOf("3x Health and Wellbeing Champions in Children's"), '1');
  assert.ok(!paragraphs.some((p) => /^[•◦▪-]\s/.test(textOf(p))), 'a paragraph starts with a typed bullet');
  const numbering = await part(buffer, 'word/numbering.xml');
  const formats = numbering.descendantsNamed('w:numFmt').map((f) => f.attr['w:val']);
  assert.ok(formats.includes('bullet'));
  assert.ok(formats.includes('decimal'));
});

test('tables mark a header row that repeats across pages', async (t) => {
  const doc = await part(await seedDocx(t), 'word/document.xml');
  const tables = doc.descendantsNamed('w:tbl');
  // Summary, RAG key, one header table per priority, and priority 1's measures.
  assert.equal(tables.length, 2 + seedBoardPack.priorities.length + 1);
  for (const table of tables) {
    const first = table.childrenNamed('w:tr')[0]!;
    const header = first.descendantWithPath('w:trPr.w:tblHeader');
    assert.ok(header, 'first row is not a header row');
    assert.ok(!['0', 'false', 'off'].includes(header.attr['w:val'] ?? 'true'));
  }
});

test('document properties and language are set', async (t) => {
  const buffer = await seedDocx(t);
  const core = await part(buffer, 'docProps/core.xml');
  assert.equal(
    core.childNamed('dc:title')?.val,
    "Children's Improvement Programme Highlight Report: 10 September 2024",
  );
  assert.equal(core.childNamed('dc:creator')?.val, 'Tameside Council');
  assert.match(
    core.childNamed('dc:description')?.val ?? '',
    /highlight reports for the meeting on 10 September 2024/,
  );
  const styles = await part(buffer, 'word/styles.xml');
  assert.equal(styles.descendantWithPath('w:docDefaults.w:rPrDefault.w:rPr.w:lang')?.attr['w:val'], 'en-GB');
});

test('every part of the package is well-formed XML', async (t) => {
  const zip = await JSZip.loadAsync(await seedDocx(t));
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  assert.ok(names.includes('word/document.xml'));
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    assert.doesNotThrow(() => new XmlDocument(xml), name);
  }
});

test('markup-like text survives as text', async () => {
  const pack: BoardPack = structuredClone(seedBoardPack);
  pack.priorities[0]!.areas[0]!.progress[0]!.text = '<w:p>x</w:p> & "quoted" <script>';
  const buffer = await renderBoardPackDocx(pack);
  assert.match(await docxText(buffer), /<w:p>x<\/w:p> & "quoted" <script>/);
  await part(buffer, 'word/document.xml');
});
