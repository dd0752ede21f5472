/**
 * `npm run bench`: every benchmark, printed as Markdown tables for docs/benchmarks.md.
 * Figures are ratios within one run where possible, because these machines are shared and noisy.
 */
import os from 'node:os';
import { benchBoardPack } from './board-pack.ts';
import { benchHomePages } from './home-pages.ts';
import { benchImport } from './import.ts';
import { benchImportRead } from './import-read.ts';
import { benchPlanPages } from './plan-pages.ts';
import { benchPackUnderLoad } from './pack-under-load.ts';
import { benchPublicPage } from './public-page.ts';
import { benchScorecard } from './scorecard.ts';
import { benchSearch } from './search.ts';

const sections: [string, () => Promise<string[]>][] = [
  ['Plan pages under concurrent load', benchPlanPages],
  ['Import throughput', benchImport],
  ["Import: reading a document's structure in each format", benchImportRead],
  ['Board pack: building the pack for a meeting', benchBoardPack],
  ['Health during ten board pack PDFs', benchPackUnderLoad],
  ['Scorecard: loading a million figures, and the scorecard page', benchScorecard],
  ['Public plan page under concurrent load', benchPublicPage],
  ['Search over a plan 50 times the demo', benchSearch],
  ['Home pages for each role over a plan 50 times the demo', benchHomePages],
];
const only = process.argv[2];

console.log(
  `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`,
);
for (const [title, run] of sections) {
  if (only && !title.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`## ${title}\n`);
  console.log((await run()).join('\n'));
  console.log('');
}
