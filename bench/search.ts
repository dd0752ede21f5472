import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fmt, load } from './load.ts';
import { signIn } from './plan-pages.ts';

/**
 * Search (`/search` and `/api/v1/search`) over the demo with a generated plan 50 times its size
 * (bench/plan-server.ts), signed in, at 50 connections and at 1, beside the results page served as
 * a static file by the same server. The terms: one the plan uses everywhere, a phrase, a rare word.
 */
export async function benchSearch(): Promise<string[]> {
  const child = fork(new URL('./plan-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SCALE: '50' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const info = JSON.parse(chunk.toString().trim().split('\n').at(-1)!) as {
      address: string;
      email: string;
      password: string;
      size: { priorities: number; areas: number; commitments: number; outcomes: number };
    };
    const cookie = await signIn(info.address, info.email, info.password);
    const terms = ['children', '"social work"', 'audits'];
    const lines = [
      `Database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded (PGlite, in memory)'}; the demo plus a generated plan of ${info.size.priorities} priorities, ${info.size.areas} areas, ${info.size.commitments} commitments and ${info.size.outcomes} outcomes; 5 s after a 1 s warm-up.`,
      '',
      '| term | results | what | connections | median ms | p99 ms | requests/s | static median ms | static p99 ms |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    const html: Record<string, string> = {};
    const totals: Record<string, number> = {};
    for (const [i, term] of terms.entries()) {
      const q = encodeURIComponent(term);
      html[`search-${i}.html`] = await (
        await fetch(`${info.address}/search?q=${q}`, { headers: { cookie } })
      ).text();
      const api = (await (
        await fetch(`${info.address}/api/v1/search?q=${q}`, { headers: { cookie } })
      ).json()) as {
        total: number;
      };
      totals[term] = api.total;
    }
    child.send({ html });
    await once(child, 'message');
    for (const [i, term] of terms.entries()) {
      const q = encodeURIComponent(term);
      for (const connections of [50, 1]) {
        const file = await load(`${info.address}/bench-static/search-${i}.html`, {}, 5, connections);
        for (const [what, url] of [
          ['page', `/search?q=${q}`],
          ['API', `/api/v1/search?q=${q}`],
        ] as const) {
          const result = await load(info.address + url, { cookie }, 5, connections);
          lines.push(
            `| ${term} | ${totals[term]} | ${what} | ${connections} | ${fmt(result.medianMs)} | ${fmt(result.p99Ms)} | ${fmt(result.requestsPerSecond, 0)} | ${fmt(file.medianMs)} | ${fmt(file.p99Ms)} |`,
          );
          if (result.errors) lines.push(`| ${term} | | ${what}: ${result.errors} errors | | | | | | |`);
        }
      }
    }
    return lines;
  } finally {
    child.kill();
  }
}
