import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { docxText, findOutOfOrder, pdfText } from '../text-readback.ts';
import { renderBoardPackDocx } from './docx.ts';
import { seedBoardPack } from './fixture.ts';
import { renderBoardPackHtml } from './html.ts';
import { renderBoardPackPdf } from './pdf.ts';
import { expectedReadingOrder } from './reading-order.ts';
import type { BoardPack } from './types.ts';
import { wording } from './wording.ts';

/* The action log in all three formats: the same rows, in the same place (after the RAG summary). */

const pack: BoardPack = {
  ...seedBoardPack,
  priorities: seedBoardPack.priorities.slice(0, 1),
  actionLog: [
    {
      raisedOn: '2024-07-09',
      item: 'Deep dive: children who go missing',
      description: 'Offer return home interviews online',
      owner: 'Head of Safeguarding',
      dueDate: '2024-10-15',
      status: 'in-progress',
      latestUpdate: { date: '2024-09-02', text: 'Pilot with two teams' },
    },
    {
      raisedOn: '2024-07-09',
      description: 'Share the MASH dashboard guidance',
      owner: 'Service Manager, MASH',
      status: 'done',
      closedOn: '2024-08-14',
    },
  ],
};

const expected = expectedReadingOrder(pack);

test('the reading order puts the action log after the RAG summary, row by row', () => {
  const at = (text: string) => expected.indexOf(text);
  assert.ok(at(wording.actionLog) > at(wording.ragSummary));
  assert.ok(
    expected.includes(
      'Offer return home interviews online (Deep dive: children who go missing) 9 July 2024 Head of Safeguarding 15 October 2024 In progress 2 September 2024: Pilot with two teams',
    ),
  );
  assert.ok(
    expected.includes(
      'Share the MASH dashboard guidance 9 July 2024 Service Manager, MASH No date Done on 14 August 2024 None',
    ),
  );
});

test('HTML, DOCX and PDF packs carry the action log in that order', async () => {
  const { document } = parseHTML(renderBoardPackHtml(pack));
  assert.equal(findOutOfOrder(document.body.textContent ?? '', expected), undefined);
  assert.ok(document.querySelector('a[href="#action-log"]'));
  assert.equal(findOutOfOrder(await docxText(await renderBoardPackDocx(pack)), expected), undefined);
  const pdf = (await pdfText(await renderBoardPackPdf(pack)))
    .split('\n')
    .filter(
      (line) =>
        !/^Page \d+ of \d+$/.test(line.trim()) && !line.includes('Highlight Report: 10 September 2024'),
    )
    .join('\n');
  assert.equal(findOutOfOrder(pdf, expected), undefined);
});

test('a pack with an empty action log says so; one without keeps its old shape', () => {
  const empty = renderBoardPackHtml({ ...pack, actionLog: [] });
  assert.match(empty, new RegExp(wording.noActions));
  assert.doesNotMatch(renderBoardPackHtml(seedBoardPack), /Action log/);
});
