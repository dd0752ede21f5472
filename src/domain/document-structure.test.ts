import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sectionsOf, type StructureBlock } from './document-structure.ts';

test('sectionsOf nests headings by level and keeps blocks under the heading before them', () => {
  const blocks: StructureBlock[] = [
    { type: 'paragraph', index: 0, lines: [1], text: 'Cover' },
    { type: 'heading', index: 1, lines: [2], level: 1, text: 'Priority 1' },
    { type: 'heading', index: 2, lines: [3], level: 2, text: 'Area A' },
    { type: 'paragraph', index: 3, lines: [4], text: 'Text of A' },
    { type: 'heading', index: 4, lines: [5], level: 1, text: 'Priority 2' },
  ];
  const root = sectionsOf(blocks);
  assert.deepEqual(
    root.blocks.map((b) => b.index),
    [0],
  );
  assert.deepEqual(
    root.sections.map((s) => s.heading?.text),
    ['Priority 1', 'Priority 2'],
  );
  assert.equal(root.sections[0]!.sections[0]!.heading?.text, 'Area A');
  assert.deepEqual(
    root.sections[0]!.sections[0]!.blocks.map((b) => b.index),
    [3],
  );
});
