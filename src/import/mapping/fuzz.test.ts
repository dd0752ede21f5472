/* Random structures and random mappings never make suggest or apply throw, and every line is accounted for once. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type {
  DocumentStructure,
  StructureBlock,
  StructureListItem,
} from '../../domain/document-structure.ts';
import { allDocumentKinds } from '../../domain/imports.ts';
import { mappedRecordKinds, type ImportMapping, type MappingOverrides } from '../../domain/import-mapping.ts';
import { applyMapping } from './apply.ts';
import { suggestMapping } from './suggest.ts';
import { structureOfText } from './test-helpers.ts';

const words = fc.constantFrom(
  'Priority 1',
  'Number Two',
  'RESOLVED: That',
  'Action:',
  'Ref',
  'Lead',
  'RAG rating',
  'Date of meeting',
  'Requires improvement',
  'Good',
  'Recommendations',
  'Reason for Amber',
  'We said',
  'We did',
  'Question.',
  '(1)',
  '2.',
  '|',
  '[...]',
  'Dec 2016',
  'end of March',
  'the plan',
  'x',
  '',
);
const phrase = fc
  .array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 6 })
  .map((w) => w.join(' '));

/** A structure whose blocks take lines from a pool of line numbers, some repeated, some out of range. */
const structures = fc
  .record({
    texts: fc.array(phrase, { minLength: 1, maxLength: 30 }),
    blocks: fc.array(
      fc.record({
        type: fc.constantFrom('heading', 'paragraph', 'list', 'table', 'label-value'),
        level: fc.integer({ min: 1, max: 4 }),
        a: phrase,
        b: phrase,
        refs: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 5 }),
        width: fc.integer({ min: 0, max: 4 }),
        rows: fc.integer({ min: 0, max: 3 }),
        ordered: fc.boolean(),
      }),
      { maxLength: 20 },
    ),
  })
  .map(({ texts, blocks }): DocumentStructure => {
    const lines = texts.map((text, k) => ({ number: k + 1, text }));
    const item = (text: string, refs: number[]): StructureListItem => ({ text, lines: refs, children: [] });
    const built = blocks.map((b, index): StructureBlock => {
      const base = { index, lines: b.refs };
      switch (b.type) {
        case 'heading':
          return { ...base, type: 'heading', level: b.level, text: b.a };
        case 'paragraph':
          return { ...base, type: 'paragraph', text: b.a };
        case 'label-value':
          return { ...base, type: 'label-value', label: b.a, value: b.b };
        case 'list':
          return {
            ...base,
            type: 'list',
            ordered: b.ordered,
            items: b.refs.map((n) => ({
              ...item(b.a, [n]),
              marker: `${n}.`,
              children: [item(b.b, [n + 1])],
            })),
          };
        default: {
          const cells = (text: string) =>
            Array.from({ length: b.width }, (_, k) => ({
              text: k ? text : b.a,
              lines: b.refs.slice(k, k + 1),
            }));
          return {
            ...base,
            type: 'table',
            header: { cells: cells(b.a), lines: b.refs.slice(0, 1) },
            rows: Array.from({ length: b.rows }, () => ({ cells: cells(b.b), lines: b.refs })),
          };
        }
      }
    });
    return { format: 'docx', lines, blocks: built };
  });

const mappings: fc.Arbitrary<ImportMapping> = fc.record({
  version: fc.constant(1 as const),
  kind: fc.constantFrom(...allDocumentKinds),
  headings: fc.array(
    fc.record({
      level: fc.integer({ min: 1, max: 4 }),
      record: fc.constantFrom(
        'priority',
        'improvement-area',
        'highlight-report',
        'meeting',
        'section',
        'ignore',
      ),
      match: fc.option(
        fc.record({
          anyOf: fc.array(phrase, { maxLength: 2 }),
          how: fc.constantFrom('equals', 'starts', 'contains', 'numbered'),
        }),
        { nil: undefined },
      ),
      alsoParagraphs: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  tables: fc.array(
    fc.record({
      header: fc.array(phrase, { maxLength: 2 }),
      record: fc.constantFrom(
        'commitment',
        'action',
        'decision',
        'recommendation',
        'judgement',
        'feedback',
        'improvement-area',
        'section',
      ),
      columns: fc.array(
        fc.record({
          heading: phrase,
          field: fc.constantFrom(
            'text',
            'owner',
            'due',
            'rag',
            'said',
            'response',
            'area',
            'grade',
            'ignore',
            'nonsense',
          ),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 2 },
  ),
  labels: fc.array(
    fc.record({
      labels: fc.array(phrase, { maxLength: 2 }),
      record: fc.constantFrom('highlight-report', 'meeting', 'judgement', 'document'),
      field: fc.constantFrom('date', 'rag', 'owner', 'priority', 'title', 'period', 'nonsense'),
    }),
    { maxLength: 3 },
  ),
  lists: fc.array(
    fc.record({
      record: fc.constantFrom(
        'priority',
        'commitment',
        'improvement-area',
        'outcome',
        'recommendation',
        'decision',
        'action',
        'feedback',
        'section',
      ),
      ordered: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  lines: fc.array(
    fc.record({
      prefixes: fc.array(phrase, { maxLength: 2 }),
      record: fc.constantFrom('decision', 'action', 'feedback', 'recommendation', 'commitment'),
      field: fc.constantFrom('text', 'said', 'response', 'nonsense'),
    }),
    { maxLength: 3 },
  ),
  keepUnclaimedText: fc.option(fc.boolean(), { nil: undefined }),
  grades: fc.option(fc.array(phrase, { maxLength: 3 }), { nil: undefined }),
});

const overrides: fc.Arbitrary<MappingOverrides> = fc.record({
  dismiss: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 4 }),
  move: fc.array(
    fc.record({
      line: fc.integer({ min: 0, max: 35 }),
      to: fc.record({
        record: fc.constantFrom(...mappedRecordKinds),
        withLine: fc.option(fc.integer({ min: 0, max: 35 }), { nil: undefined }),
      }),
    }),
    { maxLength: 4 },
  ),
});

function assertAccounted(structure: DocumentStructure, doc: ReturnType<typeof applyMapping>) {
  const nonBlank = structure.lines.filter((l) => l.text.trim() !== '');
  const unplaced = new Set(doc.unplaced.map((l) => l.number));
  assert.equal(unplaced.size, doc.unplaced.length, 'no line listed twice');
  for (const line of doc.unplaced) assert.ok(nonBlank.some((l) => l.number === line.number));
}

describe('the mapper on random input', () => {
  it('never throws from suggest or apply, and lists each unplaced line once', () => {
    fc.assert(
      fc.property(structures, (structure) => {
        const doc = applyMapping(structure, suggestMapping(structure));
        assertAccounted(structure, doc);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws whatever the mapping and the person’s corrections', () => {
    fc.assert(
      fc.property(structures, mappings, overrides, (structure, mapping, fixes) => {
        const doc = applyMapping(structure, mapping, fixes);
        assertAccounted(structure, doc);
        assert.ok(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random text read as the text reader reads it', () => {
    fc.assert(
      fc.property(fc.array(phrase, { maxLength: 40 }), (lines) => {
        const structure = structureOfText(lines.join('\n'));
        assertAccounted(structure, applyMapping(structure, suggestMapping(structure)));
      }),
      { numRuns: 300 },
    );
  });
});
