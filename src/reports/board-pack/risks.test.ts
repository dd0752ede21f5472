import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { docxText, normaliseSpace, pdfText } from '../text-readback.ts';
import { renderBoardPackDocx } from './docx.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackHtml } from './html.ts';
import { renderBoardPackPdf } from './pdf.ts';
import type { BoardPack } from './types.ts';

/* The risks above the threshold: the last section of the pack, the same words in each format. */

const withRisks: BoardPack = {
  ...seedBoardPack,
  risks: {
    threshold: 12,
    items: [
      {
        title: 'Social worker vacancies stay above 20%',
        owner: 'Head of Workforce',
        priorities: '1, 3',
        beforeControls: '20 (Very high)',
        afterControls: '15 (High)',
        direction: 'Worse since the last review',
        controls: 'Recruitment campaign; agency cap',
        nextReview: '1 November 2024',
      },
    ],
  },
};

test('the HTML pack ends with the risks above the threshold, a table with row headers', () => {
  const doc = parseHTML(renderBoardPackHtml(withRisks)).document;
  const section = doc.querySelector('section[aria-labelledby="risks"]');
  assert.ok(section, 'a risks section');
  assert.equal(section.querySelector('h2')?.textContent, 'Risks above the threshold');
  assert.match(section.textContent ?? '', /scoring 12 or more after controls/);
  const cells = Array.from(section.querySelectorAll('tbody tr > *')).map((c) => c.textContent);
  assert.deepEqual(cells, [
    'Social worker vacancies stay above 20%',
    'Head of Workforce',
    '1, 3',
    '20 (Very high)',
    '15 (High)',
    'Worse since the last review',
    'Recruitment campaign; agency cap',
    '1 November 2024',
  ]);
  assert.equal(section.querySelector('tbody th')?.getAttribute('scope'), 'row');
  const contents = Array.from(doc.querySelectorAll('.app-contents a')).map((a) => a.getAttribute('href'));
  assert.equal(contents.at(-1), '#risks');
});

test('with no risk above the threshold the section says so; a pack without a register has none', () => {
  const none = renderBoardPackHtml({ ...seedBoardPack, risks: { threshold: 12, items: [] } });
  assert.match(none, /No open risk is above the threshold\./);
  assert.doesNotMatch(renderBoardPackHtml(seedBoardPack), /Risks above the threshold/);
});

test('the DOCX and PDF packs print the same risk', async () => {
  for (const text of [
    await docxText(await renderBoardPackDocx(withRisks)),
    // The PDF wraps a cell's text over lines.
    normaliseSpace(await pdfText(await renderBoardPackPdf(withRisks))),
  ]) {
    assert.match(text, /Risks above the threshold/);
    assert.match(text, /Social worker vacancies stay above 20%/);
    assert.match(text, /15 \(High\)/);
    assert.match(text, /Recruitment campaign; agency cap/);
  }
});
