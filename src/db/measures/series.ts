/*
 * Turns stored measure rows into the plain shapes the scorecard rules read (src/domain/measures),
 * in one place so the scorecard, the measure page, the API and board packs agree on a figure.
 */
import {
  isPeriod,
  statisticalNeighbourAverage,
  suppressionCodes,
  type Comparator,
  type Measure,
  type Observation,
  type SuppressionCode,
} from '../../domain/measures/index.ts';
import type { measures, observations } from './schema.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;
/** The columns the rules and pages read: what the scorecard selects, and no more. */
export type SeriesRow = Pick<
  ObservationRow,
  | 'measureId'
  | 'period'
  | 'area'
  | 'areaCode'
  | 'areaName'
  | 'value'
  | 'suppression'
  | 'numerator'
  | 'denominator'
>;

export function toDomainMeasure(row: MeasureRow): Measure {
  const measure: Measure = {
    name: row.name,
    unit: row.unit,
    polarity: row.polarity,
    frequency: row.frequency,
    tolerance: { kind: row.toleranceKind, amber: row.toleranceAmber },
    rolling12Months: row.rolling12Months,
  };
  if (row.target !== null) measure.target = row.target;
  if (row.targets.length > 0) measure.targets = row.targets;
  if (row.frequency === 'annual' && row.yearEnding !== null) measure.yearEnding = row.yearEnding;
  return measure;
}

export function isSuppressionCode(code: string | null | undefined): code is SuppressionCode {
  return code != null && (suppressionCodes as readonly string[]).includes(code);
}

/*
 * Imports from documents may carry a day ('2024-07-31'): the month is the period. Anything still not
 * in the measure's shape is left out rather than let one odd row stop the whole page.
 */
function periodFor(measure: Measure, period: string): string | null {
  const p =
    measure.frequency === 'monthly' && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period.slice(0, 7) : period;
  return isPeriod(p, measure.frequency) ? p : null;
}

const comparatorOf: Record<string, Comparator | undefined> = {
  council: 'council',
  'statistical-neighbours': 'statistical-neighbours',
  region: 'region',
  england: 'england',
};

/**
 * The council's series with its comparators. Individual neighbours' figures become the neighbours'
 * average for each period (unless a file gave the average itself, which wins).
 */
export function toDomainObservations(measure: Measure, rows: readonly SeriesRow[]): Observation[] {
  const out = new Map<string, Observation>();
  const neighbours = new Map<string, (number | null)[]>();
  for (const row of rows) {
    const period = periodFor(measure, row.period);
    if (period === null) continue;
    if (row.area === 'statistical-neighbour') {
      const list = neighbours.get(period) ?? [];
      list.push(row.suppression ? null : row.value);
      neighbours.set(period, list);
      continue;
    }
    const comparator = comparatorOf[row.area];
    if (comparator === undefined) continue;
    const observation: Observation = { period, value: row.suppression ? null : row.value };
    if (isSuppressionCode(row.suppression)) observation.suppression = row.suppression;
    if (row.numerator !== null) observation.numerator = row.numerator;
    if (row.denominator !== null) observation.denominator = row.denominator;
    if (comparator !== 'council') observation.comparator = comparator;
    // A day-dated import and a month load for the same month: the later row (by id) is the figure.
    out.set(`${comparator} ${period}`, observation);
  }
  for (const [period, values] of neighbours) {
    const key = `statistical-neighbours ${period}`;
    if (out.has(key)) continue;
    const { average } = statisticalNeighbourAverage(values);
    out.set(key, { period, value: average, comparator: 'statistical-neighbours' });
  }
  return [...out.values()];
}
