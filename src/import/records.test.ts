import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { demoSeedsFolder } from '../demo/load-demo.ts';
import { readDocument } from './read-document.ts';
import { dryRunReport, importRecords, recordFields, recordTypes } from './records.ts';
import { emptyDocument } from './ledger.ts';

/** The documents a demo start imports (every text file in the demo's seeds folder), then other councils'. */
const fixtures = path.join(import.meta.dirname, 'fixtures');
const documents = [
  ...readdirSync(demoSeedsFolder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(demoSeedsFolder, f)),
  ...readdirSync(fixtures)
    .filter((f) => /\.(?:txt|md)$/.test(f))
    .map((f) => path.join(fixtures, f)),
];

async function report(name: string) {
  const file = path.isAbsolute(name) ? name : path.join(demoSeedsFolder, name);
  const result = await readDocument(readFileSync(file), path.basename(file));
  assert.ok(result.ok, `${name} is read`);
  return { result, report: dryRunReport(result.document, result.summary) };
}

/*
 * The shape `import --dry-run --json` prints, written out here (not derived from the code), so a
 * change to it fails this test and has to be made to docs/imports.md as well.
 */
const expectedFields = {
  plan: ['title', 'period'],
  priority: ['number', 'title', 'ambition', 'sponsor', 'impactForChildren', 'whatWeWillDo'],
  'improvement-area': ['title', 'source'],
  commitment: ['text', 'status', 'needsReview'],
  outcome: ['text'],
  standard: ['group', 'title', 'text'],
  'highlight-report': [
    'previousRag',
    'previousRagDefinition',
    'rag',
    'ragDefinition',
    'reason',
    'completedBy',
    'meetingLabel',
    'meetingDate',
  ],
  'highlight-report-item': ['section', 'area', 'depth', 'text'],
  measure: ['title', 'unit', 'rolling12Months', 'text'],
  observation: ['period', 'value'],
  feedback: ['kind', 'source', 'text', 'response', 'attribution'],
  section: ['key', 'title', 'text', 'items'],
  meeting: ['title', 'meetingDate', 'dateText'],
  'agenda-item': ['reference', 'title', 'text'],
  decision: ['reference', 'text'],
  'meeting-action': ['text', 'owner', 'due', 'dueOn'],
  'meeting-attendee': ['title', 'role', 'attendance'],
  inspection: ['kind', 'startDate', 'endDate', 'publishedDate', 'focus', 'text'],
  'inspection-judgement': ['area', 'grade'],
  'inspection-finding': ['kind', 'number', 'text', 'under'],
};

const lineNumber = z.number().int().positive();
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const recordSchema = z.union(
  Object.entries(expectedFields).map(([type, fields]) =>
    z.strictObject({
      type: z.literal(type),
      lines: z.array(lineNumber),
      sharedLines: z.array(lineNumber),
      fields: z.strictObject(Object.fromEntries(fields.map((f) => [f, fieldValue]))),
      parent: z.number().int().nonnegative().nullable(),
    }),
  ),
);
const reportSchema = z.strictObject({
  kind: z.string(),
  lines: z.strictObject({ nonBlank: z.number(), placed: z.number(), unplaced: z.number() }),
  counts: z.record(z.string(), z.number()),
  needsReview: z.array(z.strictObject({ message: z.string(), lines: z.array(lineNumber) })),
  unplaced: z.array(z.strictObject({ number: lineNumber, text: z.string() })),
  furniture: z.array(lineNumber),
  records: z.array(recordSchema),
});

test('the record types and their fields are the ones documented', () => {
  assert.deepEqual(recordFields, expectedFields);
  const docs = readFileSync(new URL('../../docs/imports.md', import.meta.url), 'utf8');
  const documented = new Map(
    docs
      .split(/^### /m)
      .slice(1)
      .map((part) => part.split(/^## /m)[0]!)
      .map((part) => [
        /^`([\w-]+)`/.exec(part)![1]!,
        [...part.matchAll(/^- `(\w+)`(?:, `(\w+)`)?:/gm)].flatMap((m) => m.slice(1).filter(Boolean)),
      ]),
  );
  assert.deepEqual([...documented.keys()], recordTypes, 'docs/imports.md has a heading per type, in order');
  for (const type of recordTypes)
    assert.deepEqual(
      [...documented.get(type)!].sort(),
      [...recordFields[type]].sort(),
      `docs/imports.md lists the fields of ${type}`,
    );
});

for (const file of documents) {
  const name = path.relative(path.join(import.meta.dirname, '..'), file);
  test(`${name}: every non-blank line is in exactly one record, the furniture or the unplaced lines`, async () => {
    const { result, report: out } = await report(file);
    // Through JSON, as the CLI prints it.
    const printed = reportSchema.parse(JSON.parse(JSON.stringify(out)));
    const seen = new Map<number, number>();
    const count = (n: number) => seen.set(n, (seen.get(n) ?? 0) + 1);
    printed.records.forEach((r) => r.lines.forEach(count));
    printed.furniture.forEach(count);
    printed.unplaced.forEach((line) => count(line.number));
    const nonBlank = result.lines.filter((line) => line.text.trim() !== '').map((line) => line.number);
    for (const n of nonBlank) assert.equal(seen.get(n), 1, `line ${n} appears once`);
    assert.deepEqual(
      [...seen.keys()].sort((a, b) => a - b),
      nonBlank,
      'no blank or missing line is named',
    );

    printed.records.forEach((r, i) => {
      assert.ok(r.parent === null || r.parent < i, `record ${i} comes after its parent`);
      for (const n of r.sharedLines) assert.ok(seen.has(n), `shared line ${n} belongs to a record`);
      assert.ok(
        r.lines.length + r.sharedLines.length > 0 || r.type === 'plan',
        `record ${i} names its lines`,
      );
    });
    // Sorted by first line read, except that a record never comes before the one it sits under.
    const anchors: number[] = [];
    printed.records.forEach((r, i) => {
      const parent = r.parent === null ? 0 : anchors[r.parent]!;
      const read = [...r.lines, ...r.sharedLines];
      anchors.push(read.length ? Math.max(Math.min(...read), parent) : parent);
      assert.ok(i === 0 || anchors[i]! >= anchors[i - 1]!, `record ${i} is in document order`);
    });
  });
}

test('the records of a highlight report pack sit under their priority and report', async () => {
  const { report: out } = await report('2024-09-10-highlight-report-pack.txt');
  const byType = (type: string) => out.records.filter((r) => r.type === type);
  assert.equal(byType('plan').length, 1);
  assert.equal(byType('priority').length, 4);
  assert.equal(byType('highlight-report').length, 4);
  assert.equal(byType('highlight-report-item').length, 63 + 28, 'one per progress and next-period bullet');
  const [report1] = byType('highlight-report');
  const priority = out.records[report1!.parent!]!;
  assert.equal(priority.type, 'priority');
  assert.equal(priority.fields.number, 1);
  assert.equal(report1!.fields.meetingDate, '2024-09-10');
  assert.ok(report1!.sharedLines.includes(priority.lines[0]!), 'the header row names the priority first');
  for (const item of byType('highlight-report-item'))
    assert.equal(out.records[item.parent!]!.type, 'highlight-report');
});

test('a "We said, We did" report: commitments under priorities, outcomes under commitments', async () => {
  const { report: out } = await report('2023-we-said-we-did-2022-23.txt');
  const [plan] = out.records;
  assert.equal(plan!.type, 'plan');
  assert.equal(plan!.fields.period, '2022/23');
  assert.deepEqual(plan!.lines, [3], 'the title line is the plan');
  const outcome = out.records.find((r) => r.type === 'outcome')!;
  const commitment = out.records[outcome.parent!]!;
  assert.equal(commitment.type, 'commitment');
  assert.equal(commitment.fields.status, 'done');
  assert.equal(out.records[commitment.parent!]!.type, 'priority');
});

test('a figure read from a measure’s sentence shares its line; a measure or figure named twice is one record', () => {
  const doc = emptyDocument('scrutiny-presentation', 'Panel');
  doc.measures.push(
    {
      name: 'Contacts',
      unit: 'count',
      statement: 'Contacts rose from 9,343 in May 2020 to 12,493 in April 2021.',
      observations: [
        { period: '2020-05', value: 9343, lines: [4] },
        { period: '2021-04', value: 12493, lines: [4] },
      ],
      lines: [4],
    },
    {
      name: 'contacts',
      unit: 'count',
      statement: 'Contacts were 12,493 in April 2021.',
      observations: [{ period: '2021-04', value: 12493, lines: [9] }],
      lines: [9],
    },
  );
  const records = importRecords(doc);
  assert.deepEqual(
    records.map((r) => [r.type, r.lines, r.sharedLines, r.parent]),
    [
      ['measure', [4, 9], [], null],
      ['observation', [], [4], 0],
      ['observation', [], [4, 9], 0],
    ],
  );
});
