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
 * - Dates are month names, full or short ("Sept", "Nov"), capitalised as UK prose writes them, with
 *   an optional day before ("23rd June") and an optional year after: four digits, or two digits
 *   ("Nov 20" is November 2020, because UK prose puts a day before the month, never after). A bare
 *   year (1980 to 2049) is a date too. Financial years ("2018/19"), money, durations ("12 month",
 *   "8-10 months") and ranges are not values.
 * - A month without a year takes, in order: its partner's year in a range ("between July and
 *   December 2020" → July 2020; one year earlier if the month comes later in the year than its
 *   partner); the year of the nearest dated expression before it in the sentence, moved on a year if
 *   the month comes earlier in the year (prose runs forwards: "9343 in May 2020 rising to 12493 at the
 *   end of April" → April 2021); the latest such month not after the document's own date (`asAt`);
 *   the year of the nearest dated expression after it, a year earlier if needed. A year that would
 *   put the month after the document's date is passed over for the next rule. When the sentence
 *   has no year at all, its last month is the latest not after `asAt` and each earlier month the
 *   latest before the one after it. Otherwise the figure is reported as a problem, never guessed.
 * - A value takes the date written straight after it ("730 in October 2020", "684 at the end of
 *   April", "2324 by April 2021"); otherwise the next unused date of a range in its clause, in order
 *   ("between Nov 20 and April 21 ... from 377 to 395"); otherwise an unused date written before it.
 * - A stated percentage in a clause with two or more dated values is checked against the change
 *   between every pair of them, to the precision written (5% accepts 4.77%); a rise or fall word
 *   before it must agree with the direction. A percentage no pair agrees with is a problem for a
 *   person to look at; the values are still read, because the numbers are what the author wrote.
 */
import { ordinaryCase, splitSentences } from './prose.ts';
import type { MeasureUnit } from './types.ts';

export interface YearMonth {
  year: number;
  month: number;
}

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
// Tokens

interface DateToken {
  kind: 'date';
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
}

interface ValueToken {
  kind: 'number' | 'percent';
  start: number;
  end: number;
  written: string;
  value: number;
}

type Token = DateToken | ValueToken;

const monthNames = [
  ['January', 'Jan'],
  ['February', 'Feb'],
  ['March', 'Mar'],
  ['April', 'Apr'],
  ['May'],
  ['June', 'Jun'],
  ['July', 'Jul'],
  ['August', 'Aug'],
  ['September', 'Sept', 'Sep'],
  ['October', 'Oct'],
  ['November', 'Nov'],
  ['December', 'Dec'],
] as const;

const monthByName = new Map<string, number>();
monthNames.forEach((names, i) => {
  for (const name of names) {
    monthByName.set(name, i + 1);
    monthByName.set(name.toUpperCase(), i + 1);
  }
});
const monthAlternation = [...monthByName.keys()].sort((a, b) => b.length - a.length).join('|');

const tokenPattern = new RegExp(
  [
    String.raw`(?<numeric>(?<![\w./])(?<nd>\d{1,2})[/.](?<nm>\d{1,2})[/.](?<ny>\d{4}|\d{2})(?![\w/]|\.\d))`,
    String.raw`(?<fy>(?<![\w./])(?:19|20)\d{2}\s*[/–-]\s*\d{2,4}(?![\w/]))`,
    String.raw`(?<written>(?:(?<![\w./])(?<wd>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?<![\w])(?<wm>${monthAlternation})\b\.?(?:,?\s+(?<wy>'?\d{4}|'?\d{2})(?![\w%:]|[.,]\d|\s*%))?)`,
    String.raw`(?<money>[£$€]\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn|m|k)\b)?)`,
    String.raw`(?<percent>(?<![\w.,/-])(?<pv>\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)(?!\s*(?:age\s+)?points))`,
    String.raw`(?<num>(?<![\w.,/£$€+-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/%]|[.,]\d|\s*[-–]\s*\d|\+))`,
  ].join('|'),
  'g',
);

// Words that make a number a length of time, not a value ("12 month count", "7 day working").
const durationAfter =
  /^\s*(?:-\s*)?(?:(?:working|calendar|school)\s+)?(?:months?|years?|weeks?|days?|hours?|hrs?|minutes?|mins?|times)\b/i;
const ambiguousMonths = new Set(['May', 'MAY', 'March', 'MARCH', 'Mar', 'MAR']);
// "Section 47", "Year 11", "Phase 2": the number names a thing rather than counting it.
const labelBefore =
  /\b(?:Section|Priority|Year|Stage|Phase|Level|Tier|Step|Article|Chapter|Appendix|Schedule|Part|Page|Ward|Objective|Ambition|Theme|Standard|Project|No\.?)\s+$/;
const datePrepositionBefore =
  /\b(?:in|by|of|since|until|till|from|between|to|and|during|end|start|beginning|before|after|as at)\s+$/i;

function tokenise(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(tokenPattern)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.numeric !== undefined) {
      const month = Number(g.nm);
      const day = Number(g.nd);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        tokens.push({ kind: 'date', start, end, day, month, year: fullYear(g.ny!) });
      }
    } else if (g.written !== undefined) {
      const name = g.wm!;
      const month = monthByName.get(name)!;
      const year = g.wy !== undefined ? fullYear(g.wy.replace("'", '')) : undefined;
      // "May" and "March" are ordinary words too; without a year they count only after a date word.
      if (year === undefined && g.wd === undefined && ambiguousMonths.has(name)) {
        if (!datePrepositionBefore.test(sentence.slice(0, start))) continue;
      }
      const day = g.wd !== undefined ? Number(g.wd) : undefined;
      tokens.push({
        kind: 'date',
        start,
        end,
        month,
        ...(year !== undefined ? { year } : {}),
        ...(day ? { day } : {}),
      });
    } else if (g.percent !== undefined) {
      tokens.push({ kind: 'percent', start, end, written: g.pv!, value: Number(g.pv) });
    } else if (g.num !== undefined) {
      const written = m[0];
      const value = Number(written.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      if (durationAfter.test(sentence.slice(end))) continue;
      if (/\bper\s+$/i.test(sentence.slice(0, start))) continue;
      if (labelBefore.test(sentence.slice(0, start))) continue;
      if (/^\d{4}$/.test(written) && value >= 1980 && value <= 2049 && !datedNext(sentence, end)) {
        tokens.push({ kind: 'date', start, end, year: value });
        continue;
      }
      tokens.push({ kind: 'number', start, end, written, value });
    }
    // Financial years and money are read past on purpose: they are neither values nor months.
  }
  return tokens;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

// A four-digit number followed by a date ("2024 in May 2021") is a value, not a year.
function datedNext(sentence: string, end: number): boolean {
  return new RegExp(String.raw`^\s*(?:in|by|at|on)\s+(?:the\s+end\s+of\s+)?(?:${monthAlternation})\b`).test(
    sentence.slice(end),
  );
}

// ---------------------------------------------------------------------------------------------
// Years

const rangeJoin = /^\s*(?:and|to|until|till|through|-|–|—)\s*$/i;

/** Gives every month without a year a year, following the rules at the top of this file. */
function resolveYears(sentence: string, dates: DateToken[], asAt: YearMonth | undefined): Set<DateToken> {
  const ranged = new Set<DateToken>();
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (!rangeJoin.test(sentence.slice(a.end, b.start))) continue;
    ranged.add(a).add(b);
    if (a.month !== undefined && b.month !== undefined) {
      if (a.year === undefined && b.year !== undefined) a.year = b.year - (a.month > b.month ? 1 : 0);
      if (b.year === undefined && a.year !== undefined) b.year = a.year + (b.month < a.month ? 1 : 0);
    }
  }
  if (asAt && dates.every((d) => d.year === undefined)) {
    // No year anywhere: the last month is the latest such month not after the document's date and
    // each earlier one the latest not after the month that follows it, so the sentence reads forwards.
    let next: YearMonth = { year: asAt.year, month: asAt.month };
    for (const date of [...dates].reverse()) {
      if (date.month === undefined) continue;
      date.year = next.year - (date.month > next.month ? 1 : 0);
      next = { year: date.year, month: date.month };
    }
    return ranged;
  }
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    if (date.year !== undefined || date.month === undefined) continue;
    const before = dates
      .slice(0, i)
      .reverse()
      .find((d) => d.year !== undefined);
    const after = dates.slice(i + 1).find((d) => d.year !== undefined);
    const month = date.month;
    const candidates: number[] = [];
    if (before) candidates.push(before.year! + (before.month !== undefined && month < before.month ? 1 : 0));
    if (asAt) candidates.push(asAt.year - (month > asAt.month ? 1 : 0));
    if (after) candidates.push(after.year! - (after.month !== undefined && month > after.month ? 1 : 0));
    // A document does not report months after its own date.
    const notLater = (year: number): boolean => !asAt || year * 12 + month <= asAt.year * 12 + asAt.month;
    const year = candidates.find(notLater) ?? candidates[0];
    if (year !== undefined) date.year = year;
  }
  return ranged;
}

function periodOf(date: DateToken): string | undefined {
  if (date.year === undefined) return undefined;
  if (date.month === undefined) return String(date.year);
  const ym = `${date.year}-${String(date.month).padStart(2, '0')}`;
  return date.day !== undefined ? `${ym}-${String(date.day).padStart(2, '0')}` : ym;
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
    if (numbers.length === 0) unit = 'percentage';
    else if (/\bper\s+10,?000\b/i.test(clauseText)) unit = 'rate-per-10000';

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

// ---------------------------------------------------------------------------------------------
// Names

function isRolling(text: string): boolean {
  return (
    /\brolling\b/i.test(text) ||
    /\b(?:12|twelve)[- ]?months?\s+(?:count|total|figure|rolling)\b/i.test(text) ||
    /\b(?:last|previous|past)\s+(?:12|twelve)\s+months\b/i.test(text)
  );
}

const verbs = new Set(
  (
    'has have had is are was were rose rise rises rising risen fell fall falls falling fallen grew grow grows ' +
    'grown growing increased increase increases increasing decreased decrease decreases decreasing reduced ' +
    'reduce reduces reducing dropped drop drops dropping declined decline declines declining peaked peak ' +
    'peaks remained remains stood stands went reached reaches dipped'
  ).split(' '),
);
const datePrepositions = new Set([
  'in',
  'at',
  'by',
  'on',
  'from',
  'between',
  'during',
  'over',
  'since',
  'to',
  'for',
]);

/**
 * The measure a sentence is about: the words after "number(s) of", or after "there were <n>", else
 * the sentence's subject ("Contacts rose from ...", "Between May and June re-referrals fell ..."),
 * else the heading above it. A singular heading naming something counted ("Contact") is made
 * plural, because the values count them.
 */
function measureName(sentence: string, heading: string | undefined, starts: number[]): string | undefined {
  const after =
    /\bnumbers?\s+of\s+(.*)$/i.exec(sentence)?.[1] ??
    /\bthere\s+(?:were|was|are|is|had been|have been)\s+[\d,.]+%?\s+(.*)$/i.exec(sentence)?.[1];
  const phrase =
    after !== undefined
      ? nounPhrase(after)
      : [0, ...starts].map((start) => subjectOf(sentence.slice(start).replace(/^[\s,]+/, ''))).find(Boolean);
  if (phrase) return ordinaryCase(phrase);
  if (heading && heading.trim() !== '' && !/\d/.test(heading)) return pluralise(ordinaryCase(heading));
  return undefined;
}

function nounPhrase(text: string): string | undefined {
  const words = text.split(/\s+/);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const word = raw.replace(/[,.;:!?)]+$/, '');
    const lower = word.toLowerCase();
    // "Section 47 enquiries", "within 45 working days": a number that names or measures, not a value.
    const labelNumber = /^\d+$/.test(word) && kept.length > 0 && labelBefore.test(`${kept.join(' ')} `);
    const duration = /^\d+$/.test(word) && durationAfter.test(` ${words.slice(i + 1, i + 3).join(' ')}`);
    if ((/^\d/.test(word) && !labelNumber && !duration) || verbs.has(lower) || monthByName.has(word)) break;
    if (datePrepositions.has(lower)) {
      const next = words[i + 1] ?? '';
      if (
        next === '' ||
        /^\d/.test(next) ||
        monthByName.has(next.replace(/[,.]$/, '')) ||
        /^(?:the|a)$/i.test(next)
      )
        break;
    }
    // "in education, employment or training": a comma inside a list of nouns does not end the phrase.
    const next = words[i + 1] ?? '';
    if (
      raw === `${word},` &&
      /^[a-z]+$/.test(next) &&
      !/(?:ed|ly)$/.test(next) &&
      !verbs.has(next) &&
      !listBreakers.has(next)
    ) {
      kept.push(raw);
      continue;
    }
    kept.push(word);
    if (word !== raw) break;
  }
  return kept.length > 0 && kept.length <= 10 ? kept.join(' ') : undefined;
}

const listBreakers = new Set(
  'which who whose where when while but so and the a an with as compared against including such this that these those it'.split(
    ' ',
  ),
);

function subjectOf(sentence: string): string | undefined {
  const phrase = nounPhrase(sentence);
  if (!phrase || phrase === sentence.trim()) return undefined;
  const first = phrase.split(' ')[0]!.toLowerCase();
  const notSubjects =
    'between in from since during it this that there these they we and or to by at on of as with'.split(' ');
  if (notSubjects.includes(first) || /^\d/.test(first)) return undefined;
  const words = phrase.split(' ');
  const trimmed = /^(?:the|a|an)$/i.test(words[0]!) ? words.slice(1) : words;
  return trimmed.length > 0 && trimmed.length <= 8 ? trimmed.join(' ') : undefined;
}

const countedNouns =
  /\b(?:contact|referral|assessment|case|visit|conference|placement|allegation|plan|admission|enquiry)$/i;

function pluralise(name: string): string {
  if (!countedNouns.test(name)) return name;
  return /y$/i.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}
