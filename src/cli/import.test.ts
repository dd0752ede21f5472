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

/** An action log in a council's own column headings. */
const actionLog = (rows: string[][]) =>
  [
    '# Corporate Parenting Board action log',
    '',
    '## Placements',
    '',
    '| Item | Thing to do | Person | Target | Colour | Comment |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');

interface Summary {
  kind: string;
  counts: Record<string, number>;
  lines: { nonBlank: number; placed: number; unplaced: number };
  encoding: string | null;
  format: string;
  template: string | null;
  records: { type: string; fields: Record<string, unknown> }[];
}

test(
  'import --dry-run --json says the format, encoding and template; --kind forces the kind; --template reads with a saved template',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = dataFolder(t);
    const may = path.join(env.DATA_DIR, 'log-may.md');
    const june = path.join(env.DATA_DIR, 'log-june.md');
    writeFileSync(
      may,
      actionLog([
        ['P1', 'Review placement sufficiency', 'Head of Service', 'Dec 2024', 'Amber', 'Draft'],
        ['P3', 'Refresh the sufficiency duty', 'Head of Service', 'Mar 2025', 'Green', ''],
      ]),
    );
    writeFileSync(
      june,
      actionLog([
        ['P2', 'Recruit foster carers', 'Fostering Manager', 'Q4 2024/25', 'Green', 'Eight approved'],
      ]),
    );

    const dry = await wesaid(['import', '--dry-run', '--json', may], env);
    assert.equal(dry.code, 0, dry.stderr);
    const printed = JSON.parse(dry.stdout) as Summary;
    assert.equal(printed.kind, 'action-tracker');
    assert.equal(printed.format, 'markdown');
    assert.equal(printed.encoding, 'utf-8');
    assert.equal(printed.template, null);
    assert.equal(printed.counts.commitments, 2);
    assert.equal(printed.lines.placed + printed.lines.unplaced, printed.lines.nonBlank);

    const forced = await wesaid(['import', '--dry-run', '--json', '--kind', 'general', may], env);
    assert.equal((JSON.parse(forced.stdout) as Summary).kind, 'general');
    const badKind = await wesaid(['import', '--dry-run', '--kind', 'minutes', may], env);
    assert.equal(badKind.code, 2);
    assert.match(badKind.stderr, /--kind must be one of: .*action-tracker/);

    const missing = await wesaid(['import', '--dry-run', '--template', 'No such template', may], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /There is no template called No such template/);

    // The import itself, then a template of the council saved as a person would save one from the preview.
    const imported = await wesaid(['import', '--json', may], env);
    assert.equal(imported.code, 0, imported.stderr);
    const outcome = JSON.parse(imported.stdout) as Summary & { outcome: string };
    assert.equal(outcome.outcome, 'imported');
    assert.equal(outcome.format, 'markdown');
    assert.equal(outcome.template, null);
    assert.deepEqual(Object.keys(outcome.lines), ['nonBlank', 'placed', 'unplaced']);

    const { openEmbedded } = await import('../db/client.ts');
    const { saveTemplate } = await import('../db/imports/commands.ts');
    const { resolveOrganisation } = await import('../db/people/commands.ts');
    const { layoutSignature } = await import('../domain/import-mapping.ts');
    const { readForImport, mapForImport } = await import('../import/read-for-import.ts');
    const read = await readForImport(readFileSync(may), may);
    assert.ok(read.ok);
    const suggested = mapForImport(read).mapping!;
    const mapping = {
      ...suggested,
      tables: suggested.tables.map((table) => ({
        ...table,
        columns: [
          ...table.columns.filter((c) => c.heading !== 'person' && c.heading !== 'colour'),
          { heading: 'person', field: 'owner' },
          { heading: 'colour', field: 'rag' },
        ],
      })),
    };
    const database = await openEmbedded(env.DATA_DIR);
    try {
      const organisationId = await resolveOrganisation(database.db);
      await database.db.transaction((tx) =>
        saveTemplate(
          tx,
          {
            organisationId,
            name: 'CPB action log',
            kind: 'action-tracker',
            layoutSignature: layoutSignature(read.structure!),
            mapping,
          },
          { userId: null, name: 'Test' },
        ),
      );
    } finally {
      await database.close();
    }

    const withTemplate = await wesaid(
      ['import', '--dry-run', '--json', '--template', 'cpb action log', june],
      env,
    );
    assert.equal(withTemplate.code, 0, withTemplate.stderr);
    const read2 = JSON.parse(withTemplate.stdout) as Summary;
    assert.equal(read2.template, 'CPB action log');
    const commitment = read2.records.find((r) => r.type === 'commitment')!;
    assert.equal(commitment.fields.text, 'Recruit foster carers');

    // Without --template, the import finds the council's template for the layout itself.
    const june2 = await wesaid(['import', '--json', june], env);
    assert.equal(june2.code, 0, june2.stderr);
    assert.equal((JSON.parse(june2.stdout) as Summary).template, 'CPB action log');
  },
);
