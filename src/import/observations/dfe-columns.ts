/*
 * Telling a DfE open-data file's columns apart (Explore Education Statistics layout): time,
 * geography, filters and indicators. Every column of figures that is not time or geography is an
 * indicator, whatever its name; every column of text is a filter. A filter with one value says what
 * the whole file is about; a filter with a total ("Total", "Total children", "Suitability total") is a
 * breakdown of one measure, its total kept as the measure's own figure; a filter with several
 * values and no total names different measures (populations or stages that are not parts of one
 * whole, such as DfE's `measure` column or the stages of adoption), so each value is a measure.
 */
import type { Polarity, Unit } from '../../domain/measures/index.ts';
import { readFigure } from './cells.ts';
import { cell, headerKey } from './common.ts';
import type { Table } from './types.ts';

const GEOGRAPHY = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_code',
  'la_name',
]);
// Other geographies EES files carry (districts, constituencies, skills areas): not figures or filters.
const OTHER_GEOGRAPHY =
  /^(lad|pcon|lsip|ward|rsc_region|opportunity_area|english_devolved_area|local_enterprise_partnership|mayoral_combined_authority|local_skills_improvement_plan)_(code|name)$/;

/** "00:10": DfE writes average durations as years and months (CLA data guidance: "years:month"). */
export const DURATION = /^(\d{1,3}):(0\d|1[01])$/;

export function durationMonths(text: string): number | null {
  const match = DURATION.exec(text.trim());
  return match ? Number(match[1]) * 12 + Number(match[2]) : null;
}

export type Source = 'column name' | 'figures' | 'assumed';

export interface IndicatorColumn {
  index: number;
  header: string;
  /** "Turnover rate FTE": the header as words. */
  label: string;
  /** The file's generic indicator (number, rate_per_10000, percent): named by the filter alone. */
  generic: boolean;
  unit: Unit;
  unitFrom: Source;
}

export interface FilterColumn {
  index: number;
  header: string;
  values: string[];
  role: 'constant' | 'breakdown' | 'measure';
}

export interface DfeColumns {
  indicators: IndicatorColumn[];
  filters: FilterColumn[];
  /** population_* columns: the denominator of a rate per 10,000. */
  denominators: number[];
}

const TOTAL = /^total\b|\btotal$/i;
export const isTotal = (value: string) => TOTAL.test(value.trim()) || value.trim().toLowerCase() === 'all';

const GENERIC = new Set([
  'number',
  'count',
  'value',
  'rate_per_10000',
  'rate_per_10,000',
  'percent',
  'percentage',
]);

export function humanise(header: string): string {
  const words = header
    .trim()
    .split(/[_\s]+/)
    .filter((w) => w !== '')
    .map((w) => (/^(fte|cla|cin|cpp|la|uasc)$/i.test(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A unit from the column's name, then from its figures (durations are months); a count otherwise. */
function unitOf(key: string, durations: boolean): { unit: Unit; unitFrom: Source } {
  if (durations) return { unit: 'months', unitFrom: 'figures' };
  if (/(^|_)(rate_)?per_?10(,)?(000|k)/.test(key)) return { unit: 'rate-per-10000', unitFrom: 'column name' };
  if (/(^|_)(percent|percentage|pc|pct|rate)(_|$)/.test(key))
    return { unit: 'percentage', unitFrom: 'column name' };
  if (/(^|_)days(_|$)/.test(key)) return { unit: 'days', unitFrom: 'column name' };
  if (/(^|_)months(_|$)/.test(key)) return { unit: 'months', unitFrom: 'column name' };
  if (/(^|_)(number|count|headcount|fte|cases|episodes|total)(_|$)/.test(key))
    return { unit: 'count', unitFrom: 'column name' };
  return { unit: 'count', unitFrom: 'assumed' };
}

type Kind = 'figures' | 'durations' | 'text' | 'blank';

/*
 * A column is text (a filter) when most of its cells are not figures: a stray word in a column of
 * figures is a problem to report at its row, not a reason to read the column as a filter.
 */
function kindOf(table: Table, index: number, generic: boolean): Kind {
  let figures = 0;
  let durations = 0;
  let text = 0;
  for (const { cells } of table.rows) {
    const value = cell(cells, index);
    if (value === '') continue;
    if (durationMonths(value) !== null) durations++;
    else if (readFigure(value).ok) figures++;
    else text++;
  }
  if (text > 0 && (figures + durations === 0 || (!generic && text >= figures + durations))) return 'text';
  if (durations > 0) return 'durations';
  return figures > 0 ? 'figures' : 'blank';
}

export function isGeography(header: string): boolean {
  const key = headerKey(header);
  return GEOGRAPHY.has(key) || OTHER_GEOGRAPHY.test(key);
}

export function dfeColumns(table: Table): DfeColumns {
  const columns: DfeColumns = { indicators: [], filters: [], denominators: [] };
  table.headers.forEach((header, index) => {
    const key = headerKey(header);
    if (isGeography(header)) return;
    const kind = kindOf(table, index, GENERIC.has(key));
    if (kind === 'text') {
      const values = [...new Set(table.rows.map(({ cells }) => cell(cells, index)).filter((v) => v !== ''))];
      const role = values.length <= 1 ? 'constant' : values.some(isTotal) ? 'breakdown' : 'measure';
      columns.filters.push({ index, header, values, role });
      return;
    }
    if (key.startsWith('population')) {
      columns.denominators.push(index);
      return;
    }
    columns.indicators.push({
      index,
      header,
      label: humanise(header),
      generic: GENERIC.has(key),
      ...unitOf(key, kind === 'durations'),
    });
  });
  return columns;
}

const LOWER_BETTER =
  /turnover|vacanc|agency|absence|days_lost|subsequent|repeat|re_?referral|unsuitable|3 or more placements|missing|average time/i;
const HIGHER_BETTER = /\bsuitable|same carer|stability|within 12 months|timel/i;

/** Which way is better, from the measure's name; context (compare, do not judge) when unsure. */
export function polarityOf(name: string): { polarity: Polarity; polarityFrom: Source } {
  if (LOWER_BETTER.test(name)) return { polarity: 'lower-is-better', polarityFrom: 'column name' };
  if (HIGHER_BETTER.test(name)) return { polarity: 'higher-is-better', polarityFrom: 'column name' };
  return { polarity: 'context', polarityFrom: 'assumed' };
}

export const unitSuffix: Record<Unit, string> = {
  count: '',
  'rate-per-10000': ' per 10,000',
  percentage: ' (%)',
  days: ' (days)',
  months: ' (months)',
};
