import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  defaultRagScale,
  findStatus,
  ragDirection,
  ragTitle,
  validateRagScale,
  type RagScale,
  type RagStatus,
} from './rag-scale.ts';

// Verbatim from the highlight report of 10 September 2024 (seed 001).
const SEED_AMBER =
  'Amber (At Risk) - One or more aspect of programme viability i.e. time, cost, scope, quality etc. is at risk. However, the deviation from plan is within agreed tolerances.';
const SEED_GREEN =
  'Green - (On Plan) The programme is performing to plan. All aspects of programme viability are within tolerance. No action needed.';

const scale = defaultRagScale();
const code = (text: string | null | undefined, s: RagScale = scale) => findStatus(s, text)?.code;

test('the default scale carries the council wording for Amber and Green', () => {
  const amber = findStatus(scale, 'amber')!;
  const green = findStatus(scale, 'green')!;
  assert.equal(`${ragTitle(amber)} - ${amber.definition}`, SEED_AMBER);
  assert.equal(`${green.label} - (${green.meaning}) ${green.definition}`, SEED_GREEN);
});

test('the default scale runs Red, Amber, Green, Blue from worst to best', () => {
  assert.deepEqual(
    scale.map((s) => [s.code, s.rank, s.stance]),
    [
      ['red', 1, 'off-track'],
      ['amber', 2, 'at-risk'],
      ['green', 3, 'on-track'],
      ['blue', 4, 'complete'],
    ],
  );
  assert.deepEqual(validateRagScale(scale), []);
  for (const status of scale) {
    assert.match(status.colourClass, /^govuk-tag--(red|orange|green|blue)$/);
    assert.ok(status.definition.length > 20);
  }
  assert.equal(ragTitle(scale[0]!), 'Red (Off Plan)');
  assert.equal(ragTitle(scale[3]!), 'Blue (Complete)');
});

test('defaultRagScale returns a copy that callers may change', () => {
  const mine = defaultRagScale() as RagStatus[];
  mine.pop();
  assert.equal(defaultRagScale().length, 4);
});

test('findStatus reads the ways people write a status', () => {
  const cases: [string, string | undefined][] = [
    ['Amber', 'amber'],
    ['amber', 'amber'],
    ['AMBER', 'amber'],
    [' Amber ', 'amber'],
    ['amber (at risk)', 'amber'],
    ['Amber (At Risk)', 'amber'],
    [SEED_AMBER, 'amber'],
    [SEED_GREEN, 'green'],
    ['Green - (On Plan)', 'green'],
    ['Green – On Plan', 'green'],
    ['Green: on plan', 'green'],
    ['Green.', 'green'],
    ['On Plan', 'green'],
    ['at risk', 'amber'],
    ['Off plan', 'red'],
    ['Red', 'red'],
    ['Blue (Complete)', 'blue'],
    ['Complete', 'blue'],
    ['G', 'green'],
    ['a', 'amber'],
    ['blue', 'blue'],
  ];
  for (const [text, want] of cases) assert.equal(code(text), want, text);
});

test('findStatus refuses what it cannot read rather than guessing', () => {
  const cases = [
    '',
    '   ',
    'Red/Amber',
    'Amber/Green',
    'Greenish',
    'Purple',
    'Amber (On Plan)',
    'Not started',
    'X',
  ];
  for (const text of cases) assert.equal(code(text), undefined, text);
  assert.equal(code(null), undefined);
  assert.equal(code(undefined), undefined);
});

test('findStatus accepts a full definition on its own, as some imports carry only that', () => {
  assert.equal(
    code(
      'The programme is performing to plan. All aspects of programme viability are within tolerance. No action needed.',
    ),
    'green',
  );
});

test('ragDirection by rank', () => {
  const cases: [string, string, string][] = [
    ['amber', 'green', 'improved'],
    ['red', 'amber', 'improved'],
    ['green', 'blue', 'improved'],
    ['green', 'amber', 'worsened'],
    ['blue', 'red', 'worsened'],
    ['amber', 'amber', 'unchanged'],
    [SEED_AMBER, SEED_GREEN, 'improved'],
    [SEED_AMBER, SEED_AMBER, 'unchanged'],
  ];
  for (const [before, after, want] of cases)
    assert.equal(ragDirection(before, after, scale), want, `${before} → ${after}`);
});

test('ragDirection is not comparable when either side is missing or unknown', () => {
  assert.equal(ragDirection(null, 'green', scale), 'not-comparable');
  assert.equal(ragDirection('green', undefined, scale), 'not-comparable');
  assert.equal(ragDirection('purple', 'green', scale), 'not-comparable');
  assert.equal(ragDirection('', '', scale), 'not-comparable');
});

test('local codes outside the rank are not comparable', () => {
  const local: RagScale = [
    ...defaultRagScale(),
    {
      code: 'not-started',
      label: 'Grey',
      meaning: 'Not Started',
      definition: 'Work has not started yet, as planned.',
      rank: null,
      stance: 'local',
      colourClass: 'govuk-tag--grey',
    },
    {
      code: 'reprogrammed',
      label: 'Purple',
      meaning: 'Reprogrammed',
      definition: 'The board has agreed new dates for this work.',
      rank: null,
      stance: 'local',
      colourClass: 'govuk-tag--purple',
    },
  ];
  assert.deepEqual(validateRagScale(local), []);
  assert.equal(code('Not started', local), 'not-started');
  assert.equal(code('Purple (Reprogrammed)', local), 'reprogrammed');
  assert.equal(ragDirection('not-started', 'green', local), 'not-comparable');
  assert.equal(ragDirection('amber', 'reprogrammed', local), 'not-comparable');
  assert.equal(ragDirection('not-started', 'not-started', local), 'not-comparable');
  assert.equal(ragDirection('amber', 'green', local), 'improved');
});

test('ragDirection accepts status objects as well as text', () => {
  assert.equal(ragDirection(scale[1], scale[2], scale), 'improved');
  assert.equal(ragDirection(scale[2], scale[1]), 'worsened');
});

test('ragDirection is antisymmetric and agrees with rank', () => {
  const ranked = scale.filter((s) => s.rank !== null);
  fc.assert(
    fc.property(fc.constantFrom(...ranked), fc.constantFrom(...ranked), (a, b) => {
      const forward = ragDirection(a.code, b.code, scale);
      const backward = ragDirection(b.code, a.code, scale);
      const flip = { improved: 'worsened', worsened: 'improved', unchanged: 'unchanged' } as const;
      assert.equal(backward, flip[forward as keyof typeof flip]);
      assert.equal(forward === 'improved', b.rank! > a.rank!);
    }),
  );
});

test('findStatus finds every status by code, label and title, in any case', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...scale),
      fc.constantFrom('code', 'label', 'title'),
      fc.boolean(),
      (status, how, upper) => {
        const raw = how === 'code' ? status.code : how === 'label' ? status.label : ragTitle(status);
        assert.equal(findStatus(scale, upper ? raw.toUpperCase() : raw.toLowerCase()), status);
      },
    ),
  );
});

test('validateRagScale names the problems in a council scale', () => {
  const [red, amber] = defaultRagScale() as [RagStatus, RagStatus];
  const problems = validateRagScale([
    red,
    { ...amber, code: 'Amber!', rank: 1, definition: ' ' },
    { ...amber, code: 'amber2', label: 'Red' },
  ]);
  assert.deepEqual(problems, [
    'Code "Amber!" must use only lower case letters, numbers and hyphens',
    'red and Amber! have the same rank',
    'Amber needs a definition',
    '"red" names both red and amber2',
    '"at risk" names both Amber! and amber2',
  ]);
});
