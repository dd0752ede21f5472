import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedBoardPack } from './board-pack/fixture.ts';
import { RenderPool, RenderPoolClosedError, RenderQueueFullError } from './render-pool.ts';
import { renderJob, type RenderJob } from './render-job.ts';
import { docxText, pdfText } from './text-readback.ts';

const pdf: RenderJob = { kind: 'board-pack', format: 'pdf', pack: seedBoardPack };
const docx: RenderJob = { kind: 'board-pack', format: 'docx', pack: seedBoardPack };

test('a worker makes the same document as this thread', async (t) => {
  const pool = new RenderPool({ size: 1, queueLimit: 4 });
  t.after(() => pool.close());
  const [inWorker, here] = await Promise.all([pool.render(pdf), renderJob(pdf)]);
  assert.equal(await pdfText(inWorker), await pdfText(here));
  assert.equal(await docxText(await pool.render(docx)), await docxText(await renderJob(docx)));
  assert.equal(pool.stats.workers, 1, 'the worker is kept for the next document');
});

test('a full queue refuses at once with a time to try again, and closing stops every worker', async () => {
  const pool = new RenderPool({ size: 1, queueLimit: 1 });
  const running = pool.render(pdf);
  const waiting = pool.render(pdf);
  await assert.rejects(pool.render(pdf), (error: unknown) => {
    assert.ok(error instanceof RenderQueueFullError);
    assert.ok(error.retryAfterSeconds >= 1);
    return true;
  });
  assert.deepEqual(pool.stats, { workers: 1, running: 1, queued: 1 });
  const refused = Promise.all([
    assert.rejects(running, RenderPoolClosedError),
    assert.rejects(waiting, RenderPoolClosedError),
  ]);
  await pool.close();
  await refused;
  assert.equal(pool.stats.workers, 0);
  await assert.rejects(pool.render(docx), RenderPoolClosedError);
});
