import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { docxText, findOutOfOrder, normaliseSpace, pdfText } from '../text-readback.ts';
import { renderBoardPackDocx } from './docx.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackHtml } from './html.ts';
import { renderBoardPackPdf } from './pdf.ts';
import type { BoardPack } from './types.ts';

/* A pack covering two plans: a part for each, the reform programme's with its expectations summary. */

const [first, second] = seedBoardPack.priorities;
const twoPlans: BoardPack = {
  ...seedBoardPack,
  priorities: [],
  parts: [
    { title: 'Children’s Improvement Plan', kind: 'Improvement plan', priorities: [first!] },
    {
      title: 'Families First Partnership',
      kind: 'Reform programme',
      priorities: [{ ...second!, number: 1, title: 'Family help' }],
      expectations: {
        required: 2,
        requiredMet: 1,
        recommended: 1,
        recommendedMet: 0,
        items: [
          {
            text: 'Offer family group decision-making',
            strength: 'Required',
            reference: 'Family help',
            status: 'Met',
            met: true,
            evidence: 'Offered since the spring',
            commitments: ['We will offer a family group conference'],
            measures: ['Families offered a conference'],
          },
          {
            text: 'Set up multi-agency child protection teams',
            strength: 'Required',
            reference: '',
            status: 'In progress',
            met: false,
            evidence: '',
            commitments: [],
            measures: [],
          },
          {
            text: 'Share the plan’s measures',
            strength: 'Recommended',
            reference: '',
            status: 'Not started',
            met: false,
            evidence: '',
            commitments: [],
            measures: [],
          },
        ],
      },
    },
  ],
};

const expected = [
  'Part 1: Children’s Improvement Plan',
  `Priority ${first!.number}: ${first!.title}`,
  'Part 2: Families First Partnership',
  'Reform programme',
  'Priority 1: Family help',
  'Expectations: Families First Partnership',
  'Required expectations',
  '1 of 2 met',
  'Recommended expectations',
  '0 of 1 met',
  'Not met',
  'Offer family group decision-making (Family help)',
  'Commitment: We will offer a family group conference; Measure: Families offered a conference',
  'Set up multi-agency child protection teams',
  'Nothing linked yet',
];

test('the HTML pack has a part per plan, with ids of its own and the summary naming each plan', () => {
  const doc = parseHTML(renderBoardPackHtml(twoPlans)).document;
  const ids = Array.from(doc.querySelectorAll('[id]')).map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'every id once');
  assert.ok(ids.includes('part-2-expectations') && ids.includes('part-1-priority-1'));
  const contents = Array.from(doc.querySelectorAll('.app-contents a')).map((a) => a.textContent);
  assert.equal(findOutOfOrder(contents.join(' '), ['Part 1:', 'Part 2:', 'Expectations:']), undefined);
  const summary = Array.from(doc.querySelectorAll('.app-summary tbody th')).map((c) => c.textContent);
  assert.ok(summary.includes('Priority 1: Family help (Families First Partnership)'), String(summary));
  assert.equal(findOutOfOrder(doc.querySelector('main')?.textContent ?? '', expected), undefined);
});

test('the DOCX and PDF packs read back both parts and the expectations summary in order', async () => {
  for (const [format, text] of [
    ['docx', await docxText(await renderBoardPackDocx(twoPlans))],
    ['pdf', normaliseSpace(await pdfText(await renderBoardPackPdf(twoPlans)))],
  ] as const) {
    assert.equal(findOutOfOrder(text, expected), undefined, format);
  }
});

test('a pack of one plan has no parts, as packs issued before had none', () => {
  const html = renderBoardPackHtml(seedBoardPack).replace(/<style[\s\S]*<\/style>/, '');
  assert.doesNotMatch(html, /Part 1:|app-part/);
  assert.match(html, /id="priority-1"/);
});
