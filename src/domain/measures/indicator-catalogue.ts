/*
 * The catalogue of DfE's children's social care dashboard indicators: each filed under a National
 * Framework outcome or enabler, with the dataset and column DfE draws it from and the filters that
 * pick its rows. A programme office adopts an indicator as a measure in one step; the measure keeps
 * the indicator's code so that a DfE file carrying that column (with those filters) can fill it.
 */
import type { FrameworkOutcome } from '../national-framework.ts';
import type { Polarity, Unit } from './types.ts';

export const catalogueSources = ['dfe-dashboard'] as const;
export type CatalogueSource = (typeof catalogueSources)[number];

export interface CatalogueIndicator {
  /** Stable across loads of the same list: the dataset, column and filters (see indicatorCode). */
  code: string;
  source: CatalogueSource;
  sortOrder: number;
  outcome: FrameworkOutcome | null;
  /** The dashboard's sub-heading, e.g. "Family stability". */
  theme: string;
  name: string;
  datasetName: string;
  valueColumn: string;
  /** Filter column to value, as the dashboard picks the indicator's rows. */
  filters: Record<string, string>;
  unit: Unit;
  polarity: Polarity;
}

/*
 * The dashboard's headings name the outcome in words ("Outcome 2: Children and young people are
 * safe…"); its numbering differs from the statutory guidance's order, so the words decide.
 */
const headingWords: [RegExp, FrameworkOutcome][] = [
  [/stay together/i, 'stay-together'],
  [/family network/i, 'family-network'],
  [/\bsafe\b/i, 'safe'],
  [/stable,? loving homes|care leavers/i, 'stable-homes'],
  [/workforce/i, 'workforce'],
  [/leaders/i, 'leaders'],
  [/agencies|multi-agency/i, 'multi-agency'],
];

export function outcomeOfHeading(heading: string): FrameworkOutcome | null {
  return headingWords.find(([words]) => words.test(heading))?.[1] ?? null;
}

/** The dashboard's value format and the indicator's name to one of the scorecard's units. */
export function unitOfIndicator(valueFormat: string, name: string, valueColumn: string): Unit {
  if (/percent/i.test(valueFormat) || /^%|percentage|share|rate \(fte\)/i.test(name)) return 'percentage';
  if (/per 10,?000/i.test(name) || /per_?10000/i.test(valueColumn)) return 'rate-per-10000';
  if (/\bdays\b/i.test(name)) return 'days';
  return 'count';
}

/**
 * An R `list(...)` of filters as the dashboard writes them (`list('age' = '17 to 18 years')`,
 * `list(characteristic = "Secure homes and children's homes")`) to column and value.
 */
export function readFilterList(text: string): Record<string, string> {
  const filters: Record<string, string> = {};
  const pair = /(?:'([^']*)'|"([^"]*)"|([A-Za-z_][\w.]*))\s*=\s*(?:'([^']*)'|"([^"]*)")/g;
  for (const m of text.matchAll(pair)) filters[(m[1] ?? m[2] ?? m[3])!.trim()] = (m[4] ?? m[5])!.trim();
  return filters;
}

/** The indicator's code: dataset, column and its filters in column order, lower case. */
export function indicatorCode(datasetName: string, valueColumn: string, filters: Record<string, string>) {
  const picked = Object.keys(filters)
    .sort()
    .map((k) => `${k}=${filters[k]}`)
    .join(';');
  return [datasetName, valueColumn, picked].filter(Boolean).join('|').toLowerCase();
}

/**
 * The lookup a DfE file reader can use: the catalogue indicator a file's value column is, given the
 * filter values of the row (a row whose filters do not include all of the indicator's is not it).
 * Column names are compared as DfE files vary their case.
 */
export function findCatalogueIndicator<T extends Pick<CatalogueIndicator, 'valueColumn' | 'filters'>>(
  catalogue: readonly T[],
  valueColumn: string,
  rowFilters: Readonly<Record<string, string>>,
): T | undefined {
  const column = valueColumn.trim().toLowerCase();
  const row = new Map(Object.entries(rowFilters).map(([k, v]) => [k.toLowerCase(), v.trim().toLowerCase()]));
  const matches = catalogue.filter(
    (i) =>
      i.valueColumn.toLowerCase() === column &&
      Object.entries(i.filters).every(([k, v]) => row.get(k.toLowerCase()) === v.toLowerCase()),
  );
  // The most particular indicator wins: one that names more filters picks fewer rows.
  return matches.sort((a, b) => Object.keys(b.filters).length - Object.keys(a.filters).length)[0];
}
