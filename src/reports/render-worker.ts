/**
 * A render pool's worker thread: makes each document it is sent and posts back its bytes (or the
 * error's message), one at a time. Started by src/reports/render-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { renderJob, type RenderJob } from './render-job.ts';

export interface RenderRequest {
  id: number;
  job: RenderJob;
}

export type RenderReply =
  { id: number; bytes: Uint8Array } | { id: number; error: { message: string; stack?: string } };

const port = parentPort!;
port.on('message', ({ id, job }: RenderRequest) => {
  renderJob(job).then(
    (bytes) => {
      // The bytes move to the main thread without a copy when they own their memory.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const copy = owned ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
      port.postMessage({ id, bytes: copy } satisfies RenderReply, [copy.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id, error: { message, stack } } satisfies RenderReply);
    },
  );
});
