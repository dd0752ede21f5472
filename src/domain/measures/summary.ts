/*
 * Everything the scorecard row and the API show for one measure, from one call, so the table, the
 * board pack and the API cannot disagree about the latest figure or its rating.
 */
import { compareWithComparators, type ComparatorResult } from './comparators.ts';
import { narrative } from './narrative.ts';
import { firstMonthOrdinal, monthOrdinalOfDate } from './period.ts';
import { rag, type RagResult } from './rag.ts';
import {
  peaksAndTroughs,
  rollingChangeOverYear,
  rollingTotals,
  type Extreme,
  type RollingChange,
  type RollingTotal,
} from './rolling.ts';
import { seriesOf, type NumericPoint, type Point } from './series.ts';
import { trend, type Movement } from './trend.ts';
import type { Measure, Observation } from './types.ts';

export interface RollingSummary {
  totals: RollingTotal[];
  latest: RollingTotal | null;
  /** Latest total against the total a year before. */
  overYear: RollingChange;
  peak: Extreme | null;
  trough: Extreme | null;
}

export interface MeasureSummary {
  /** The latest period with an observation, even if its figure is suppressed. */
  latest: Point | null;
  /** The latest figure there is. */
  latestAvailable: NumericPoint | null;
  rag: RagResult;
  direction: { vsLastPeriod: Movement; vsLastYear: Movement; sinceLastAvailable: Movement };
  /** For measures read as rolling 12-month totals of monthly (or quarterly) counts. */
  rolling12?: RollingSummary;
  peak: Extreme | null;
  trough: Extreme | null;
  comparators: ComparatorResult[];
  narrative: string;
}

/*
 * `today` drops periods that have not started yet: a loader may hold rows for future months
 * (a trajectory, a blank template), and "latest" must not become a month still to come. Without
 * it every observation counts, which keeps the function deterministic for tests. Exported so a
 * trend line drawn beside the summary reads the same figures as its direction in words.
 */
export function observationsUpTo(
  measure: Measure,
  observations: readonly Observation[],
  today: Date | undefined,
): Observation[] {
  if (today === undefined) return [...observations];
  const month = monthOrdinalOfDate(today);
  return observations.filter(
    (o) => firstMonthOrdinal(o.period, measure.frequency, measure.yearEnding) <= month,
  );
}

export function summariseMeasure(
  measure: Measure,
  observations: readonly Observation[],
  today?: Date,
): MeasureSummary {
  const current = observationsUpTo(measure, observations, today);
  const series = seriesOf(measure, current);
  const latest = series.latest() ?? null;
  const known = series.numeric();
  const { vsLastPeriod, vsLastYear, sinceLastAvailable } = trend(measure, current);
  const { peak, trough } = peaksAndTroughs(series.points);
  const summary: MeasureSummary = {
    latest: latest && { ...latest },
    latestAvailable: known.at(-1) ?? null,
    rag: rag(measure, current),
    direction: { vsLastPeriod, vsLastYear, sinceLastAvailable },
    peak,
    trough,
    comparators: compareWithComparators(measure, current),
    narrative: narrative(measure, current),
  };
  if (measure.rolling12Months && measure.unit === 'count' && measure.frequency !== 'annual') {
    const totals = rollingTotals(measure, current);
    const extremes = peaksAndTroughs(totals.map((t) => ({ period: t.period, value: t.total })));
    summary.rolling12 = {
      totals,
      latest: totals.at(-1) ?? null,
      overYear: rollingChangeOverYear(measure, totals),
      peak: extremes.peak,
      trough: extremes.trough,
    };
  }
  return summary;
}
