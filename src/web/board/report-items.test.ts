import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { itemsToText, itemsToTree, textToItems, type FlatItem } from './report-items.ts';

test('one item per line, nested by indentation, in the marks people type', () => {
  const text = [
    '- Work in progress to promote retention includes:',
    '  - 20 Mental Health First Aiders',
    '  • 3x Health and Wellbeing Champions',
    '* Refreshed induction',
    'Staff awards took place',
  ].join('\n');
  assert.deepEqual(textToItems(text), [
    { text: 'Work in progress to promote retention includes:', depth: 0 },
    { text: '20 Mental Health First Aiders', depth: 1 },
    { text: '3x Health and Wellbeing Champions', depth: 1 },
    { text: 'Refreshed induction', depth: 0 },
    { text: 'Staff awards took place', depth: 0 },
  ]);
});

test('an indented line with no bullet continues the item above; blank lines are ignored', () => {
  assert.deepEqual(
    textToItems('- The Threshold document has been revised\n  and signed off by partners\n\n- Next item'),
    [
      { text: 'The Threshold document has been revised and signed off by partners', depth: 0 },
      { text: 'Next item', depth: 0 },
    ],
  );
});

test('a sub-item indented further than one level sits one level down, not two', () => {
  assert.deepEqual(textToItems('- a\n        - b\n  - c'), [
    { text: 'a', depth: 0 },
    { text: 'b', depth: 1 },
    { text: 'c', depth: 1 },
  ]);
});

test('flat items become a tree with children in order', () => {
  assert.deepEqual(
    itemsToTree([
      { text: 'a', depth: 0 },
      { text: 'b', depth: 1 },
      { text: 'c', depth: 2 },
      { text: 'd', depth: 0 },
    ]),
    [
      { text: 'a', children: [{ text: 'b', children: [{ text: 'c', children: [] }] }] },
      { text: 'd', children: [] },
    ],
  );
});

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.'()£%]{0,40}[A-Za-z0-9.)]$/);
const flatItems = fc.array(fc.tuple(word, fc.nat(3)), { maxLength: 12 }).map((pairs) => {
  // Depth may rise by one at most from the item before, as a person can type it.
  const items: FlatItem[] = [];
  for (const [text, want] of pairs)
    items.push({ text: text.replace(/\s+/g, ' '), depth: Math.min(want, (items.at(-1)?.depth ?? -1) + 1) });
  return items;
});

test('what the form shows reads back as the same items (property)', () => {
  fc.assert(fc.property(flatItems, (items) => assert.deepEqual(textToItems(itemsToText(items)), items)));
});
