import { fork } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fmt, load } from './load.ts';
import { signIn } from './plan-pages.ts';

/**
 * Whether the request thread stays free while documents are made: `/healthz` under load on its
 * own, then again while ten 50-priority board pack PDFs are being made at every moment (as one
 * finishes the next starts), all against one server in its own process.
 */
export async function benchPackUnderLoad(): Promise<string[]> {
  const child = fork(new URL('./pack-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const info = JSON.parse(chunk.toString().trim().split('\n').at(-1)!) as {
      address: string;
      email: string;
      password: string;
      meetingId: number;
    };
    const cookie = await signIn(info.address, info.email, info.password);
    const pdfUrl = `${info.address}/meetings/${info.meetingId}/pack.pdf`;
    const pdf = async () => {
      const start = performance.now();
      const response = await fetch(pdfUrl, { headers: { cookie } });
      await response.arrayBuffer();
      return { ok: response.ok, status: response.status, ms: performance.now() - start };
    };
    const first = await pdf();
    if (!first.ok) throw new Error(`The pack PDF answered ${first.status}`);

    const idle = await load(`${info.address}/healthz`, {}, 5, 10);

    let running = true;
    const made: number[] = [];
    const refused: number[] = [];
    const keepMaking = async () => {
      while (running) {
        const result = await pdf();
        (result.ok ? made : refused).push(result.ms);
      }
    };
    const makers = Array.from({ length: 10 }, keepMaking);
    const busy = await load(`${info.address}/healthz`, {}, 10, 10);
    running = false;
    await Promise.all(makers);

    const sorted = [...made].sort((a, b) => a - b);
    const medianPdf = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    return [
      'One server (PGlite in memory), the 50-priority pack of the board pack benchmark; `/healthz` at 10 connections, 5 s alone then 10 s while ten PDFs are always in the making.',
      '',
      '| `/healthz` | median ms | p99 ms | requests/s | errors |',
      '|---|---|---|---|---|',
      `| alone | ${fmt(idle.medianMs)} | ${fmt(idle.p99Ms)} | ${fmt(idle.requestsPerSecond, 0)} | ${idle.errors} |`,
      `| during ten PDFs | ${fmt(busy.medianMs)} | ${fmt(busy.p99Ms)} | ${fmt(busy.requestsPerSecond, 0)} | ${busy.errors} |`,
      '',
      `PDFs made meanwhile: ${made.length} (median ${fmt(medianPdf / 1000)} s from request to last byte, queue included), refused with 503 while the queue was full: ${refused.length}. One PDF alone: ${fmt(first.ms / 1000)} s.`,
    ];
  } finally {
    child.kill();
  }
}
