import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildMeasure, cfcSeen, cfcSeenData, monthly } from './fixtures.ts';
import { rag, rateAgainstTarget, type Rating } from './rag.ts';
import type { Polarity } from './types.ts';

test('seed: 83% seen within timescales against a target of 90% is amber, 7 points short', () => {
  const result = rag(cfcSeen, cfcSeenData);
  assert.equal(result.rating, 'amber');
  assert.equal(result.period, '2024-07');
  assert.equal(result.value, 83);
  assert.equal(result.target, 90);
  assert.equal(result.gap, -7);
  assert.equal(result.gapPercent!.toFixed(1), '-7.8');
  assert.equal(result.meetsTarget, false);
});

test('tolerance is configurable: within 5 points absolute, 83% against 90% is red', () => {
  const strict = { ...cfcSeen, tolerance: { kind: 'absolute', amber: 5 } as const };
  assert.equal(rag(strict, cfcSeenData).rating, 'red');
  assert.equal(rag(strict, monthly({ '2024-07': 85 })).rating, 'amber', 'the edge of the band is amber');
});

test('higher is better: at or above target is green', () => {
  const measure = buildMeasure({ target: 90 });
  assert.equal(rateAgainstTarget(measure, 90, 90).rating, 'green');
  assert.equal(rateAgainstTarget(measure, 95, 90).rating, 'green');
  assert.equal(rateAgainstTarget(measure, 81, 90).rating, 'amber');
  assert.equal(rateAgainstTarget(measure, 80.9, 90).rating, 'red');
});

test('lower is better: re-referrals at or below target are green, above it amber then red', () => {
  const measure = buildMeasure({ unit: 'percentage', polarity: 'lower-is-better', target: 20 });
  assert.equal(rateAgainstTarget(measure, 18, 20).rating, 'green');
  assert.equal(rateAgainstTarget(measure, 22, 20).rating, 'amber');
  assert.equal(rateAgainstTarget(measure, 22.5, 20).rating, 'red');
  assert.equal(rateAgainstTarget(measure, 22, 20).gap, 2);
});

test('context measures are not rated even with a target, but the gap is shown', () => {
  const result = rateAgainstTarget(buildMeasure({ polarity: 'context' }), 130, 100);
  assert.equal(result.rating, 'none');
  assert.equal(result.reason, 'context');
  assert.equal(result.gap, 30);
});

test('no target, no data, and a suppressed latest figure each give none, with the reason', () => {
  assert.equal(rag(buildMeasure(), monthly({ '2024-07': 5 })).reason, 'no-target');
  assert.equal(rag(buildMeasure({ target: 5 }), []).reason, 'no-data');
  const suppressed = rag(buildMeasure({ target: 5 }), [
    { period: '2024-06', value: 7 },
    { period: '2024-07', value: 0, suppression: 'k' },
  ]);
  assert.equal(suppressed.rating, 'none');
  assert.equal(suppressed.reason, 'suppressed');
  assert.equal(suppressed.suppression, 'k');
  assert.equal(suppressed.value, null, 'a suppressed figure is never read as 0');
  assert.equal(rag(buildMeasure({ target: 5 }), monthly({ '2024-07': null })).reason, 'no-value');
});

test('the target in force for the period is used, not the latest one', () => {
  const measure = buildMeasure({ target: 80, targets: [{ from: '2024-07', target: 90 }] });
  const data = monthly({ '2024-06': 82, '2024-07': 85 });
  assert.equal(rag(measure, data, '2024-06').rating, 'green');
  assert.equal(rag(measure, data).target, 90);
  assert.equal(rag(measure, data).rating, 'amber');
});

test('a target of 0 has no gap percentage rather than Infinity', () => {
  const result = rateAgainstTarget(buildMeasure({ polarity: 'lower-is-better' }), 3, 0);
  assert.equal(result.gapPercent, null);
  assert.equal(result.rating, 'red');
});

const order: Record<Rating, number> = { green: 3, amber: 2, red: 1, none: 0 };

test('property: a better value never gets a worse rating, and green means the target is met', () => {
  const polarity = fc.constantFrom<Polarity>('higher-is-better', 'lower-is-better');
  const figure = fc.double({ min: 0, max: 10_000, noNaN: true });
  fc.assert(
    fc.property(
      polarity,
      figure,
      figure,
      figure,
      fc.boolean(),
      fc.double({ min: 0, max: 50, noNaN: true }),
      (p, a, b, target, relative, amber) => {
        const measure = buildMeasure({
          polarity: p,
          tolerance: { kind: relative ? 'relative' : 'absolute', amber },
        });
        const [worse, better] = (p === 'higher-is-better' ? a <= b : a >= b) ? [a, b] : [b, a];
        const ratedWorse = rateAgainstTarget(measure, worse, target);
        const ratedBetter = rateAgainstTarget(measure, better, target);
        assert.ok(order[ratedBetter.rating] >= order[ratedWorse.rating]);
        for (const r of [ratedWorse, ratedBetter]) assert.equal(r.rating === 'green', r.meetsTarget);
      },
    ),
  );
});
