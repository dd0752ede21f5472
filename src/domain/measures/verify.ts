/*
 * Checks the numbers a piece of text states against a measure's data: each must be a figure in the
 * data, a target, a rolling total, or a difference or percentage change between them, rounded as
 * displayed. Used by the property tests on generated narrative, and usable on text people write:
 * it catches "rose by 25%" for a change that was 34%.
 */
import { formatFigure, roundPercentChange } from './format.ts';
import { percentChange } from './ratios.ts';
import { rollingTotals } from './rolling.ts';
import { seriesOf } from './series.ts';
import { targetFor } from './targets.ts';
import { periodOrdinal, shiftPeriod } from './period.ts';
import { comparators, type Measure, type Observation } from './types.ts';

const MONTH_WORD =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?';

// Words with digits that are not figures: period labels, "per 10,000", "12 months", "2018/19".
const NOT_FIGURES: RegExp[] = [
  new RegExp(`\\b${MONTH_WORD}(?:\\s+(?:\\d{4}|\\d{2})\\b)?`, 'g'),
  /\b(?:19|20)\d\d[/-]\d{2}\b/g,
  /\bper 10,000\b/g,
  // A phrase, not a figure: a measure counted in months states "12 months" as a figure too.
  /\b12[- ]month\b|\b12-months\b|\b(?:the|last|past|within) 12 months\b/gi,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The numbers in a text, as written ("2,159", "15", "4.8"), leaving out dates, fixed phrases and
 * any `names` given (a measure called "Care leavers aged 19 to 21" states no 19 or 21).
 */
export function numbersIn(text: string, names: readonly string[] = []): string[] {
  let rest = text;
  for (const name of names.filter((n) => n.trim() !== ''))
    rest = rest.replace(new RegExp(escapeRegExp(name), 'gi'), ' ');
  for (const pattern of NOT_FIGURES) rest = rest.replace(pattern, ' ');
  const tokens = rest.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? [];
  // A bare four-digit 19xx or 20xx is a year: figures of 1,000 or more are written with a comma.
  return tokens.filter((t) => !/^(?:19|20)\d\d$/.test(t));
}

export interface VerifyOptions {
  /** Also accept each figure rounded to a whole number, as people often write ("5%" for 4.8%). */
  wholeNumbers?: boolean;
}

function shownAs(x: number): number {
  // Unsigned: the words carry the sign ("fell by"), the digits never do.
  return Math.abs(Number(formatFigure(x).replace(/,/g, '')));
}

/*
 * A difference or percentage change only counts when both figures it is between are stated in the
 * same text. Otherwise, with a year of monthly data, some pair of months gives almost any
 * percentage, and the check would pass anything. A percentage change also has to run forwards in
 * time: the fall from 12,493 back to 9,343 is 25%, the rise from 9,343 to 12,493 is 34%, and text
 * that says "growth of 25%" has the wrong one.
 */
function supportedFigures(
  measure: Measure,
  observations: readonly Observation[],
  tokens: readonly number[],
  options: VerifyOptions,
): Set<number> {
  const { frequency } = measure;
  const council = seriesOf(measure, observations);
  const inText = new Set(tokens);
  const mentioned = (x: number): boolean =>
    inText.has(shownAs(x)) || (options.wholeNumbers === true && inText.has(Math.abs(Math.round(x))));

  const dated = (period: string, value: number) => ({ at: periodOrdinal(period, frequency), value });
  const ownFigures = council.numeric().map((p) => dated(p.period, p.value));
  if (measure.unit === 'count' && frequency !== 'annual') {
    for (const t of rollingTotals(measure, observations))
      if (t.total !== null) ownFigures.push(dated(t.period, t.total));
  }
  const comparatorValues = comparators
    .filter((c) => c !== 'council')
    .flatMap((c) =>
      seriesOf(measure, observations, c)
        .numeric()
        .map((p) => p.value),
    );
  // Targets in force over the data's span, from the period before the first figure (a change of
  // target is stated from the previous period's).
  const first = council.points[0];
  const last = council.latest();
  const span =
    first && last ? council.periodsBetween(shiftPeriod(first.period, frequency, -1), last.period) : [];
  const targets = span.map((p) => targetFor(measure, p)).filter((t): t is number => t !== null);

  const own = ownFigures.filter((f) => mentioned(f.value));
  const stated = [...own.map((f) => f.value), ...comparatorValues, ...targets].filter(mentioned);

  const supported = new Set<number>();
  const accept = (x: number): void => {
    supported.add(shownAs(x));
    if (options.wholeNumbers) supported.add(Math.abs(Math.round(x)));
  };
  for (const x of stated) accept(x);
  for (const a of stated) for (const b of stated) accept(a - b);
  for (const a of own) {
    for (const b of own) {
      const percent = a.at < b.at ? percentChange(a.value, b.value) : null;
      if (percent === null) continue;
      supported.add(Math.abs(roundPercentChange(percent)));
      if (options.wholeNumbers) supported.add(Math.round(Math.abs(percent)));
    }
  }
  return supported;
}

/** The numbers in `text` that the data does not support; empty when every one checks out. */
export function unsupportedNumbers(
  measure: Measure,
  observations: readonly Observation[],
  text: string,
  options: VerifyOptions = {},
): string[] {
  const tokens = numbersIn(text, [measure.name]);
  const numeric = tokens.map((t) => Number(t.replace(/,/g, '')));
  const supported = supportedFigures(measure, observations, numeric, options);
  return tokens.filter((_, i) => !supported.has(numeric[i]!));
}
