/**
 * Dates as councils write them in trackers and minutes: "Dec 2016", "Q2 2018/19", "end of March",
 * "w/c 6 Jan", "31/03/2020", "Spring 2020", "Ongoing". Each becomes a day or a period (inclusive ISO
 * dates), and the text as written is always kept; text that names no date keeps only the text.
 * Financial years run April to March, as councils' do. Pure: the reference year comes from the
 * document (its period or a date it states), never from the clock.
 */
import type { ImportedDate } from './imports.ts';

export interface DateContext {
  /** The year to put on a date written without one ("end of March", "w/c 6 Jan"). */
  referenceYear?: number;
  /**
   * The financial year the document is about, by its first year (2024 for 2024/25): a month written
   * without a year is in it, so "end of March" is March 2025. Wins over `referenceYear`.
   */
  financialYear?: number;
}

/** The year a month written without one falls in. */
function yearFor(monthNumber: number, context: DateContext): number | undefined {
  if (context.financialYear !== undefined)
    return monthNumber <= 3 ? context.financialYear + 1 : context.financialYear;
  return context.referenceYear;
}

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1-12 for a month name or its first three letters ("Sept" too); undefined otherwise. */
export function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const found = monthNames.findIndex((name) => name.startsWith(w.slice(0, 3)) && name.startsWith(w));
  if (found >= 0) return found + 1;
  return w === 'sept' ? 9 : undefined;
}

const month = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const openWords =
  /^(ongoing|on-going|on going|continuous|tbc|tba|to be confirmed|n\/a|complete|completed|done|closed|rolling|as required|monthly|quarterly|weekly|annually|immediate(?:ly)?)$/i;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** The day `days` after y-m-d (days < 28), without the clock's Date. */
function addDays(y: number, m: number, d: number, days: number): string {
  let [year, mon, day] = [y, m, d + days];
  if (day > daysIn(year, mon)) {
    day -= daysIn(year, mon);
    mon += 1;
    if (mon > 12) [year, mon] = [year + 1, 1];
  }
  return iso(year, mon, day);
}

function validDay(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** A two- or four-digit year as a full year ("19" → 2019). */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

function monthPeriod(y: number, m: number): { start: string; end: string } {
  return { start: iso(y, m, 1), end: iso(y, m, daysIn(y, m)) };
}

function spanPeriod(y1: number, m1: number, y2: number, m2: number): { start: string; end: string } {
  return { start: iso(y1, m1, 1), end: iso(y2, m2, daysIn(y2, m2)) };
}

/** A financial year named by its first year: April of it to March of the next. */
function financialYear(first: number): { start: string; end: string } {
  return spanPeriod(first, 4, first + 1, 3);
}

/** Quarter 1-4 of the financial year beginning in April of `first`. */
function financialQuarter(q: number, first: number): { start: string; end: string } {
  const startMonth = 4 + (q - 1) * 3;
  const year = startMonth > 12 ? first + 1 : first;
  const m = ((startMonth - 1) % 12) + 1;
  return spanPeriod(year, m, year, m + 2);
}

/** "2018/19", "2018-2019", "2018/2019": the first year, when the second follows it. */
function financialYearOf(text: string): number | undefined {
  const m = /^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
  return second === first + 1 || (m[2]!.length === 2 && Number(m[2]) === (first + 1) % 100)
    ? first
    : undefined;
}

const seasons: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
};

/**
 * Reads a date or period from text as written. Never throws; returns the text alone where it names
 * no date it can be sure of.
 */
export function parseDocumentDate(raw: string, context: DateContext = {}): ImportedDate {
  const text = raw.replace(/\s+/g, ' ').trim();
  const found = readDate(
    text.replace(/^(by|due|due by|target date|target|deadline|from|until|before)\s*:?\s+/i, ''),
    context,
  );
  return { text: raw.trim(), ...found };
}

function readDate(text: string, context: DateContext): Omit<ImportedDate, 'text'> {
  const t = text.replace(/[.,;]+$/, '').trim();
  if (t === '') return {};
  if (openWords.test(t)) return { open: true };
  const lower = t.toLowerCase();
  let m: RegExpExecArray | null;

  // 31/03/2020, 31.03.20, 31-03-2020 (day first, as in the UK)
  if ((m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$/.exec(t))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
    return validDay(y, mo, d) ? { date: iso(y, mo, d) } : {};
  }
  // 2020-03-31
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { date: iso(y, mo, d) } : {};
  }
  // 03/2020
  if ((m = /^(\d{1,2})[/.\-](\d{4})$/.exec(t))) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    return validDay(y, mo, 1) ? { period: monthPeriod(y, mo) } : {};
  }
  // w/c 6 Jan, w/c 6th January 2020, week commencing 6 Jan
  if (
    (m = new RegExp(
      String.raw`^(?:w/c|wc|w\.c\.|week commencing|week beginning|w/b)\s+(\d{1,2})(?:st|nd|rd|th)?\s+${month}(?:\s+(\d{2,4}))?$`,
      'i',
    ).exec(t))
  ) {
    const d = Number(m[1]);
    const mo = monthOf(m[2]!)!;
    const y = m[3] ? fullYear(m[3]) : yearFor(mo, context);
    if (y === undefined || !validDay(y, mo, d)) return {};
    return { period: { start: iso(y, mo, d), end: addDays(y, mo, d, 6) } };
  }
  // 31st March 2020, 31 Mar 20, 6 Jan (with the reference year)
  if (
    (m = new RegExp(
      String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${month}(?:,?\s+(\d{4}|\d{2}))?$`,
      'i',
    ).exec(t))
  ) {
    const d = Number(m[1]);
    const mo = monthOf(m[2]!)!;
    const y = m[3] ? fullYear(m[3]) : yearFor(mo, context);
    return y !== undefined && validDay(y, mo, d) ? { date: iso(y, mo, d) } : {};
  }
  // March 31st 2020, March 31, 2020
  if ((m = new RegExp(String.raw`^${month}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`, 'i').exec(t))) {
    const mo = monthOf(m[1]!)!;
    const [d, y] = [Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { date: iso(y, mo, d) } : {};
  }
  // end of March (2020), by end March, mid-March
  if (
    (m = new RegExp(
      String.raw`^(end|beginning|start|early|mid|late)(?:\s+of)?[\s-]+${month}(?:\s+(\d{4}|\d{2}))?$`,
      'i',
    ).exec(t))
  ) {
    const mo = monthOf(m[2]!)!;
    const y = m[3] ? fullYear(m[3]) : yearFor(mo, context);
    if (y === undefined) return {};
    const at = m[1]!.toLowerCase();
    const last = daysIn(y, mo);
    if (at === 'end') return { date: iso(y, mo, last) };
    if (at === 'beginning' || at === 'start') return { date: iso(y, mo, 1) };
    const [from, to] = at === 'early' ? [1, 10] : at === 'mid' ? [11, 20] : [21, last];
    return { period: { start: iso(y, mo, from), end: iso(y, mo, to) } };
  }
  // Dec 2016, December 2016, Dec-16, March '20
  if ((m = new RegExp(String.raw`^${month}[\s\-']+'?(\d{4}|\d{2})$`, 'i').exec(t))) {
    return { period: monthPeriod(fullYear(m[2]!), monthOf(m[1]!)!) };
  }
  // March (with the reference year)
  if ((m = new RegExp(String.raw`^${month}$`, 'i').exec(t))) {
    const mo = monthOf(m[1]!)!;
    const y = yearFor(mo, context);
    return y === undefined ? {} : { period: monthPeriod(y, mo) };
  }
  // Q2 2018/19, Q2 18/19, Quarter 2 2018-19
  if ((m = /^(?:q|quarter\s*)([1-4])\s*(?:of\s+)?(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/i.exec(t))) {
    const first = financialYearOf(`${fullYear(m[2]!)}/${m[3]}`);
    return first === undefined ? {} : { period: financialQuarter(Number(m[1]), first) };
  }
  // Q2 2019 (a calendar quarter)
  if ((m = /^(?:q|quarter\s*)([1-4])\s+(\d{4})$/i.exec(t))) {
    const [q, y] = [Number(m[1]), Number(m[2])];
    return { period: spanPeriod(y, (q - 1) * 3 + 1, y, q * 3) };
  }
  // 2018/19, 2018-2019
  const fy = financialYearOf(t.replace(/^(?:fy|financial year)\s*/i, ''));
  if (fy !== undefined) return { period: financialYear(fy) };
  // Spring 2020, Winter 2019/20, Winter 2019
  if (
    (m = /^(spring|summer|autumn|fall|winter)\s+(?:term\s+)?(\d{4})(?:\s*[/\-–]\s*(\d{2}|\d{4}))?$/i.exec(t))
  ) {
    const season = m[1]!.toLowerCase();
    const y = Number(m[2]);
    if (season === 'winter') return { period: spanPeriod(y, 12, y + 1, 2) };
    const [from, to] = seasons[season]!;
    return { period: spanPeriod(y, from, y, to) };
  }
  // 2020
  if ((m = /^(\d{4})$/.exec(t)) && Number(m[1]) >= 1900 && Number(m[1]) <= 2200) {
    const y = Number(m[1]);
    return { period: spanPeriod(y, 1, y, 12) };
  }
  return lower.includes('ongoing') ? { open: true } : {};
}

/** A year to read dates without one against: the first financial year or four-digit year in the text. */
export function referenceYearOf(texts: Iterable<string>): number | undefined {
  const context = dateContextOf(texts);
  return context.financialYear ?? context.referenceYear;
}

/** What a document's own words say its dates without a year are in: its financial year, or a year it names. */
export function dateContextOf(texts: Iterable<string>): DateContext {
  for (const text of texts) {
    const fy = /\b((?:19|20)\d{2})\s*[/\-–]\s*(\d{2}|\d{4})\b/.exec(text);
    if (fy && financialYearOf(`${fy[1]}/${fy[2]}`) !== undefined) return { financialYear: Number(fy[1]) };
    const year = /\b(19\d{2}|20\d{2})\b/.exec(text);
    if (year) return { referenceYear: Number(year[1]) };
  }
  return {};
}
