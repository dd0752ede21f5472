/**
 * Documents (packs, Cabinet reports, spreadsheets) made in a few worker threads, so a 50-priority
 * PDF does not hold up every other request while it is laid out. Jobs beyond the workers wait in a
 * bounded queue; when that is full the pool refuses at once (the web answers 503 with Retry-After)
 * rather than let work pile up behind a burst. Workers start on first use and end with `close`.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Render, RenderJob } from './render-job.ts';
import type { RenderReply, RenderRequest } from './render-worker.ts';

export interface RenderPoolOptions {
  /** Worker threads; one fewer than the machine's cores, leaving one for requests, and at least one. */
  size?: number;
  /** Jobs that may wait for a worker before the pool refuses more. */
  queueLimit?: number;
}

/** The queue is full: try again shortly. */
export class RenderQueueFullError extends Error {
  readonly statusCode = 503;
  constructor(readonly retryAfterSeconds: number) {
    super('Too many documents are being made at the moment. Try again in a few seconds.');
  }
}

export class RenderPoolClosedError extends Error {
  constructor() {
    super('The render pool has been closed');
  }
}

interface Pending {
  job: RenderJob;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current?: Pending & { id: number };
}

// The worker is beside this file: .js once compiled, .ts under tsx. A worker does not run the
// parent's `--import tsx` on Node 20, so under tsx it registers tsx itself before loading the worker.
const ownExtension = path.extname(fileURLToPath(import.meta.url));
const workerUrl = new URL(`./render-worker${ownExtension}`, import.meta.url);

function startWorker(): Worker {
  if (ownExtension !== '.ts') return new Worker(workerUrl);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

export class RenderPool {
  readonly size: number;
  readonly queueLimit: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor({ size = Math.max(1, availableParallelism() - 1), queueLimit = 16 }: RenderPoolOptions = {}) {
    this.size = Math.max(1, size);
    this.queueLimit = Math.max(0, queueLimit);
  }

  /** Started workers, running jobs and waiting jobs: for tests and the health of the pool. */
  get stats(): { workers: number; running: number; queued: number } {
    return {
      workers: this.slots.length,
      running: this.slots.filter((slot) => slot.current).length,
      queued: this.queue.length,
    };
  }

  /** The document's bytes, made in a worker; refuses with RenderQueueFullError when the queue is full. */
  render: Render = (job) => {
    if (this.closed) return Promise.reject(new RenderPoolClosedError());
    const free = this.slots.length < this.size || this.slots.some((slot) => !slot.current);
    if (!free && this.queue.length >= this.queueLimit) {
      return Promise.reject(new RenderQueueFullError(this.retryAfterSeconds()));
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  };

  /** Refuses what waits, fails what runs, and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new RenderPoolClosedError());
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.current?.reject(new RenderPoolClosedError());
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot =
        this.slots.find((s) => !s.current) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.current = { ...pending, id: this.nextId++ };
      // A busy worker keeps the process alive until its document is made; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage({ id: slot.current.id, job: pending.job } satisfies RenderRequest);
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: startWorker() };
    slot.worker.unref();
    slot.worker.on('message', (reply: RenderReply) => {
      const current = slot.current;
      if (current?.id !== reply.id) return;
      slot.current = undefined;
      slot.worker.unref();
      if ('bytes' in reply) {
        current.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      } else {
        current.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      }
      this.dispatch();
    });
    // A worker that fails outside a job, or stops, fails its job; the next dispatch starts another.
    const lost = (error: Error) => {
      const at = this.slots.indexOf(slot);
      if (at === -1) return;
      this.slots.splice(at, 1);
      slot.current?.reject(error);
      slot.current = undefined;
      if (!this.closed) this.dispatch();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`A render worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** A few seconds per queued job for each worker: a 50-priority PDF takes one or two. */
  private retryAfterSeconds(): number {
    return Math.max(2, Math.ceil((this.queue.length * 2) / this.size));
  }
}
