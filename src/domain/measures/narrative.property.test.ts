/*
 * The narrative must always be true to the numbers. For any measure and any data, every number the
 * text states must be a figure in the data, a target in force, a rolling total, or a difference or
 * forward percentage change between figures the text also states, rounded exactly as displayed.
 * The check (verify.ts) is brute force over the data and shares no choices with narrative.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFigure, roundPercentChange } from './format.ts';
import { buildNarrative, narrative } from './narrative.ts';
import { periodFromOrdinal, periodsPerYear } from './period.ts';
import { seriesOf } from './series.ts';
import { targetFor } from './targets.ts';
import {
  polarities,
  suppressionCodes,
  units,
  type Benchmark,
  type Frequency,
  type Measure,
  type Observation,
  type TargetStep,
} from './types.ts';
import { numbersIn, unsupportedNumbers } from './verify.ts';

const figure = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 30_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

type Slot =
  | { kind: 'value'; value: number }
  | { kind: 'absent' }
  | { kind: 'blank' }
  | { kind: 'suppressed'; code: (typeof suppressionCodes)[number] };

const slot: fc.Arbitrary<Slot> = fc.oneof(
  { weight: 8, arbitrary: figure.map((value) => ({ kind: 'value' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...suppressionCodes).map((code) => ({ kind: 'suppressed' as const, code })),
  },
);

interface Case {
  measure: Measure;
  observations: Observation[];
}

function caseFor(frequency: Frequency): fc.Arbitrary<Case> {
  const start = 2015 * periodsPerYear(frequency);
  const period = (offset: number): string => periodFromOrdinal(start + offset, frequency);
  const step: fc.Arbitrary<TargetStep> = fc.oneof(
    fc.record({ from: fc.nat({ max: 30 }).map(period), target: figure }),
    fc.record({
      from: fc.nat({ max: 30 }).map(period),
      baseline: figure,
      change: fc.integer({ min: -30, max: 30 }),
      changeKind: fc.constantFrom('percent' as const, 'absolute' as const),
      every: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
      compound: fc.boolean(),
    }),
  );
  const measure = fc.record({
    name: fc.constantFrom(
      'Open cases',
      'contacts',
      'Re-referrals within 12 months',
      'Care leavers aged 19 to 21 in EET',
    ),
    unit: fc.constantFrom(...units),
    polarity: fc.constantFrom(...polarities),
    frequency: fc.constant(frequency),
    target: fc.option(figure, { nil: undefined }),
    targets: fc.option(fc.uniqueArray(step, { maxLength: 3, selector: (s) => s.from }), { nil: undefined }),
    tolerance: fc.option(
      fc.record({
        kind: fc.constantFrom('relative' as const, 'absolute' as const),
        amber: fc.integer({ min: 0, max: 20 }),
      }),
      { nil: undefined },
    ),
    yearEnding: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    rolling12Months: fc.boolean(),
  });
  const benchmark = fc.record({
    comparator: fc.constantFrom<Benchmark>('statistical-neighbours', 'region', 'england'),
    value: fc.option(figure, { nil: null }),
    back: fc.nat({ max: 2 }),
  });
  return fc
    .record({
      measure,
      slots: fc.array(slot, { maxLength: 30 }),
      benchmarks: fc.uniqueArray(benchmark, { maxLength: 3, selector: (b) => `${b.comparator}${b.back}` }),
    })
    .map(({ measure, slots, benchmarks }) => {
      const observations: Observation[] = [];
      slots.forEach((s, i) => {
        if (s.kind === 'value') observations.push({ period: period(i), value: s.value });
        if (s.kind === 'blank') observations.push({ period: period(i), value: null });
        if (s.kind === 'suppressed')
          observations.push({ period: period(i), value: s.code === 'k' ? 0 : null, suppression: s.code });
      });
      const last = Math.max(0, slots.length - 1);
      const placed = new Set<string>();
      for (const b of benchmarks) {
        const at = period(Math.max(0, last - b.back));
        if (placed.has(`${b.comparator} ${at}`)) continue; // one figure per comparator per period
        placed.add(`${b.comparator} ${at}`);
        observations.push({ period: at, value: b.value, comparator: b.comparator });
      }
      return { measure, observations };
    });
}

const mixedCase = fc.constantFrom<Frequency>('monthly', 'monthly', 'quarterly', 'annual').chain(caseFor);

// Rolling totals need twelve months in a row, which the mixed data above rarely has.
const rollingCase: fc.Arbitrary<Case> = fc
  .record({
    values: fc.array(fc.option(fc.integer({ min: 0, max: 3000 }), { freq: 30, nil: null }), {
      minLength: 12,
      maxLength: 40,
    }),
    polarity: fc.constantFrom(...polarities),
    target: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  })
  .map(({ values, polarity, target }) => ({
    measure: {
      name: 'Contacts',
      unit: 'count',
      polarity,
      frequency: 'monthly',
      target,
      rolling12Months: true,
    },
    observations: values.map((value, i) => ({ period: periodFromOrdinal(2019 * 12 + i, 'monthly'), value })),
  }));

const anyCase = fc.oneof({ weight: 4, arbitrary: mixedCase }, { weight: 1, arbitrary: rollingCase });

test('property: every number in the narrative is in the data or exactly computed from it', () => {
  fc.assert(
    fc.property(anyCase, ({ measure, observations }) => {
      const text = narrative(measure, observations);
      assert.deepEqual(unsupportedNumbers(measure, observations, text), [], text);
    }),
    { numRuns: 400 },
  );
});

test('property: narrativeNumbers lists exactly the numbers in the text, in order, rounded as shown', () => {
  fc.assert(
    fc.property(anyCase, ({ measure, observations }) => {
      const { text, numbers } = buildNarrative(measure, observations);
      assert.deepEqual(
        numbers.map((n) => n.text),
        numbersIn(text, [measure.name]),
        text,
      );
      const council = seriesOf(measure, observations);
      for (const n of numbers) {
        const shown = n.kind === 'percent-change' ? roundPercentChange(n.exact) : n.exact;
        assert.equal(n.text, formatFigure(shown));
        const period = n.periods[0]!;
        if (n.kind === 'value') assert.equal(council.valueAt(period), n.exact);
        if (n.kind === 'target') assert.equal(targetFor(measure, period), n.exact);
        if (n.kind === 'comparator') {
          const found = observations.some(
            (o) => o.comparator !== undefined && o.period === period && o.value === n.exact,
          );
          assert.ok(found, `comparator ${n.exact} for ${period}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('property: the narrative reads as sentences, with no NaN, Infinity, "-0" or blanks', () => {
  fc.assert(
    fc.property(anyCase, ({ measure, observations }) => {
      const text = narrative(measure, observations);
      assert.doesNotMatch(text, /NaN|Infinity|undefined|null|-0\b|\s{2}|\(\)/);
      assert.match(text, /^[A-Z].*\.$/);
      for (const sentence of text.split(/(?<=\.) /)) assert.match(sentence, /^[A-Z]/, text);
    }),
    { numRuns: 300 },
  );
});

test('property: the order observations arrive in does not change the narrative', () => {
  fc.assert(
    fc.property(
      anyCase.chain((c) =>
        fc
          .shuffledSubarray(c.observations, { minLength: c.observations.length })
          .map((shuffled) => ({ ...c, shuffled })),
      ),
      ({ measure, observations, shuffled }) => {
        assert.equal(narrative(measure, shuffled), narrative(measure, observations));
      },
    ),
    { numRuns: 150 },
  );
});
