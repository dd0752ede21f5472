import { readFileSync } from 'node:fs';
import path from 'node:path';
import { systemActor } from '../src/db/changes.ts';
import { openInMemory } from '../src/db/client.ts';
import { confirmImport, savePendingImport } from '../src/db/imports/commands.ts';
import { ensureOrganisation } from '../src/db/people/commands.ts';
import { demoSeedsFolder } from '../src/demo/load-demo.ts';
import { readDocument } from '../src/import/read-document.ts';
import { benchConfirmUnderLoad } from './import-confirm.ts';
import { fmt } from './load.ts';

/**
 * Import throughput for generated documents of about 10,000 lines: the seed's priorities repeated
 * with new numbers, so the text is real council prose in the council's layout. (numbersPerCopy: a
 * copy's priorities are numbered on from the last copy's; the reader takes at most three digits.)
 */
export function generate(seedFile: string, targetLines: number, numbersPerCopy = 10): string {
  const text = readFileSync(path.join(demoSeedsFolder, seedFile), 'utf8');
  const lines = text.split('\n');
  // A priority starts at a line beginning "Priority" (either document's convention).
  const starts = lines.flatMap((line, i) => (/^Priority(\t|\s+\d+$)/.test(line) ? [i] : []));
  const head = lines.slice(0, starts[0]);
  const body = lines.slice(starts[0]);
  const out = [...head];
  let copy = 0;
  while (out.length < targetLines) {
    copy += 1;
    const offset = (copy - 1) * numbersPerCopy;
    out.push(
      ...body.map((line) =>
        line.replace(
          /^Priority(\t| )(\d+)/,
          (_m, sep: string, n: string) => `Priority${sep}${Number(n) + offset}`,
        ),
      ),
    );
  }
  return out.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchImport(): Promise<string[]> {
  const lines = [
    '| document | lines (non-blank) | records | read and extract: median ms | lines/s | full import into the embedded database: ms | lines/s |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, seed] of [
    ['highlight report pack', '2024-09-10-highlight-report-pack.txt'],
    ['"We said, We did" update', '2023-we-said-we-did-2022-23.txt'],
  ] as const) {
    const text = generate(seed, 10000);
    const bytes = Buffer.from(text);
    const times: number[] = [];
    let result = await readDocument(bytes, 'generated.txt');
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      result = await readDocument(bytes, 'generated.txt');
      times.push(performance.now() - start);
    }
    if (!result.ok) throw new Error(result.message);
    const nonBlank = result.summary.lines.nonBlank;
    const records = Object.values(result.summary.counts).reduce((a, b) => a + b, 0);
    const database = await openInMemory();
    await database.migrate();
    const organisationId = await ensureOrganisation(database.db, 'Bench Council');
    const start = performance.now();
    const pending = await savePendingImport(database.db, {
      organisationId,
      fileName: 'generated.txt',
      contentHash: result.contentHash,
      document: result.document,
      nonBlankLines: nonBlank,
      userId: null,
    });
    await confirmImport(database.db, pending, systemActor('Bench'));
    const importMs = performance.now() - start;
    await database.close();
    const extract = median(times);
    lines.push(
      `| ${name} | ${text.split('\n').length} (${nonBlank}) | ${records} | ${fmt(extract)} | ${fmt((nonBlank / extract) * 1000, 0)} | ${fmt(importMs, 0)} | ${fmt((nonBlank / importMs) * 1000, 0)} |`,
    );
  }
  return [...lines, '', ...(await benchConfirmUnderLoad())];
}
