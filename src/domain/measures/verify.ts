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
import { comparators, type Measure, type Observation } from './types.ts';

const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';

// Words with digits that are not figures: period labels, "per 10,000", "12 months", "2018/19".
const NOT_FIGURES: RegExp[] = [
  new RegExp(`\\b${MONTH_WORD}(?:\\s+(?:\\d{4}|\\d{2}))?\\b`, 'g'),
  /\b(?:19|20)\d\d[/-]\d{2}\b/g,
  /\bper 10,000\b/g,
  /\b12[- ]months?\b/g,
];

/** The numbers in a text, as written ("2,159", "15", "4.8"), leaving out dates and fixed phrases. */
export function numbersIn(text: string): string[] {
  let rest = text;
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
 * percentage, and the check would pass anything.
 */
function supportedFigures(
  measure: Measure,
  observations: readonly Observation[],
  tokens: readonly number[],
  options: VerifyOptions,
): Set<number> {
  const council = seriesOf(measure, observations);
  const values = comparators.flatMap((c) => seriesOf(measure, observations, c).numeric().map((p) => p.value));
  const targets = council.points.map((p) => targetFor(measure, p.period)).filter((t): t is number => t !== null);
  const totals =
    measure.unit === 'count' && measure.frequency !== 'annual'
      ? rollingTotals(measure, observations).flatMap((t) => (t.total === null ? [] : [t.total]))
      : [];

  const inText = new Set(tokens);
  const mentioned = (x: number): boolean =>
    inText.has(shownAs(x)) || (options.wholeNumbers === true && inText.has(Math.abs(Math.round(x))));
  const figures = [...values, ...totals].filter(mentioned);
  const stated = [...figures, ...targets.filter(mentioned)];

  const supported = new Set<number>();
  const accept = (x: number): void => {
    supported.add(shownAs(x));
    if (options.wholeNumbers) supported.add(Math.abs(Math.round(x)));
  };
  for (const x of stated) accept(x);
  for (const a of stated) for (const b of stated) accept(a - b);
  for (const a of figures) {
    for (const b of figures) {
      const percent = percentChange(a, b);
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
  const tokens = numbersIn(text);
  const numeric = tokens.map((t) => Number(t.replace(/,/g, '')));
  const supported = supportedFigures(measure, observations, numeric, options);
  return tokens.filter((_, i) => !supported.has(numeric[i]!));
}
