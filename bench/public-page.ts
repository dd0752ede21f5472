import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fmt, load } from './load.ts';

/**
 * The public plan page (/public, the published demo quarter) and its easy read version under
 * concurrent load, signed out, beside the same bytes served as a static file by the same server.
 * The server is the plan pages' benchmark server (bench/plan-server.ts): its demo load publishes.
 */
export async function benchPublicPage(): Promise<string[]> {
  const lines = [
    '| page | size | median ms | p99 ms | requests/s | static median ms | static p99 ms | static requests/s | page ÷ static (throughput) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const child = fork(new URL('./plan-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SCALE: '1' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const info = JSON.parse(chunk.toString().trim().split('\n').at(-1)!) as { address: string };
    const pages = {
      'public-plan': '/public',
      'public-easy-read': '/public/child-friendly',
      'public-measures': '/public/measures',
    };
    const html: Record<string, string> = {};
    for (const [name, url] of Object.entries(pages)) {
      const response = await fetch(info.address + url);
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      html[`${name}.html`] = await response.text();
    }
    child.send({ html });
    await once(child, 'message');
    for (const [name, url] of Object.entries(pages)) {
      const page = await load(info.address + url);
      const file = await load(`${info.address}/bench-static/${name}.html`);
      lines.push(
        `| ${url} | ${fmt(html[`${name}.html`]!.length / 1024, 0)} KB | ${fmt(page.medianMs)} | ${fmt(page.p99Ms)} | ${fmt(page.requestsPerSecond, 0)} | ${fmt(file.medianMs)} | ${fmt(file.p99Ms)} | ${fmt(file.requestsPerSecond, 0)} | ${fmt(page.requestsPerSecond / file.requestsPerSecond)} |`,
      );
      if (page.errors) lines.push(`| ${url}: ${page.errors} errors |  |  |  |  |  |  |  |  |`);
    }
  } finally {
    child.kill();
  }
  return lines;
}
