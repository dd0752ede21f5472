import { fork } from 'node:child_process';
import { once } from 'node:events';
import { demoDate } from '../src/demo/demo-date.ts';
import { fmt, load } from './load.ts';
import { signIn } from './plan-pages.ts';

/**
 * Each role's home page (`/`) over the demo and a generated plan 50 times its size (whose
 * priorities the demo's sponsor sponsors, so the sponsor's and the office's lists are 50 times
 * longer before the page's limit), signed in as the demo's sponsor, programme manager and board
 * member, at 50 connections, beside the same page served as a static file by the same server. The
 * app works to the demo's date, so its next meeting, deadlines and overdue commitments are live.
 */
export async function benchHomePages(): Promise<string[]> {
  const child = fork(new URL('./plan-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SCALE: '50', BENCH_TODAY: demoDate },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const info = JSON.parse(chunk.toString().trim().split('\n').at(-1)!) as {
      address: string;
      size: { priorities: number; areas: number; commitments: number; outcomes: number };
      accounts: { role: string; email: string; password: string }[];
    };
    const roles = ['sponsor', 'programme-manager', 'board-member'];
    const cookies: Record<string, string> = {};
    const html: Record<string, string> = {};
    for (const role of roles) {
      const account = info.accounts.find((a) => a.role === role)!;
      cookies[role] = await signIn(info.address, account.email, account.password);
      html[`home-${role}.html`] = await (
        await fetch(`${info.address}/`, { headers: { cookie: cookies[role] } })
      ).text();
    }
    child.send({ html });
    await once(child, 'message');
    const lines = [
      `Database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded (PGlite, in memory)'}; the demo plus a generated plan of ${info.size.priorities} priorities, ${info.size.areas} areas, ${info.size.commitments} commitments and ${info.size.outcomes} outcomes; the app's date ${demoDate}; 50 connections for 5 s after a 1 s warm-up.`,
      '',
      '| home page of | page size | median ms | p99 ms | requests/s | static median ms | static p99 ms | static requests/s |',
      '|---|---|---|---|---|---|---|---|',
    ];
    for (const role of roles) {
      const page = await load(`${info.address}/`, { cookie: cookies[role]! }, 5, 50);
      const file = await load(`${info.address}/bench-static/home-${role}.html`, {}, 5, 50);
      lines.push(
        `| ${role} | ${fmt(html[`home-${role}.html`]!.length / 1024, 0)} KB | ${fmt(page.medianMs)} | ${fmt(page.p99Ms)} | ${fmt(page.requestsPerSecond, 0)} | ${fmt(file.medianMs)} | ${fmt(file.p99Ms)} | ${fmt(file.requestsPerSecond, 0)} |`,
      );
      if (page.errors) lines.push(`| ${role}: ${page.errors} errors |  |  |  |  |  |  |  |`);
    }
    return lines;
  } finally {
    child.kill();
  }
}
