import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findOutOfOrder, pdfInfo, pdfText } from '../text-readback.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackPdf } from './pdf.ts';
import { expectedReadingOrder } from './reading-order.ts';
import type { BoardPack } from './types.ts';
import { wording } from './wording.ts';

const runningTitle = "Children's Improvement Programme Highlight Report: 10 September 2024";

/** The text without the running header and footer, which fall inside items that cross a page. */
function withoutPageFurniture(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== runningTitle && !/^Page \d+ of \d+$/.test(line.trim()))
    .join('\n');
}

let rendered: Promise<Buffer> | undefined;
function seedPdf(t: { diagnostic(message: string): void }): Promise<Buffer> {
  if (!rendered) {
    const started = performance.now();
    rendered = renderBoardPackPdf(seedBoardPack).then((buffer) => {
      t.diagnostic(
        `pdf rendered in ${(performance.now() - started).toFixed(1)} ms (${buffer.length} bytes, cold)`,
      );
      return buffer;
    });
  }
  return rendered;
}

test('the PDF pack reads in the order of the seed highlight report', async (t) => {
  const buffer = await seedPdf(t);
  const started = performance.now();
  await renderBoardPackPdf(seedBoardPack);
  t.diagnostic(`pdf rendered in ${(performance.now() - started).toFixed(1)} ms (warm)`);
  const text = withoutPageFurniture(await pdfText(buffer));
  const problem = findOutOfOrder(text, expectedReadingOrder(seedBoardPack));
  assert.equal(problem, undefined, JSON.stringify(problem));
});

test('document information: title, author, subject, language', async (t) => {
  const { info } = await pdfInfo(await seedPdf(t));
  assert.equal(info.Title, runningTitle);
  assert.equal(info.Author, 'Tameside Council');
  assert.equal(info.Subject, "Children's Improvement Board");
  assert.equal(info.Language, 'en-GB');
});

test('every page has its number in the footer, and each priority starts a page', async (t) => {
  const buffer = await seedPdf(t);
  const { pages } = await pdfInfo(buffer);
  assert.ok(pages >= 6, `only ${pages} pages`);
  const text = await pdfText(buffer);
  for (let n = 1; n <= pages; n++)
    assert.ok(text.includes(`Page ${n} of ${pages}`), `no "Page ${n} of ${pages}"`);
  // Each section heading follows the footer of the page before it: it opens a page.
  for (const heading of [
    'RAG summary',
    'Priority 1: Quality of Practice',
    'Priority 4: Leadership and Workforce',
  ]) {
    assert.match(
      text,
      new RegExp(`Page \\d+ of ${pages}\\n+${heading}\\n`),
      `${heading} does not open a page`,
    );
  }
});

test('the contents give the page of each section', async (t) => {
  const text = await pdfText(await seedPdf(t));
  const contents = text.slice(text.indexOf('Contents'), text.indexOf('Page 1 of'));
  assert.match(contents, /RAG summary 2\n/);
  assert.match(contents, /Priority 1: Quality of Practice 3\n/);
  assert.match(contents, /Priority 4: Leadership and Workforce \d+\n/);
});

test('no page is blank', async (t) => {
  const text = await pdfText(await seedPdf(t));
  const pages = text.split(/Page \d+ of \d+/).slice(0, -1);
  for (const [i, page] of pages.entries()) {
    assert.ok(
      page.replace(runningTitle, '').trim().length > 0,
      `page ${i + 1} has only its header and footer`,
    );
  }
});

test('markup-like and non-ASCII text survives as text', async () => {
  const pack: BoardPack = structuredClone(seedBoardPack);
  pack.priorities = pack.priorities.slice(0, 1);
  pack.priorities[0]!.areas[0]!.progress[0]!.text = '<b>x</b> & "quoted" – £5m ‘good’';
  assert.match(await pdfText(await renderBoardPackPdf(pack)), /<b>x<\/b> & "quoted" – £5m ‘good’/);
});

test('no page ends with a heading: each is kept with the first line after it', async () => {
  // Twelve priorities, so that headings fall at many heights on the page.
  const pack: BoardPack = structuredClone(seedBoardPack);
  pack.priorities = Array.from({ length: 12 }, (_, i) => ({
    ...structuredClone(seedBoardPack.priorities[i % seedBoardPack.priorities.length]!),
    number: i + 1,
  }));
  const headings = new Set([
    wording.progress,
    wording.nextPeriod,
    wording.evidenceWarnings,
    wording.measures,
    wording.ragKey,
    ...pack.priorities.flatMap((p) => p.areas.map((a) => a.title)),
  ]);
  const text = await pdfText(await renderBoardPackPdf(pack));
  for (const [i, page] of text.split(/Page \d+ of \d+/).entries()) {
    const last = withoutPageFurniture(page)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1);
    assert.ok(!last || ![...headings].some((h) => h.endsWith(last)), `page ${i + 1} ends with "${last}"`);
  }
});
