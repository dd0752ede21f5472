/**
 * `readStructureOffThread`: the same reading as `readStructure`, in a worker thread, so that a
 * 4 MB document does not hold up every other request while it is read. One small pool (one worker
 * by default, started on first use) with a bounded queue: when the queue is full, or a read takes
 * longer than the time allowed (the worker is then stopped and a new one started), the file is
 * refused with a message rather than left waiting.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StructureReply, StructureRequest } from './structure-worker.ts';
import type { ReadLimits, StructureResult } from './types.ts';

// The worker is beside this file: .js once compiled, .ts under tsx. A worker does not run the
// parent's `--import tsx` on Node 20, so under tsx it registers tsx itself (as render-pool.ts).
const ownExtension = path.extname(fileURLToPath(import.meta.url));
const workerUrl = new URL(`./structure-worker${ownExtension}`, import.meta.url);

function startWorker(): Worker {
  if (ownExtension !== '.ts') return new Worker(workerUrl);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

export interface StructurePoolOptions {
  size?: number;
  queueLimit?: number;
  /** How long one read may take before its worker is stopped. */
  timeoutMs?: number;
}

interface Job {
  request: Omit<StructureRequest, 'id'>;
  resolve: (result: StructureResult) => void;
}

interface Slot {
  worker: Worker;
  current?: Job & { id: number; timer: NodeJS.Timeout };
}

export class StructurePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly size: number;
  private readonly queueLimit: number;
  private readonly timeoutMs: number;

  constructor({ size = 1, queueLimit = 8, timeoutMs = 60_000 }: StructurePoolOptions = {}) {
    this.size = Math.max(1, size);
    this.queueLimit = Math.max(0, queueLimit);
    this.timeoutMs = timeoutMs;
  }

  read(bytes: Buffer, fileName: string, limits: Partial<ReadLimits> = {}): Promise<StructureResult> {
    const free = this.slots.length < this.size || this.slots.some((slot) => !slot.current);
    if (!free && this.queue.length >= this.queueLimit) {
      return Promise.resolve({
        ok: false,
        reason: 'busy',
        message: `${path.basename(fileName)} was not read: too many documents are being read at the moment. Try again in a few seconds`,
      });
    }
    return new Promise((resolve) => {
      // A copy, so the caller's buffer (often a slice of a larger one) is never moved away from it.
      this.queue.push({ request: { bytes: new Uint8Array(bytes), fileName, limits }, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.resolve(stopped(job.request.fileName));
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.current) {
        clearTimeout(slot.current.timer);
        slot.current.resolve(stopped(slot.current.request.fileName));
      }
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot =
        this.slots.find((s) => !s.current) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => this.fail(slot, 'took too long to read'), this.timeoutMs);
      slot.current = { ...job, id, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id, ...job.request } satisfies StructureRequest, [
        job.request.bytes.buffer as ArrayBuffer,
      ]);
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: startWorker() };
    slot.worker.unref();
    slot.worker.on('message', (reply: StructureReply) => {
      const current = slot.current;
      if (current?.id !== reply.id) return;
      clearTimeout(current.timer);
      slot.current = undefined;
      slot.worker.unref();
      current.resolve(reply.result);
      this.dispatch();
    });
    slot.worker.on('error', () => this.fail(slot, 'could not be read'));
    slot.worker.on('exit', () => this.fail(slot, 'could not be read'));
    this.slots.push(slot);
    return slot;
  }

  /** Ends the slot's read with a refusal and replaces its worker (a crash, or a read that ran too long). */
  private fail(slot: Slot, what: string): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    const current = slot.current;
    slot.current = undefined;
    void slot.worker.terminate();
    if (current) {
      clearTimeout(current.timer);
      current.resolve({
        ok: false,
        reason: 'unreadable',
        message: `${path.basename(current.request.fileName)} ${what}. It may be damaged: open it, save it again and retry`,
      });
    }
    this.dispatch();
  }
}

function stopped(fileName: string): StructureResult {
  return {
    ok: false,
    reason: 'busy',
    message: `${path.basename(fileName)} was not read: the server is stopping. Try again shortly`,
  };
}

let shared: StructurePool | undefined;

/** `readStructure` in the shared worker pool. */
export function readStructureOffThread(
  bytes: Buffer,
  fileName: string,
  limits: Partial<ReadLimits> = {},
): Promise<StructureResult> {
  shared ??= new StructurePool();
  return shared.read(bytes, fileName, limits);
}

/** Stops the shared pool's workers (at shutdown, and after tests). */
export async function closeStructurePool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
