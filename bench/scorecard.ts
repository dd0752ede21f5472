import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fmt, load } from './load.ts';
import { COUNCILS, MEASURES, MONTHS } from './scorecard-data.ts';

/**
 * Loading a million figures through the loader, beside PostgreSQL's own COPY of the same rows, and
 * the scorecard page (50 measures with ten years of figures each) with that much data in the table.
 */
export async function benchScorecard(): Promise<string[]> {
  const child = fork(new URL('./scorecard-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let output = '';
  while (!output.includes('\n')) output += ((await once(child.stdout!, 'data')) as [Buffer])[0].toString();
  const info = JSON.parse(output.trim().split('\n').at(-1)!) as {
    address: string;
    email: string;
    password: string;
    database: string;
    expected: number;
    rows: number;
    loadSeconds: number;
    copied: number;
    copySeconds: number;
  };
  const cookie = await signIn(info.address, info.email, info.password);
  // One connection: the latency of a page on its own; throughput with more is about cores, not this page.
  const page = await load(`${info.address}/scorecard`, { cookie }, 10, 1);
  const api = await load(`${info.address}/api/v1/measures`, { cookie }, 5, 1);
  child.send('stop');
  await once(child, 'exit');
  const loaderRate = info.rows / info.loadSeconds;
  const copyRate = info.copied / info.copySeconds;
  return [
    `Database: ${info.database}. ${COUNCILS} councils × ${MEASURES} measures × ${MONTHS} months = ${info.expected.toLocaleString('en-GB')} figures, one CSV per council loaded with \`applyLoad\` (read, check, write all or nothing, as \`wesaid load\` does).`,
    '',
    '| what | rows | seconds | rows/s |',
    '|---|---|---|---|',
    `| loader (${COUNCILS} files, long CSV) | ${info.rows.toLocaleString('en-GB')} | ${fmt(info.loadSeconds)} | ${fmt(loaderRate, 0)} |`,
    `| PostgreSQL COPY of the same rows into a table shaped like \`observations\` | ${info.copied.toLocaleString('en-GB')} | ${fmt(info.copySeconds)} | ${fmt(copyRate, 0)} |`,
    `| **ratio (loader ÷ COPY)** |  |  | **${fmt(loaderRate / copyRate, 2)}** |`,
    '',
    `With ${info.rows.toLocaleString('en-GB')} figures in the table, one council's pages, one request at a time for 10 s (5 s for the API) after a 1 s warm-up:`,
    '',
    '| page | median ms | p99 ms | requests/s | errors |',
    '|---|---|---|---|---|',
    `| /scorecard (${MEASURES} measures, sparklines of the last 24 months) | ${fmt(page.medianMs)} | ${fmt(page.p99Ms)} | ${fmt(page.requestsPerSecond, 1)} | ${page.errors} |`,
    `| /api/v1/measures (with narrative) | ${fmt(api.medianMs)} | ${fmt(api.p99Ms)} | ${fmt(api.requestsPerSecond, 1)} | ${api.errors} |`,
  ];
}

async function signIn(base: string, email: string, password: string): Promise<string> {
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
