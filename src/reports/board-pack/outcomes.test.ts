import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { docxText, normaliseSpace, pdfText } from '../text-readback.ts';
import { renderBoardPackDocx } from './docx.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackHtml } from './html.ts';
import { renderBoardPackPdf } from './pdf.ts';
import type { BoardPack } from './types.ts';

/* The board pack read by National Framework outcome, the same in HTML, DOCX and PDF. */

const tagged: BoardPack = {
  ...seedBoardPack,
  priorities: seedBoardPack.priorities.map((p, i) => ({
    ...p,
    ...(i === 3
      ? { frameworkOutcome: 'workforce' as const }
      : i < 2
        ? { frameworkOutcome: 'safe' as const }
        : {}),
  })),
};

test('a pack of tagged priorities has a register by outcome and names each priority’s outcome', () => {
  const doc = parseHTML(renderBoardPackHtml(tagged)).document;
  const links = Array.from(doc.querySelectorAll('header nav a')).map((a) => a.textContent);
  assert.ok(links.includes('By National Framework outcome'), links.join(', '));
  const register = doc.getElementById('national-framework')!.closest('section') ?? doc.body;
  const rows = Array.from(register.querySelectorAll('tbody tr')).map((tr) =>
    Array.from(tr.querySelectorAll('th, td')).map((c) => normaliseSpace(c.textContent ?? '')),
  );
  assert.deepEqual(
    rows.map((r) => r.slice(0, 2)),
    [
      [
        'Outcome: Children and young people are safe in and outside of their homes',
        '1. Quality of Practice; 2. Working in Partnership',
      ],
      ['Enabler: The workforce is equipped and effective', '4. Leadership and Workforce'],
      ['Not tagged', '3. Achieving Permanence'],
    ],
  );
  assert.match(
    normaliseSpace(doc.body.textContent ?? ''),
    /National Framework\s*Enabler: The workforce is equipped and effective/,
  );
});

test('the DOCX and PDF carry the same register; an untagged pack has none', async () => {
  for (const text of [
    await docxText(await renderBoardPackDocx(tagged)),
    await pdfText(await renderBoardPackPdf(tagged)),
  ]) {
    assert.match(normaliseSpace(text), /By National Framework outcome/);
    assert.match(normaliseSpace(text), /Enabler: The workforce is equipped and effective/);
  }
  assert.doesNotMatch(renderBoardPackHtml(seedBoardPack), /By National Framework outcome/);
});
