/**
 * The dates in a sentence that states figures, and the numbers in it that are values, not dates.
 *
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
 */

export interface YearMonth {
  year: number;
  month: number;
}

export interface DateToken {
  kind: 'date';
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
}

export interface ValueToken {
  kind: 'number' | 'percent';
  start: number;
  end: number;
  written: string;
  value: number;
}

export type Token = DateToken | ValueToken;

// Only these spellings, capitalised or in capitals: prose uses "may" and "march" as ordinary words,
// so `monthNumber` in text.ts, which takes any case and any prefix of a name, would find months
// that are not there.
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

/** 1 to 12 for a month name as prose writes it ("Sept", "NOVEMBER"); no other case or prefix. */
export const monthByName = new Map<string, number>();
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

/** Words that make a number a length of time, not a value ("12 month count", "7 day working"). */
export const durationAfter =
  /^\s*(?:-\s*)?(?:(?:working|calendar|school)\s+)?(?:months?|years?|weeks?|days?|hours?|hrs?|minutes?|mins?|times)\b/i;
const ambiguousMonths = new Set(['May', 'MAY', 'March', 'MARCH', 'Mar', 'MAR']);
/** "Section 47", "Year 11", "Phase 2": the number names a thing rather than counting it. */
export const labelBefore =
  /\b(?:Section|Priority|Year|Stage|Phase|Level|Tier|Step|Article|Chapter|Appendix|Schedule|Part|Page|Ward|Objective|Ambition|Theme|Standard|Project|No\.?)\s+$/;
const datePrepositionBefore =
  /\b(?:in|by|of|since|until|till|from|between|to|and|during|end|start|beginning|before|after|as at)\s+$/i;

/** The dates, numbers and percentages of a sentence, in order. */
export function tokenise(sentence: string): Token[] {
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

const rangeJoin = /^\s*(?:and|to|until|till|through|-|–|—)\s*$/i;

/**
 * Gives every month without a year a year, following the rules at the top of this file, and
 * returns the dates that are one end of a range ("between Nov 20 and April 21").
 */
export function resolveYears(
  sentence: string,
  dates: DateToken[],
  asAt: YearMonth | undefined,
): Set<DateToken> {
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

/** YYYY-MM, YYYY-MM-DD or YYYY; undefined while the year is unknown. */
export function periodOf(date: DateToken): string | undefined {
  if (date.year === undefined) return undefined;
  if (date.month === undefined) return String(date.year);
  const ym = `${date.year}-${String(date.month).padStart(2, '0')}`;
  return date.day !== undefined ? `${ym}-${String(date.day).padStart(2, '0')}` : ym;
}
