/**
 * Reads the figures that slides and reports state in sentences, such as "Between July and December
 * 2020 the total number of open cases rose by 11% from 2159 to a peak of 2474 dropping to 2324 by
 * April 2021", as dated values of a named measure.
 *
 * Rules, in the order they apply:
 *
 * - A sentence is split into clauses at "compared to/with", "whereas", "while", "against" and ";",
 *   because the figures after those words describe something else ("... compared to 1.4% growth
 *   between 2018/19 and 2019/20").
 * - Dates, and the years of months written without one: see `prose-figures-dates.ts`.
 * - A value takes the date written straight after it ("730 in October 2020", "684 at the end of
 *   April", "2324 by April 2021"); otherwise the next unused date of a range in its clause, in order
 *   ("between Nov 20 and April 21 ... from 377 to 395"); otherwise an unused date written before it.
 *   A value with no date is reported as a problem, never guessed.
 * - A stated percentage in a clause with two or more dated values is checked against the change
 *   between every pair of them, to the precision written (5% accepts 4.77%); a rise or fall word
 *   before it must agree with the direction. A percentage no pair agrees with is a problem for a
 *   person to look at; the values are still read, because the numbers are what the author wrote.
 * - The measure's name and unit: see `prose-figures-names.ts`.
 */
import { splitSentences } from './prose.ts';
import { periodOf, resolveYears, tokenise } from './prose-figures-dates.ts';
import type { DateToken, Token, ValueToken, YearMonth } from './prose-figures-dates.ts';
import { clauseUnit, isRolling, measureName } from './prose-figures-names.ts';
import type { MeasureUnit } from './types.ts';

export type { YearMonth } from './prose-figures-dates.ts';

export interface FigureOptions {
  /** The date the document speaks from, e.g. a presentation's meeting date. */
  asAt?: YearMonth;
  /** The heading the prose sits under: names the measure when the sentence does not. */
  heading?: string;
}

export interface ProseObservation {
  /** YYYY-MM, YYYY-MM-DD when a day is written, or YYYY for a bare year. */
  period: string;
  value: number;
  /** The value as written in the text. */
  written: string;
  /** Offsets of the value in the text given. */
  start: number;
  end: number;
}

export interface StatedChange {
  percent: number;
  written: string;
  start: number;
  end: number;
  /** False when the clause had fewer than two values to check against. */
  checked: boolean;
  /** The pair of values the percentage agrees with, when checked and one does. */
  matched?: { from: number; to: number; percent: number };
}

export interface ProseFigures {
  name?: string;
  unit: MeasureUnit;
  rolling12Months: boolean;
  /** The sentence, verbatim. */
  statement: string;
  start: number;
  end: number;
  observations: ProseObservation[];
  changes: StatedChange[];
  /** Things a person should check, in plain words. */
  problems: string[];
}

// Longer than any sentence that states figures; a run-on block of text this long (a table pasted
// without full stops) is left as text rather than paired value by value, which grows as its square.
const longestSentence = 1000;

/** Every sentence of the text that states at least one dated value. Never throws. */
export function readProseFigures(text: string, options: FigureOptions = {}): ProseFigures[] {
  const found: ProseFigures[] = [];
  for (const sentence of splitSentences(text)) {
    if (sentence.text.length > longestSentence) continue;
    const figures = readSentence(sentence.text, options);
    if (figures)
      found.push({ ...figures, start: sentence.start, end: sentence.end, ...shift(figures, sentence.start) });
  }
  return found;
}

function shift(
  figures: Omit<ProseFigures, 'start' | 'end'>,
  by: number,
): Pick<ProseFigures, 'observations' | 'changes'> {
  return {
    observations: figures.observations.map((o) => ({ ...o, start: o.start + by, end: o.end + by })),
    changes: figures.changes.map((c) => ({ ...c, start: c.start + by, end: c.end + by })),
  };
}

// ---------------------------------------------------------------------------------------------
// Sentences

const clauseBreak = /\b(?:compared (?:to|with)|in comparison (?:to|with)|whereas|while|against)\b|;/gi;
const valueThenDate =
  /^\s*,?\s*(?:(?:in|by|at|on|as at|as of|during|for|the|end|start|beginning|close|of|around|until|per 10,?000)\s+)*$/i;

function readSentence(
  sentence: string,
  options: FigureOptions,
): Omit<ProseFigures, 'start' | 'end'> | undefined {
  const tokens = tokenise(sentence);
  const dates = tokens.filter((t): t is DateToken => t.kind === 'date');
  if (dates.length === 0) return undefined;
  const ranged = resolveYears(sentence, dates, options.asAt);

  const breaks = [0, ...[...sentence.matchAll(clauseBreak)].map((m) => m.index), sentence.length + 1];
  const observations: Array<ProseObservation & { token: ValueToken }> = [];
  const changes: StatedChange[] = [];
  const problems: string[] = [];
  let unit: MeasureUnit = 'count';

  for (let c = 0; c + 1 < breaks.length; c++) {
    const inClause = (t: Token): boolean => t.start >= breaks[c]! && t.start < breaks[c + 1]!;
    const clauseTokens = tokens.filter(inClause);
    const numbers = clauseTokens.filter((t): t is ValueToken => t.kind === 'number');
    const percents = clauseTokens.filter((t): t is ValueToken => t.kind === 'percent');
    // Percentages are the values themselves only when the clause has no other numbers.
    const values = numbers.length > 0 ? numbers : percents;
    if (values.length === 0) continue;
    const bound = bindValues(sentence, clauseTokens, values, ranged);
    if (bound.size === 0) continue;

    const clauseText = sentence.slice(breaks[c], breaks[c + 1]);
    unit = clauseUnit(clauseText, numbers.length > 0) ?? unit;

    const clauseObservations: ProseObservation[] = [];
    for (const value of values) {
      const date = bound.get(value);
      const period = date ? periodOf(date) : undefined;
      if (!period) {
        problems.push(`No date could be read for the figure ${value.written}`);
        continue;
      }
      const end = value.start + value.written.length;
      const observation = { period, value: value.value, written: value.written, start: value.start, end };
      clauseObservations.push(observation);
      observations.push({ ...observation, token: value });
    }
    if (numbers.length > 0) {
      for (const percent of percents) {
        const change = checkChange(sentence, percent, clauseObservations);
        changes.push(change);
        if (change.checked && !change.matched) problems.push(mismatchMessage(percent, clauseObservations));
      }
    }
  }
  if (observations.length === 0) return undefined;

  const periods = new Map<string, number>();
  for (const o of observations) {
    if (periods.has(o.period) && periods.get(o.period) !== o.value) {
      problems.push(`Two different figures are given for ${o.period}`);
    }
    periods.set(o.period, o.value);
  }
  // The subject may follow an opening date ("Between May and June 2023 referrals fell ...").
  const firstValue = Math.min(...observations.map((o) => o.start));
  const name = measureName(
    sentence,
    options.heading,
    dates.filter((d) => d.end <= firstValue).map((d) => d.end),
  );
  return {
    ...(name ? { name } : {}),
    unit,
    rolling12Months: isRolling(sentence) || isRolling(options.heading ?? ''),
    statement: sentence,
    observations: observations.map(({ token: _token, ...o }) => o),
    changes,
    problems,
  };
}

function bindValues(
  sentence: string,
  clauseTokens: Token[],
  values: ValueToken[],
  ranged: Set<DateToken>,
): Map<ValueToken, DateToken> {
  const bound = new Map<ValueToken, DateToken>();
  const used = new Set<DateToken>();
  const dates = clauseTokens.filter((t): t is DateToken => t.kind === 'date');
  for (const value of values) {
    const next = clauseTokens[clauseTokens.indexOf(value) + 1];
    if (next?.kind === 'date' && valueThenDate.test(sentence.slice(value.end, next.start))) {
      bound.set(value, next);
      used.add(next);
    }
  }
  const rangeDates = dates.filter((d) => ranged.has(d) && !used.has(d));
  for (const value of values) {
    if (bound.has(value)) continue;
    const date = rangeDates.find((d) => !used.has(d));
    if (!date) break;
    bound.set(value, date);
    used.add(date);
  }
  for (const value of values) {
    if (bound.has(value)) continue;
    const before = dates.filter((d) => d.end <= value.start && !used.has(d) && !ranged.has(d)).pop();
    if (before) {
      bound.set(value, before);
      used.add(before);
    }
  }
  return bound;
}

// ---------------------------------------------------------------------------------------------
// Stated percentages

const riseWords =
  /\b(?:rise|rose|risen|rising|increase[sd]?|increasing|grow|grew|grown|growing|growth|up)\b/i;
const fallWords =
  /\b(?:fall|fell|fallen|falling|drop|dropped|dropping|decrease[sd]?|decreasing|reduce[sd]?|reducing|reduction|decline[sd]?|declining|down)\b/i;

function checkChange(sentence: string, percent: ValueToken, observations: ProseObservation[]): StatedChange {
  const base = { percent: percent.value, written: percent.written, start: percent.start, end: percent.end };
  if (observations.length < 2) return { ...base, checked: false };
  const lead = sentence.slice(Math.max(0, percent.start - 25), percent.start);
  const direction = fallWords.test(lead) ? -1 : riseWords.test(lead) ? 1 : 0;
  const decimals = percent.written.split('.')[1]?.length ?? 0;
  const tolerance = 10 ** -decimals;
  for (let i = 0; i < observations.length; i++) {
    for (let j = i + 1; j < observations.length; j++) {
      const from = observations[i]!.value;
      const to = observations[j]!.value;
      if (from === 0) continue;
      const change = ((to - from) / from) * 100;
      if (direction !== 0 && Math.sign(change) !== direction && change !== 0) continue;
      if (Math.abs(Math.abs(change) - percent.value) < tolerance) {
        return { ...base, checked: true, matched: { from, to, percent: round1(change) } };
      }
    }
  }
  return { ...base, checked: true };
}

function mismatchMessage(percent: ValueToken, observations: ProseObservation[]): string {
  const first = observations[0]!;
  const last = observations[observations.length - 1]!;
  const change = round1(((last.value - first.value) / first.value) * 100);
  const figures = observations.map((o) => o.written).join(', ');
  return (
    `The stated ${percent.written}% does not match any change between the figures ${figures} ` +
    `(${first.written} to ${last.written} is ${change > 0 ? '+' : ''}${change}%)`
  );
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
