import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { demoSeedsFolder } from '../demo/load-demo.ts';
import { docxFromText } from '../import/fixtures/build-docx.ts';
import { dataFolder, wesaid } from '../../test/helpers/cli.ts';

interface Printed {
  kind: string;
  unplaced: { number: number; text: string }[];
  furniture: number[];
  records: { type: string; lines: number[]; sharedLines: number[]; fields: object; parent: number | null }[];
}

/** "NUMBER<TAB>TEXT" rows, as `import --text` prints them. */
function textLines(stdout: string): Map<number, string> {
  return new Map(
    stdout
      .replace(/\n$/, '')
      .split('\n')
      .map((row) => {
        const [number, ...text] = row.split('\t');
        return [Number(number), text.join('\t')];
      }),
  );
}

test(
  'import --text prints a Word file as read, and --dry-run --json names each record’s lines in that text',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = dataFolder(t);
    const text = readFileSync(path.join(demoSeedsFolder, '2023-we-said-we-did-2022-23.txt'), 'utf8');
    const docx = path.join(env.DATA_DIR, 'we-said-we-did.docx');
    writeFileSync(docx, await docxFromText(text));

    const read = await wesaid(['import', '--text', docx], env);
    assert.equal(read.code, 0, read.stderr);
    const lines = textLines(read.stdout);
    assert.equal(lines.get(3), 'Tameside Improvement Plan 2022/23');
    assert.deepEqual(
      [...lines.keys()],
      [...Array(lines.size).keys()].map((i) => i + 1),
      'numbered from 1',
    );

    const dry = await wesaid(['import', '--dry-run', '--json', docx], env);
    assert.equal(dry.code, 0, dry.stderr);
    const printed = JSON.parse(dry.stdout) as Printed;
    assert.equal(printed.kind, 'we-said-we-did');
    const placed = [
      ...printed.records.flatMap((r) => r.lines),
      ...printed.furniture,
      ...printed.unplaced.map((l) => l.number),
    ].sort((a, b) => a - b);
    const nonBlank = [...lines].filter(([, t]) => t.trim() !== '').map(([n]) => n);
    assert.deepEqual(placed, nonBlank, 'every non-blank line of the text once');
    const outcome = printed.records.find((r) => r.type === 'outcome')!;
    assert.deepEqual(Object.keys(outcome.fields), ['text']);
    assert.match(
      lines.get(outcome.lines[0]!)!,
      new RegExp(`^${escape(String((outcome.fields as { text: string }).text).slice(0, 20))}`),
    );

    const missing = await wesaid(['import', '--text', path.join(env.DATA_DIR, 'nowhere.txt')], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /could not be opened/);
  },
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
