/*
 * Rolling 12-month totals, and peaks and troughs. A rolling total with a month missing would be an
 * 11-month total wearing a 12-month label, so it is null instead.
 */
import { MeasureDataError } from './errors.ts';
import { periodOrdinal, periodsPerYear } from './period.ts';
import { percentChange } from './ratios.ts';
import { seriesOf } from './series.ts';
import type { Measure, Observation, Period } from './types.ts';

export interface RollingTotal {
  period: Period;
  /** Total of the year ending with `period`; null unless every period in it has a figure. */
  total: number | null;
}

export interface Extreme {
  period: Period;
  value: number;
}

export interface PeaksAndTroughs {
  /** Highest figure overall (the earliest, if it was reached more than once). */
  peak: Extreme | null;
  trough: Extreme | null;
  /** Turning points: higher (or lower) than the figures either side of them. */
  localPeaks: Extreme[];
  localTroughs: Extreme[];
}

/**
 * Totals over the year ending at each period, from the first period with a full year behind it.
 * Works on any frequency (four quarters for a quarterly measure); counts only, because adding up
 * percentages, rates or durations means nothing.
 */
export function rollingTotals(measure: Measure, observations: readonly Observation[]): RollingTotal[] {
  if (measure.unit !== 'count') {
    throw new MeasureDataError(`${measure.name}: rolling totals need a count, not a ${measure.unit}`);
  }
  const series = seriesOf(measure, observations);
  const first = series.points[0];
  const last = series.latest();
  if (first === undefined || last === undefined) return [];
  const span = periodsPerYear(measure.frequency);
  const periods = series.periodsBetween(first.period, last.period);
  const out: RollingTotal[] = [];
  for (let end = span - 1; end < periods.length; end++) {
    let total: number | null = 0;
    for (const period of periods.slice(end - span + 1, end + 1)) {
      const value = series.valueAt(period);
      if (value === undefined) {
        total = null;
        break;
      }
      total += value;
    }
    out.push({ period: periods[end]!, total });
  }
  return out;
}

export interface RollingChange {
  from: RollingTotal | null;
  to: RollingTotal | null;
  /** null when either total is missing or the earlier one is 0. */
  percentChange: number | null;
}

/**
 * The latest rolling total against the one a year earlier: two whole years that do not overlap,
 * the comparison that rolling totals exist to make.
 */
export function rollingChangeOverYear(measure: Measure, totals: readonly RollingTotal[]): RollingChange {
  const to = totals.at(-1) ?? null;
  if (to === null) return { from: null, to: null, percentChange: null };
  const wanted = periodOrdinal(to.period, measure.frequency) - periodsPerYear(measure.frequency);
  const from = totals.find((t) => periodOrdinal(t.period, measure.frequency) === wanted) ?? null;
  return { from, to, percentChange: percentChange(from?.total, to.total) };
}

/*
 * Points in period order; gaps are skipped, so a turning point is judged against the nearest
 * figures either side. A flat top (the same figure for several periods) is one turning point, at
 * its first period. The first and last figures are never turning points: what comes next is unknown.
 */
export function peaksAndTroughs(
  points: readonly { period: Period; value: number | null }[],
): PeaksAndTroughs {
  const known = points.filter((p): p is Extreme => p.value !== null);
  let peak: Extreme | null = null;
  let trough: Extreme | null = null;
  for (const p of known) {
    if (peak === null || p.value > peak.value) peak = p;
    if (trough === null || p.value < trough.value) trough = p;
  }

  const runs: Extreme[] = [];
  for (const p of known) if (runs.at(-1)?.value !== p.value) runs.push(p);
  const localPeaks: Extreme[] = [];
  const localTroughs: Extreme[] = [];
  for (let i = 1; i < runs.length - 1; i++) {
    const [before, run, after] = [runs[i - 1]!, runs[i]!, runs[i + 1]!];
    if (run.value > before.value && run.value > after.value) localPeaks.push(run);
    if (run.value < before.value && run.value < after.value) localTroughs.push(run);
  }
  return {
    peak: peak && { period: peak.period, value: peak.value },
    trough: trough && { period: trough.period, value: trough.value },
    localPeaks: localPeaks.map((p) => ({ period: p.period, value: p.value })),
    localTroughs: localTroughs.map((p) => ({ period: p.period, value: p.value })),
  };
}
