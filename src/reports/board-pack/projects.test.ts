import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { docxText, findOutOfOrder, normaliseSpace, pdfText } from '../text-readback.ts';
import { renderBoardPackDocx } from './docx.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackHtml } from './html.ts';
import { renderBoardPackPdf } from './pdf.ts';
import type { BoardPack } from './types.ts';

/* A highlight section per project: status with its reason, lead, priorities, money and milestones. */

const withProjects: BoardPack = {
  ...seedBoardPack,
  projects: [
    {
      title: 'Fostering Service Improvement',
      kind: 'Project',
      phase: 'Phase one: sustainability project',
      lead: 'Head of Fostering',
      priorities: '3',
      rag: 'amber',
      reason: 'Recruitment of carers is behind the plan',
      milestones: [
        {
          title: 'Foster carer recruitment strategy launched',
          due: '31 March 2025',
          status: 'Done',
          completed: '14 February 2025',
        },
      ],
      investment:
        '£200,000 planned. £103,500.50 spent against £100,000 planned for the same quarters: £3,500.50 more spent than planned.',
    },
  ],
};

const expected = [
  'Project: Fostering Service Improvement',
  'Phase one: sustainability project',
  'RAG status',
  'Reason for RAG',
  'Recruitment of carers is behind the plan',
  'Head of Fostering',
  '£3,500.50 more spent than planned',
  'Foster carer recruitment strategy launched',
  '14 February 2025',
];

test('the HTML pack has a section for each project, with its facts and a milestone table', () => {
  const doc = parseHTML(renderBoardPackHtml(withProjects)).document;
  const section = doc.querySelector('section[aria-labelledby="project-1"]');
  assert.ok(section, 'a project section');
  assert.equal(section.querySelector('h2')?.textContent, 'Project: Fostering Service Improvement');
  const facts = Array.from(section.querySelectorAll('dt')).map((d) => d.textContent);
  assert.deepEqual(facts, ['RAG status', 'Reason for RAG', 'Lead', 'Priorities', 'Investment']);
  assert.match(section.textContent ?? '', /Amber/);
  const cells = Array.from(section.querySelectorAll('tbody tr > *')).map((c) => c.textContent);
  assert.deepEqual(cells, [
    'Foster carer recruitment strategy launched',
    '31 March 2025',
    'Done',
    '14 February 2025',
  ]);
  const contents = Array.from(doc.querySelectorAll('.app-contents a')).map((a) => a.getAttribute('href'));
  assert.ok(contents.includes('#project-1'));
  assert.doesNotMatch(renderBoardPackHtml(seedBoardPack), /Fostering Service Improvement/);
});

test('the DOCX and PDF packs read back the project section in order', async () => {
  for (const [format, text] of [
    ['docx', await docxText(await renderBoardPackDocx(withProjects))],
    ['pdf', normaliseSpace(await pdfText(await renderBoardPackPdf(withProjects)))],
  ] as const) {
    assert.equal(findOutOfOrder(text, expected), undefined, format);
  }
});
