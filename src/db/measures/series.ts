/*
 * Turns stored measure rows into the plain shapes the scorecard rules read (src/domain/measures),
 * in one place so the scorecard, the measure page, the API and board packs agree on a figure.
 */
import {
  isPeriod,
  neighbourAverage,
  standingAmong,
  statisticalNeighbourAverage,
  suppressionCodes,
  type Comparator,
  type Measure,
  type Observation,
  type SuppressionCode,
} from '../../domain/measures/index.ts';
import type { measures, observations } from './schema.ts';
import type { Neighbourhood } from './load-reads.ts';

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
  | 'oldAreaCode'
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

/** The council's series with its comparators (see `neighbourFigures` for the neighbours'). */
export function toDomainObservations(
  measure: Measure,
  rows: readonly SeriesRow[],
  neighbourhood?: Neighbourhood,
): Observation[] {
  const out = new Map<string, Observation>();
  for (const row of rows) {
    const period = periodFor(measure, row.period);
    if (period === null) continue;
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
  for (const figure of neighbourFigures(measure, rows, neighbourhood)) {
    const key = `statistical-neighbours ${figure.period}`;
    // A file that gave the neighbours' average itself wins over one worked out without a model.
    if (out.has(key) && figure.basis?.model === null) continue;
    out.set(key, figure);
  }
  for (const [period, standing] of standings(measure, rows)) {
    const own = out.get(`council ${period}`);
    if (own) own.standing = standing;
  }
  return [...out.values()];
}

/** Each council's figure for each period, one per council (by old LA code, else by code). */
function councilFigures(measure: Measure, rows: readonly SeriesRow[]) {
  const byPeriod = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    if (row.area !== 'statistical-neighbour' && row.area !== 'local-authority') continue;
    const period = periodFor(measure, row.period);
    if (period === null) continue;
    const councils = byPeriod.get(period) ?? new Map<string, number | null>();
    councils.set(row.oldAreaCode || row.areaCode, row.suppression ? null : row.value);
    byPeriod.set(period, councils);
  }
  return byPeriod;
}

/*
 * The statistical neighbours' figure for each period. With a DfE model loaded: the median (or mean,
 * as the council chooses) of the figures the file gave for the model's ten neighbours, those with a
 * figure counted. Without one: the mean of the councils a file gave as neighbours, said to be so.
 */
function neighbourFigures(
  measure: Measure,
  rows: readonly SeriesRow[],
  neighbourhood?: Neighbourhood,
): Observation[] {
  const out: Observation[] = [];
  if (neighbourhood?.model) {
    for (const [period, councils] of councilFigures(measure, rows)) {
      const values = neighbourhood.neighbours
        .filter((n) => councils.has(n.laCode))
        .map((n) => councils.get(n.laCode) ?? null);
      if (values.length === 0) continue;
      const { value, count } = neighbourAverage(neighbourhood.average, values);
      out.push({
        period,
        value,
        comparator: 'statistical-neighbours',
        basis: {
          model: neighbourhood.model,
          average: neighbourhood.average,
          count,
          of: neighbourhood.neighbours.length,
        },
      });
    }
    return out;
  }
  const listed = new Map<string, (number | null)[]>();
  for (const row of rows) {
    if (row.area !== 'statistical-neighbour') continue;
    const period = periodFor(measure, row.period);
    if (period === null) continue;
    listed.set(period, [...(listed.get(period) ?? []), row.suppression ? null : row.value]);
  }
  for (const [period, values] of listed) {
    const { average, count } = statisticalNeighbourAverage(values);
    out.push({
      period,
      value: average,
      comparator: 'statistical-neighbours',
      basis: { model: null, average: 'mean', count, of: null },
    });
  }
  return out;
}

/* The council's rank among all councils, for each period a file gave (nearly) every council's figure. */
function standings(measure: Measure, rows: readonly SeriesRow[]) {
  const out = new Map<string, NonNullable<Observation['standing']>>();
  const own = new Map<string, number | null>();
  for (const row of rows)
    if (row.area === 'council') {
      const period = periodFor(measure, row.period);
      if (period !== null) own.set(period, row.suppression ? null : row.value);
    }
  for (const [period, councils] of councilFigures(measure, rows)) {
    const value = own.get(period) ?? null;
    if (value === null) continue;
    const others = [...councils.values()].filter((v): v is number => v !== null);
    const standing = standingAmong(measure.polarity, value, [value, ...others]);
    if (standing) out.set(period, standing);
  }
  return out;
}
