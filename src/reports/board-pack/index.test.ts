import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docxText, pdfText } from '../text-readback.ts';
import { seedBoardPack } from './fixture.ts';
import { boardPackFileName, boardPackMediaTypes, renderBoardPack } from './index.ts';

test('renderBoardPack returns each format, with the same priority text in each', async (t) => {
  const timings: string[] = [];
  const time = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    timings.push(`${name} ${(performance.now() - started).toFixed(0)} ms`);
    return result;
  };
  const html = await time('html', () => renderBoardPack(seedBoardPack, 'html'));
  const docx = await time('docx', () => renderBoardPack(seedBoardPack, 'docx'));
  const pdf = await time('pdf', () => renderBoardPack(seedBoardPack, 'pdf'));
  t.diagnostic(`renderBoardPack: ${timings.join(', ')}`);

  assert.equal(typeof html, 'string');
  assert.ok(Buffer.isBuffer(docx) && docx.subarray(0, 2).toString() === 'PK', 'DOCX is a zip package');
  assert.ok(Buffer.isBuffer(pdf) && pdf.subarray(0, 5).toString() === '%PDF-', 'PDF header');
  const phrase = 'Social Work Reward Framework – registration fees and discount scheme';
  assert.ok(html.includes(phrase));
  assert.ok((await docxText(docx)).includes(phrase));
  assert.ok((await pdfText(pdf)).includes(phrase));
});

test('download names and media types', () => {
  assert.equal(
    boardPackFileName(seedBoardPack, 'pdf'),
    'childrens-improvement-programme-highlight-report-2024-09-10.pdf',
  );
  assert.equal(
    boardPackFileName({ ...seedBoardPack, meeting: { date: '2024-09-10', title: '***' } }, 'docx'),
    'board-pack-2024-09-10.docx',
  );
  assert.equal(
    boardPackMediaTypes.docx,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
});
