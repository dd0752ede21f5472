import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { findOutOfOrder } from '../text-readback.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackHtml } from './html.ts';
import { expectedReadingOrder } from './reading-order.ts';
import type { BoardPack } from './types.ts';

const parse = (html: string) => parseHTML(html).document;
const texts = (doc: Document, selector: string) =>
  Array.from(doc.querySelectorAll(selector)).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());

test('the HTML pack reads in the order of the seed highlight report', (t) => {
  const started = performance.now();
  const html = renderBoardPackHtml(seedBoardPack);
  t.diagnostic(`html rendered in ${(performance.now() - started).toFixed(1)} ms (${html.length} characters)`);
  const doc = parse(html);
  const problem = findOutOfOrder(doc.body.textContent ?? '', expectedReadingOrder(seedBoardPack));
  assert.equal(problem, undefined, JSON.stringify(problem));
});

test('the HTML pack is a standalone, titled en-GB document', () => {
  const html = renderBoardPackHtml(seedBoardPack);
  assert.match(html, /^<!DOCTYPE html>/);
  const doc = parse(html);
  assert.equal(doc.documentElement.getAttribute('lang'), 'en-GB');
  assert.equal(doc.title, "Children's Improvement Programme Highlight Report: 10 September 2024");
  assert.equal(doc.querySelectorAll('link[rel=stylesheet], script').length, 0);
  assert.match(
    doc.querySelector('meta[name=description]')?.getAttribute('content') ?? '',
    /10 September 2024/,
  );
});

test('the cover names the council, board and meeting date and lists the contents as links', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  const cover = doc.querySelector('header')!;
  assert.match(cover.textContent ?? '', /Tameside Council/);
  assert.match(cover.textContent ?? '', /Children's Improvement Board/);
  assert.match(cover.textContent ?? '', /Meeting Date: 10 September 2024/);
  const links = Array.from(cover.querySelectorAll('nav a'));
  assert.deepEqual(
    links.map((a) => a.textContent),
    [
      'RAG summary',
      'Priority 1: Quality of Practice',
      'Priority 2: Working in Partnership',
      'Priority 3: Achieving Permanence',
      'Priority 4: Leadership and Workforce',
    ],
  );
  for (const a of links) {
    const target = a.getAttribute('href')!.slice(1);
    assert.ok(doc.getElementById(target), `no element with id ${target}`);
  }
});

test('headings nest h1 > h2 > h3 > h4: one h1, a h2 per section, a h3 per area', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  assert.deepEqual(texts(doc, 'h1'), ["Children's Improvement Programme Highlight Report"]);
  assert.deepEqual(texts(doc, 'h2'), [
    'Contents',
    'RAG summary',
    'Priority 1: Quality of Practice',
    'Priority 2: Working in Partnership',
    'Priority 3: Achieving Permanence',
    'Priority 4: Leadership and Workforce',
  ]);
  const areaHeadings = texts(doc, 'h3').filter((h) => h.startsWith('What needs to improve: '));
  assert.equal(
    areaHeadings.length,
    seedBoardPack.priorities.reduce((n, p) => n + p.areas.length, 0),
  );
  assert.equal(
    texts(doc, 'h4').filter((h) => h === 'Summary of progress since last board').length,
    areaHeadings.length,
  );
  assert.equal(
    texts(doc, 'h4').filter((h) => h === 'Activity for the next period').length,
    areaHeadings.length,
  );
  // No level is skipped on the way down.
  let previous = 1;
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3, h4'))) {
    const level = Number(h.tagName[1]);
    assert.ok(level <= previous + 1, `${h.tagName} "${h.textContent}" follows h${previous}`);
    previous = level;
  }
});

test('every table has a caption and every header cell a scope', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  const tables = Array.from(doc.querySelectorAll('table'));
  assert.ok(tables.length >= 6);
  for (const table of tables)
    assert.ok(table.querySelector('caption')?.textContent?.trim(), 'table without caption');
  for (const th of Array.from(doc.querySelectorAll('th')))
    assert.match(th.getAttribute('scope') ?? '', /^(row|col)$/);
});

test('the priority header table has the template rows, RAG as words with definitions', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  const table = doc.querySelector('#priority-4')!.parentElement!.querySelector('table')!;
  const rows = Array.from(table.querySelectorAll('tr')).map((tr) => [
    tr.querySelector('th')!.textContent.trim(),
    tr.querySelector('td')!.textContent.replace(/\s+/g, ' ').trim(),
  ]);
  assert.deepEqual(
    rows.map(([label]) => label),
    [
      'Priority',
      'Sponsor',
      'Previous RAG Status',
      'Current RAG Status',
      'Reason for RAG',
      'Report Completed By',
      'Meeting Date',
      'Report status',
    ],
  );
  assert.equal(
    rows[0]![1],
    '4. Leadership and Workforce: We lead well, inspiring and supporting staff to be the best that we can be.',
  );
  assert.match(rows[2]![1]!, /^Amber \(At Risk\) – One or more aspect of programme viability/);
  assert.match(rows[3]![1]!, /^Green \(On Plan\) – The programme is performing to plan\./);
  assert.equal(rows[6]![1], '10 September 2024');
  const green = table.querySelectorAll('tr')[3]!.querySelector('.app-rag')!;
  assert.equal(green.textContent, 'Green (On Plan)');
  assert.match(green.getAttribute('class')!, /app-rag--00703c/);
});

test('the RAG summary shows previous, current and direction in words for each priority', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  const rows = Array.from(doc.querySelectorAll('#rag-summary ~ table tbody tr')).slice(0, 4);
  const cells = rows.map((tr) => Array.from(tr.children).map((c) => c.textContent.trim()));
  assert.deepEqual(cells[3], [
    'Priority 4: Leadership and Workforce',
    'Amber (At Risk)',
    'Green (On Plan)',
    'Improved',
    '1 warning',
  ]);
  assert.deepEqual(cells[0], [
    'Priority 1: Quality of Practice',
    'Amber (At Risk)',
    'Amber (At Risk)',
    'No change',
    'None',
  ]);
});

test('nested items are nested lists, and an area with no next-period activity says so', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  const nested = Array.from(doc.querySelectorAll('li > ul > li')).map((li) => li.textContent.trim());
  assert.ok(nested.includes('an overarching vision and narrative'));
  assert.ok(nested.includes('Social Work Reward Framework – registration fees and discount scheme'));
  assert.match(
    doc.querySelector('#priority-1-area-6')!.parentElement!.textContent,
    /No activity recorded for the next period\./,
  );
});

test('print CSS: A4 pages, a new page per priority, colours kept, page numbers', () => {
  const html = renderBoardPackHtml(seedBoardPack);
  assert.match(html, /size: A4/);
  // Prettier lays the stylesheet out one selector and one declaration a line.
  assert.match(html, /\.app-summary,\s*\.app-priority\s*\{\s*break-before: page/);
  assert.match(html, /print-color-adjust: exact/);
  assert.match(html, /counter\(page\) (['"]) of \1 counter\(pages\)/);
  assert.equal(parse(html).querySelectorAll('section.app-priority').length, 4);
});

test('the inline style carries the CSP nonce when given one', () => {
  assert.match(renderBoardPackHtml(seedBoardPack, { cspNonce: 'r4nd0m' }), /<style nonce="r4nd0m">/);
  assert.match(renderBoardPackHtml(seedBoardPack), /<style>/);
});

test('the evidence warning of priority 4 is shown with its evidence', () => {
  const doc = parse(renderBoardPackHtml(seedBoardPack));
  const warning = doc.querySelector('.app-warning')!;
  assert.equal(warning.getAttribute('data-kind'), 'reason-contradicts-rating');
  assert.match(warning.textContent, /The current status is Green \(On Plan\), but the reason given/);
  assert.equal(warning.querySelectorAll('li').length, 2);
  assert.equal(doc.querySelectorAll('.app-warning').length, 1);
});

test('text is escaped everywhere it appears, including the CSS running header', () => {
  const hostile: BoardPack = structuredClone(seedBoardPack);
  hostile.meeting.title = 'Pack </style><script>alert(1)</script>';
  hostile.council = '"><img src=x onerror=alert(1)>';
  hostile.priorities[0]!.areas[0]!.progress[0]!.text = '<script>alert("item")</script> & <b>bold</b>';
  hostile.priorities[0]!.evidenceWarnings = [
    { kind: '" onmouseover="x', message: '<i>m</i>', evidence: ['<u>e</u>'] },
  ];
  const html = renderBoardPackHtml(hostile);
  const doc = parse(html);
  assert.equal(doc.querySelectorAll('script, img, b, i, u').length, 0);
  assert.ok(!html.includes('</style><script>'));
  assert.match(doc.body.textContent, /<script>alert\("item"\)<\/script> & <b>bold<\/b>/);
  assert.equal(doc.querySelector('.app-warning')!.getAttribute('data-kind'), '" onmouseover="x');
  assert.equal(doc.querySelectorAll('style').length, 1);
});

test('a status outside the scale is printed as written; a missing one as "Not rated"', () => {
  const pack: BoardPack = structuredClone(seedBoardPack);
  pack.priorities[0]!.previousRag = undefined;
  pack.priorities[0]!.currentRag = 'blue';
  pack.priorities[0]!.direction = 'not-comparable';
  const doc = parse(renderBoardPackHtml(pack));
  const cells = Array.from(doc.querySelectorAll('tbody tr')[0]!.children).map((c) => c.textContent.trim());
  assert.deepEqual(cells.slice(1, 4), ['Not rated', 'blue', 'Not comparable']);
  assert.match(doc.body.textContent, /blue – This status is not in the plan’s RAG scale\./);
});

test('a RAG colour that is not hex is refused, since it is written into CSS', () => {
  const pack: BoardPack = structuredClone(seedBoardPack);
  pack.ragScale[0]!.colour = 'red; } body { display: none';
  assert.throws(() => renderBoardPackHtml(pack), /not a hex colour/);
});

test('a meeting date that is not YYYY-MM-DD is refused rather than guessed', () => {
  const pack: BoardPack = structuredClone(seedBoardPack);
  pack.meeting.date = '10/09/2024';
  assert.throws(() => renderBoardPackHtml(pack), /YYYY-MM-DD/);
});
