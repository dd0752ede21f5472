/*
 * Red, amber or green for a figure against the target in force for its period. Boards asked that
 * a colour always come with how close it is, so the result carries the gap as well as the rating.
 */
import { percentChange } from './ratios.ts';
import { seriesOf } from './series.ts';
import { targetFor } from './targets.ts';
import type { Measure, Observation, Period, SuppressionCode, Tolerance } from './types.ts';

export type Rating = 'red' | 'amber' | 'green' | 'none';

/** Why a figure has no rating, so the page can say which. */
export type NoRatingReason = 'no-data' | 'no-value' | 'suppressed' | 'no-target' | 'context';

export interface RagResult {
  rating: Rating;
  period: Period | null;
  value: number | null;
  target: number | null;
  /** value − target, in the measure's unit (points for a percentage): positive means above. */
  gap: number | null;
  /** gap as a percentage of the target; null when the target is 0. */
  gapPercent: number | null;
  /** Whether the target is met, by the measure's polarity; null when not judged. */
  meetsTarget: boolean | null;
  reason?: NoRatingReason;
  suppression?: SuppressionCode;
}

/** DOMAIN: "Green meets target, Amber within 10% of it, Red further". */
export const DEFAULT_TOLERANCE: Tolerance = { kind: 'relative', amber: 10 };

// Data such as 0.1 + 0.2 must not fall out of a band it is on the edge of.
function atMost(a: number, b: number): boolean {
  return a <= b + 1e-9 * Math.max(1, Math.abs(b));
}

/** Rates one value against one target. Pure core of `rag`, exported for what-if checks. */
export function rateAgainstTarget(
  measure: Measure,
  value: number,
  target: number | null,
): Pick<RagResult, 'rating' | 'target' | 'gap' | 'gapPercent' | 'meetsTarget' | 'reason'> {
  if (target === null) {
    return {
      rating: 'none',
      target: null,
      gap: null,
      gapPercent: null,
      meetsTarget: null,
      reason: 'no-target',
    };
  }
  const gap = value - target;
  const gapPercent = percentChange(target, value);
  if (measure.polarity === 'context') {
    return { rating: 'none', target, gap, gapPercent, meetsTarget: null, reason: 'context' };
  }
  const shortfall = measure.polarity === 'higher-is-better' ? target - value : value - target;
  if (atMost(shortfall, 0)) return { rating: 'green', target, gap, gapPercent, meetsTarget: true };

  const tolerance = measure.tolerance ?? DEFAULT_TOLERANCE;
  const band = tolerance.kind === 'absolute' ? tolerance.amber : (Math.abs(target) * tolerance.amber) / 100;
  const rating = atMost(shortfall, band) ? 'amber' : 'red';
  return { rating, target, gap, gapPercent, meetsTarget: false };
}

/**
 * The rating for `period`, by default the latest period with an observation. A latest period that
 * is suppressed or blank gets no rating rather than falling back to an older figure: the board
 * should see that this month's figure is missing.
 */
export function rag(measure: Measure, observations: readonly Observation[], period?: Period): RagResult {
  const series = seriesOf(measure, observations);
  const point = period === undefined ? series.latest() : series.at(period);
  const at = period ?? point?.period ?? null;
  const target = at === null ? null : targetFor(measure, at);
  const blank = { value: null, target, gap: null, gapPercent: null, meetsTarget: null };
  if (point === undefined) return { rating: 'none', period: at, ...blank, reason: 'no-data' };
  if (point.value === null) {
    const reason = point.suppression === undefined ? 'no-value' : 'suppressed';
    const result: RagResult = { rating: 'none', period: at, ...blank, reason };
    if (point.suppression !== undefined) result.suppression = point.suppression;
    return result;
  }
  return { period: at, value: point.value, ...rateAgainstTarget(measure, point.value, target) };
}
