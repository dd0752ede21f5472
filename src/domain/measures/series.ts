/*
 * Turns a measure's observations into the series the rules read: one figure per period, in period
 * order, with suppressed figures carried as their code and no value. Done once here so every rule
 * agrees on what "the latest figure" and "a missing month" mean.
 */
import { MeasureDataError } from './errors.ts';
import { periodFromOrdinal, periodOrdinal } from './period.ts';
import { percentage, ratePer10000 } from './ratios.ts';
import type { Comparator, Measure, Observation, Period, SuppressionCode } from './types.ts';

export interface Point {
  period: Period;
  /** null when there is no figure or it is suppressed. */
  value: number | null;
  suppression?: SuppressionCode;
}

export interface NumericPoint {
  period: Period;
  value: number;
}

export class Series {
  readonly points: readonly Point[];
  private readonly byPeriod: ReadonlyMap<Period, Point>;

  constructor(
    readonly measure: Measure,
    points: Point[],
  ) {
    this.points = points;
    this.byPeriod = new Map(points.map((p) => [p.period, p]));
  }

  at(period: Period): Point | undefined {
    return this.byPeriod.get(period);
  }

  /** The figure for a period when there is one; undefined for a missing or suppressed period. */
  valueAt(period: Period): number | undefined {
    return this.byPeriod.get(period)?.value ?? undefined;
  }

  latest(): Point | undefined {
    return this.points.at(-1);
  }

  numeric(): NumericPoint[] {
    return this.points.filter((p): p is NumericPoint => p.value !== null);
  }

  /** Latest figure strictly before `period`, skipping gaps: "since last available". */
  latestBefore(period: Period): NumericPoint | undefined {
    const limit = periodOrdinal(period, this.measure.frequency);
    let found: NumericPoint | undefined;
    for (const p of this.points) {
      if (periodOrdinal(p.period, this.measure.frequency) >= limit) break;
      if (p.value !== null) found = { period: p.period, value: p.value };
    }
    return found;
  }

  /** Every period from `from` to `to` inclusive, present in the data or not. */
  periodsBetween(from: Period, to: Period): Period[] {
    const { frequency } = this.measure;
    const out: Period[] = [];
    for (let n = periodOrdinal(from, frequency); n <= periodOrdinal(to, frequency); n++) {
      out.push(periodFromOrdinal(n, frequency));
    }
    return out;
  }
}

function isOf(observation: Observation, comparator: Comparator): boolean {
  return (observation.comparator ?? 'council') === comparator;
}

/*
 * A suppression code wins over any value sent with it: a loader that writes 0 beside 'k' must not
 * turn "rounds to zero" into zero. With no value but both parts, a percentage or rate is derived
 * so a loader can send the cohort and let the rule do the safe division.
 */
function valueOf(measure: Measure, o: Observation): number | null {
  if (o.suppression !== undefined) return null;
  if (o.value !== null) {
    if (!Number.isFinite(o.value)) {
      throw new MeasureDataError(`${measure.name} ${o.period}: value ${o.value} is not a finite number`);
    }
    return o.value;
  }
  if (o.numerator === undefined || o.denominator === undefined) return null;
  if (measure.unit === 'percentage') return percentage(o.numerator, o.denominator);
  if (measure.unit === 'rate-per-10000') return ratePer10000(o.numerator, o.denominator);
  return null;
}

/** The series for one comparator (the council's own by default), validated and in period order. */
export function seriesOf(
  measure: Measure,
  observations: readonly Observation[],
  comparator: Comparator = 'council',
): Series {
  const seen = new Set<Period>();
  const points = observations
    .filter((o) => isOf(o, comparator))
    .map((o) => {
      const ordinal = periodOrdinal(o.period, measure.frequency);
      if (seen.has(o.period)) {
        throw new MeasureDataError(`${measure.name}: two ${comparator} figures for ${o.period}`);
      }
      seen.add(o.period);
      const point: Point = { period: o.period, value: valueOf(measure, o) };
      if (o.suppression !== undefined) point.suppression = o.suppression;
      return { ordinal, point };
    })
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((entry) => entry.point);
  return new Series(measure, points);
}
