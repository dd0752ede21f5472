/*
 * How the council compares with its statistical neighbours, region and England for the same
 * period. Boards usually read the neighbour average beside the council's own figure; the
 * judgement follows polarity, and context measures (rates per 10,000) are compared, never judged.
 */
import { comparesWithOthers } from './honest.ts';
import { percentChange } from './ratios.ts';
import { seriesOf } from './series.ts';
import type { NeighbourBasis } from './neighbours.ts';
import type { Benchmark, Measure, Observation, Period, SuppressionCode } from './types.ts';

export type ComparatorJudgement = 'better' | 'worse' | 'same' | 'not-judged';

export interface ComparatorResult {
  comparator: Benchmark;
  period: Period;
  value: number | null;
  suppression?: SuppressionCode;
  councilValue: number | null;
  /** council − comparator, in the measure's unit (points for a percentage). */
  difference: number | null;
  /** difference as a percentage of the comparator's figure; null when that is 0 or missing. */
  differencePercent: number | null;
  judgement: ComparatorJudgement;
  /** For the statistical neighbours: the model and average the figure was made with. */
  basis?: NeighbourBasis;
}

/** Boards read neighbours first, then region, then England. */
export const benchmarkOrder: readonly Benchmark[] = ['statistical-neighbours', 'region', 'england'];

export const benchmarkNames: Record<Benchmark, string> = {
  'statistical-neighbours': 'statistical neighbours average',
  region: 'regional figure',
  england: 'England figure',
};

function judgeDifference(measure: Measure, difference: number | null): ComparatorJudgement {
  if (difference === null || measure.polarity === 'context') return 'not-judged';
  if (difference === 0) return 'same';
  const higherIsBetter = measure.polarity === 'higher-is-better';
  return difference > 0 === higherIsBetter ? 'better' : 'worse';
}

/**
 * One result per comparator with an observation for `period` (by default the council's latest
 * period). A comparator with no row for that period is left out, not shown as zero.
 */
export function compareWithComparators(
  measure: Measure,
  observations: readonly Observation[],
  period?: Period,
): ComparatorResult[] {
  if (!comparesWithOthers(measure.unit)) return [];
  const council = seriesOf(measure, observations);
  const at = period ?? council.latest()?.period;
  if (at === undefined) return [];
  const councilValue = council.valueAt(at) ?? null;
  const out: ComparatorResult[] = [];
  for (const comparator of benchmarkOrder) {
    const point = seriesOf(measure, observations, comparator).at(at);
    if (point === undefined) continue;
    const difference = councilValue !== null && point.value !== null ? councilValue - point.value : null;
    const result: ComparatorResult = {
      comparator,
      period: at,
      value: point.value,
      councilValue,
      difference,
      differencePercent: percentChange(point.value, councilValue),
      judgement: judgeDifference(measure, difference),
    };
    if (point.suppression !== undefined) result.suppression = point.suppression;
    const basis = observations.find(
      (o) => o.comparator === comparator && o.period === at && o.basis !== undefined,
    )?.basis;
    if (basis) result.basis = basis;
    out.push(result);
  }
  return out;
}

export interface NeighbourAverage {
  average: number | null;
  /** How many neighbours had a figure: an average of 6 of 10 should say so. */
  count: number;
  missing: number;
}

/** Simple mean of the neighbours that have a figure, as the DfE benchmarking tool takes it. */
export function statisticalNeighbourAverage(values: readonly (number | null)[]): NeighbourAverage {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const average = known.length === 0 ? null : known.reduce((sum, v) => sum + v, 0) / known.length;
  return { average, count: known.length, missing: values.length - known.length };
}
