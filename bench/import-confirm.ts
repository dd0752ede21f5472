import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fmt, load } from './load.ts';

/** One command in the server process while `/healthz` is loaded at 10 connections until it ends. */
async function duringCommand(child: ChildProcess, url: string, command: 'confirm' | 'undo') {
  let finished: (result: autocannon.Result) => void = () => undefined;
  const loaded = new Promise<autocannon.Result>((resolve) => (finished = resolve));
  const instance = autocannon({ url, connections: 10, duration: 600 }, (_error, result) => finished(result));
  const done = once(child, 'message') as Promise<[{ records: number; ms: number }]>;
  child.send(command);
  const [{ records, ms }] = await done;
  instance.stop();
  const result = await loaded;
  return {
    records,
    seconds: ms / 1000,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/**
 * Whether the server keeps answering while a large import is confirmed and undone: the seed pack
 * repeated to 25,311 records, written by one server (PGlite in memory) in its own process, with
 * `/healthz` loaded throughout.
 */
export async function benchConfirmUnderLoad(): Promise<string[]> {
  const child = fork(new URL('./import-confirm-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const info = JSON.parse(chunk.toString().trim().split('\n').at(-1)!) as { address: string };
    const url = `${info.address}/healthz`;
    const idle = await load(url, {}, 3, 10);
    const confirm = await duringCommand(child, url, 'confirm');
    const undo = await duringCommand(child, url, 'undo');
    const row = (name: string, r: typeof confirm) =>
      `| ${name} | ${r.records.toLocaleString('en-GB')} | ${fmt(r.seconds)} | ${fmt(r.medianMs)} | ${fmt(r.p99Ms)} | ${fmt(r.maxMs)} | ${r.requests} | ${r.errors} |`;
    return [
      'A highlight report pack repeated to 50,000 lines, confirmed then undone by one server (PGlite in memory, its own process); `/healthz` (one `select 1`) at 10 connections throughout.',
      '',
      '| while | records | seconds | `/healthz` median ms | p99 ms | max ms | answered | errors |',
      '|---|---|---|---|---|---|---|---|',
      `| nothing (3 s) | | | ${fmt(idle.medianMs)} | ${fmt(idle.p99Ms)} | | | ${idle.errors} |`,
      row('confirming', confirm),
      row('undoing', undo),
    ];
  } finally {
    child.kill();
  }
}
