import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fmt, load } from './load.ts';

/**
 * Plan overview, priority page and the API's priorities under concurrent load, beside the same bytes served as a static
 * file by the same server, for the demo plan and a generated plan 50 times its size.
 */
export async function benchPlanPages(): Promise<string[]> {
  const lines = [
    `Database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded (PGlite, in memory)'}; 50 connections for 5 s after a 1 s warm-up.`,
    '',
    '| plan | size (priorities / areas / commitments / outcomes) | page | median ms | p99 ms | requests/s | static median ms | static p99 ms | static requests/s | throughput ratio (static ÷ page) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const scale of [1, 50]) {
    const child = fork(new URL('./plan-server.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_SCALE: String(scale) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const info = JSON.parse(chunk.toString().trim().split('\n').at(-1)!) as {
      address: string;
      email: string;
      password: string;
      planId: number;
      priorityId: number;
      size: { priorities: number; areas: number; commitments: number; outcomes: number };
    };
    const cookie = await signIn(info.address, info.email, info.password);
    const pages = {
      overview: `/plans/${info.planId}`,
      priority: `/priorities/${info.priorityId}`,
      'api-priorities': `/api/v1/plans/${info.planId}/priorities`,
    };
    const html: Record<string, string> = {};
    for (const [name, url] of Object.entries(pages))
      html[`${name}.html`] = await (await fetch(info.address + url, { headers: { cookie } })).text();
    child.send({ html });
    await once(child, 'message');
    const size = `${info.size.priorities} / ${info.size.areas} / ${info.size.commitments} / ${info.size.outcomes}`;
    for (const [name, url] of Object.entries(pages)) {
      const page = await load(info.address + url, { cookie });
      const file = await load(`${info.address}/bench-static/${name}.html`);
      lines.push(
        `| ${scale === 1 ? 'demo' : `${scale} × demo`} | ${size} | ${name} (${fmt(html[`${name}.html`]!.length / 1024, 0)} KB) | ${fmt(page.medianMs)} | ${fmt(page.p99Ms)} | ${fmt(page.requestsPerSecond, 0)} | ${fmt(file.medianMs)} | ${fmt(file.p99Ms)} | ${fmt(file.requestsPerSecond, 0)} | ${fmt(file.requestsPerSecond / page.requestsPerSecond)} |`,
      );
      if (page.errors) lines.push(`|  |  | ${name}: ${page.errors} errors |  |  |  |  |  |  |  |`);
    }
    child.kill();
  }
  return lines;
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`);
  const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }),
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}
