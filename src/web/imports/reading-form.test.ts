import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapForImport, readForImport } from '../../import/read-for-import.ts';
import { readingFormView, readReadingForm } from './reading-form.ts';
import { noOverrides } from '../../domain/import-mapping.ts';

const text = [
  '# Board action log',
  '',
  '## Placements',
  '',
  '| Item | Thing to do | Person |',
  '|---|---|---|',
  '| P1 | Review | HoS |',
  '',
  'Chair: Cllr Jones',
  '',
  'Signed by the chair',
  '',
].join('\n');

async function reading() {
  const read = await readForImport(Buffer.from(text), 'log.md');
  assert.ok(read.ok);
  const mapped = mapForImport(read);
  return { structure: read.structure!, mapping: mapped.mapping!, document: mapped.document };
}

test('the form lists the heading levels, each table with its columns, and the labels, with what each is read as', async () => {
  const { structure, mapping, document } = await reading();
  const view = readingFormView(
    structure,
    mapping,
    document.kind,
    [{ number: 11, text: 'Signed by the chair' }],
    noOverrides,
  );
  assert.deepEqual(
    view.headings.map((h) => h.name),
    ['heading-1', 'heading-2'],
  );
  assert.equal(view.tables.length, 1);
  assert.equal(view.tables[0]!.headings, 'Item, Thing to do, Person');
  // Three columns Wesaid's vocabulary does not know: not read as records until the person says.
  assert.equal(view.tables[0]!.record, '');
  assert.deepEqual(view.tables[0]!.columns, [], 'columns are chosen once the rows have a kind');
  assert.ok(view.tables[0]!.items.some((i) => i.value === 'commitment'));
  assert.deepEqual(
    view.labels.map((l) => l.label),
    ['Chair'],
  );
  assert.equal(view.lines[0]!.name, 'line-11');
  assert.equal(view.kind.find((k) => k.selected)!.value, document.kind);
});

test('reading the form back: heading levels, columns, labels and lines become the mapping and this document’s overrides', async () => {
  const { structure, mapping } = await reading();
  const chosen = readReadingForm(
    {
      kind: 'board-minutes',
      'heading-2': 'meeting',
      'table-0': 'action',
      'table-0-column-2': 'owner',
      'label-0': 'meeting:title',
      'line-11': 'dismiss',
      'line-9': 'previous',
      'line-7': 'new:decision',
      'line-99': 'dismiss',
      'line-3': 'new:plan',
    },
    structure,
    mapping,
    (line) => line - 2,
  );
  assert.equal(chosen.kind, 'board-minutes');
  assert.deepEqual(
    chosen.mapping.headings.filter((h) => h.level === 2).map((h) => h.record),
    ['meeting'],
  );
  const table = chosen.mapping.tables.find((r) => r.header.includes('person'))!;
  assert.equal(table.record, 'action');
  assert.equal(table.columns.find((c) => c.heading === 'person')!.field, 'owner');
  // Columns not sent are not imported until the person chooses.
  assert.ok(
    table.columns.every((c) => ['reference', 'text', 'owner', 'due', 'status', 'ignore'].includes(c.field)),
  );
  assert.deepEqual(
    chosen.mapping.labels.filter((l) => l.labels.includes('Chair')).map((l) => `${l.record}:${l.field}`),
    ['meeting:title'],
  );
  assert.deepEqual(chosen.overrides.dismiss, [11], 'a line the document does not have is ignored');
  assert.deepEqual(chosen.overrides.move, [
    { line: 9, to: { record: 'section', withLine: 7 } },
    { line: 7, to: { record: 'decision' } },
  ]);
  assert.equal(
    mapping.headings.filter((h) => h.record === 'meeting').length,
    0,
    'the stored mapping is not changed',
  );
});
