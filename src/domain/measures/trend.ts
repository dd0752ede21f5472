/*
 * Direction of travel. "Last period" means the period immediately before, and "last year" the same
 * period a year before: when that figure is missing the answer is 'unknown' instead of quietly
 * comparing with an older month, which would make a three-month change look like a monthly one.
 * `sinceLastAvailable` is the separate, explicit comparison with the latest earlier figure.
 */
import { periodsPerYear, shiftPeriod } from './period.ts';
import { percentChange } from './ratios.ts';
import { seriesOf, type NumericPoint, type Series } from './series.ts';
import type { Measure, Observation, Period, Polarity } from './types.ts';

export type Direction = 'up' | 'down' | 'same' | 'unknown';
export type Judgement = 'improving' | 'worsening' | 'no-change' | 'not-judged';

export interface Movement {
  /** The earlier figure compared with; null when it is missing. */
  from: NumericPoint | null;
  /** The figure being described; null when it is missing. */
  to: NumericPoint | null;
  /** The period compared with, even when it has no figure. */
  comparedPeriod: Period | null;
  /** to − from, in the measure's unit (points for a percentage). */
  change: number | null;
  /** null when either figure is missing or the earlier figure is 0. */
  percentChange: number | null;
  direction: Direction;
  judgement: Judgement;
}

export interface Trend {
  period: Period | null;
  vsLastPeriod: Movement;
  vsLastYear: Movement;
  sinceLastAvailable: Movement;
}

export function directionOf(from: number | null | undefined, to: number | null | undefined): Direction {
  if (from == null || to == null) return 'unknown';
  return to > from ? 'up' : to < from ? 'down' : 'same';
}

/** Polarity turns a direction into a judgement; context measures are never judged. */
export function judge(polarity: Polarity, direction: Direction): Judgement {
  if (direction === 'unknown' || polarity === 'context') return 'not-judged';
  if (direction === 'same') return 'no-change';
  const better = polarity === 'higher-is-better' ? 'up' : 'down';
  return direction === better ? 'improving' : 'worsening';
}

export function movement(
  polarity: Polarity,
  from: NumericPoint | null,
  to: NumericPoint | null,
  comparedPeriod: Period | null,
): Movement {
  const direction = directionOf(from?.value, to?.value);
  return {
    from,
    to,
    comparedPeriod,
    change: from && to ? to.value - from.value : null,
    percentChange: percentChange(from?.value, to?.value),
    direction,
    judgement: judge(polarity, direction),
  };
}

function numericAt(series: Series, period: Period): NumericPoint | null {
  const value = series.valueAt(period);
  return value === undefined ? null : { period, value };
}

/** The trend at `period`, by default the latest period with an observation. */
export function trend(measure: Measure, observations: readonly Observation[], period?: Period): Trend {
  const series = seriesOf(measure, observations);
  const at = period ?? series.latest()?.period ?? null;
  const { polarity, frequency } = measure;
  if (at === null) {
    const none = movement(polarity, null, null, null);
    return { period: null, vsLastPeriod: none, vsLastYear: none, sinceLastAvailable: none };
  }
  const to = numericAt(series, at);
  const lastPeriod = shiftPeriod(at, frequency, -1);
  const lastYear = shiftPeriod(at, frequency, -periodsPerYear(frequency));
  const lastAvailable = series.latestBefore(at) ?? null;
  return {
    period: at,
    vsLastPeriod: movement(polarity, numericAt(series, lastPeriod), to, lastPeriod),
    vsLastYear: movement(polarity, numericAt(series, lastYear), to, lastYear),
    sinceLastAvailable: movement(polarity, lastAvailable, to, lastAvailable?.period ?? null),
  };
}
