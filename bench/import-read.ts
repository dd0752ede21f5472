/**
 * `npm run bench -- import`: reading and structuring a 4 MB document in each format (the seeds
 * repeated), as lines per second, and the time and memory a zip bomb takes to refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { demoSeedsFolder } from '../src/demo/load-demo.ts';
import { docxFromText } from '../src/import/fixtures/build-docx.ts';
import { zipBomb } from '../src/import/structure/bomb.ts';
import { readStructure } from '../src/import/structure/index.ts';
import { basePdfDefinition, renderPdf } from '../src/reports/pdf-style.ts';

const megabyte = 1024 * 1024;

function seedText(bytes: number): string {
  const seeds = readdirSync(demoSeedsFolder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(demoSeedsFolder, f), 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const seed = seeds[i % seeds.length]!;
    parts.push(seed);
    size += Buffer.byteLength(seed) + 1;
  }
  return parts.join('\n');
}

async function tracker(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action tracker');
  sheet.addRow(['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Update']);
  for (let i = 0; i < rows; i++) {
    sheet.addRow([
      `${Math.floor(i / 10)}.${i % 10}`,
      'Review the consistency of thresholds applied at the front door with partners',
      'Head of MASH',
      'Q2 2025/26',
      ['Red', 'Amber', 'Green'][i % 3],
      'Audit completed; findings shared with the partnership and actions agreed.',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: number): Buffer {
  const lines = ['Ref,Action,Lead,Timescale,RAG,Update'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${i},"Review the consistency of thresholds, with partners",Head of MASH,Q2 2025/26,Amber,"Audit completed; findings shared."`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

async function timed(bytes: Buffer, name: string, limits = {}): Promise<{ ms: number; lines: number }> {
  const first = await readStructure(bytes, name, limits);
  if (!first.ok) throw new Error(first.message);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await readStructure(bytes, name, limits);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[1]!, lines: first.structure.lines.length };
}

export async function benchImportRead(): Promise<string[]> {
  const text = seedText(4 * megabyte);
  const pdfText = seedText(megabyte / 2);
  const cases: Array<[string, () => Promise<Buffer>, string, object?]> = [
    ['text', () => Promise.resolve(Buffer.from(text)), 'plan.txt'],
    ['Markdown', () => Promise.resolve(Buffer.from(text)), 'plan.md'],
    ['Word (.docx), 4 MB of text', () => docxFromText(text), 'plan.docx'],
    [
      'PDF, 0.5 MB of text',
      () =>
        renderPdf({
          ...basePdfDefinition({ title: 'Plan', author: 'Council', subject: 'Plan' }),
          content: pdfText.split('\n').map((line) => ({ text: line === '' ? ' ' : line })),
        }),
      'plan.pdf',
      { maxPages: 5000, maxLines: 1_000_000 },
    ],
    ['Excel (.xlsx), 25,000 rows', () => tracker(25_000), 'tracker.xlsx'],
    ['CSV', () => Promise.resolve(csv(36_000)), 'tracker.csv'],
  ];
  const rows = [
    '| format | file size | lines | read and structured: median ms | lines/s |',
    '|---|---|---|---|---|',
  ];
  for (const [label, make, name, limits] of cases) {
    const bytes = await make();
    const { ms, lines } = await timed(bytes, name, limits);
    rows.push(
      `| ${label} | ${(bytes.length / megabyte).toFixed(2)} MB | ${lines.toLocaleString('en-GB')} | ${Math.round(ms).toLocaleString('en-GB')} | ${Math.round((lines / ms) * 1000).toLocaleString('en-GB')} |`,
    );
  }
  const bomb = zipBomb(300);
  // The same bomb with a header that claims 1,000 bytes: only counting while inflating stops it.
  const lying = Buffer.from(bomb);
  const at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4);
  lying.writeUInt32LE(1000, at + 22);
  lying.writeUInt32LE(1_000_000, at + 18);
  rows.push(
    '',
    '| zip bomb (.docx, 300 MB of spaces) | compressed | refused in | reason | memory above baseline (peak RSS) |',
    '|---|---|---|---|---|',
  );
  for (const [label, bytes] of [
    ['sizes in its header true', bomb],
    ['sizes in its header false', lying],
  ] as const) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    const started = performance.now();
    const result = await readStructure(bytes, 'bomb.docx');
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    rows.push(
      `| ${label} | ${(bytes.length / 1024).toFixed(0)} KB | ${ms.toFixed(1)} ms | ${result.ok ? 'not refused!' : result.reason} | ${((peak - before) / megabyte).toFixed(1)} MB |`,
    );
  }
  return rows;
}
