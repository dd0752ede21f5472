/*
 * GOV.UK style formatting (the GOV.UK style guide's dates, times, numbers and percentages), as
 * pure functions that become Nunjucks filters. Reports, the child-friendly page and exports all
 * go through these so the same figure reads the same everywhere.
 *
 * Conventions for every formatter: null and undefined give '' (a blank cell; the template
 * decides whether to say "Not available"), while a value that cannot be read throws, because
 * that is a bug upstream and printing "Invalid Date" to the board would hide it.
 */

const LOCALE = 'en-GB';
const TIME_ZONE = 'Europe/London';

/** Month names as GOV.UK writes them; index 0 is January. */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// Fixed rather than Intl: newer ICU data abbreviates September as "Sept", GOV.UK uses "Sep".
const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

export type DateLike = string | Date;

interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  // Arithmetic rather than Date.UTC, which reads years 0–99 as 1900–1999.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether text is a real calendar day written YYYY-MM-DD: 2024-02-29 is, 2023-02-29 and 2024-02-30 are not. */
export function isIsoCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toInstant(value: DateLike): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

function londonParts(instant: Date): Record<string, number> {
  const parts = new Intl.DateTimeFormat(LOCALE, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/*
 * A 'YYYY-MM-DD' string is a calendar date (a meeting day, a due date) and must never move with
 * time zones: `new Date('2024-09-10')` is UTC midnight, which is still the 10th in London but a
 * trap the moment anyone formats it elsewhere. Anything else is an instant, shown in London.
 */
function toCalendarDate(value: DateLike): CalendarDate {
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value.trim());
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        throw new RangeError(`Not a real date: ${value}`);
      }
      return { year, month, day };
    }
  }
  const parts = londonParts(toInstant(value));
  return { year: parts.year!, month: parts.month!, day: parts.day! };
}

/** "10 September 2024" */
export function formatDate(value: DateLike | null | undefined): string {
  if (value == null) return '';
  const { year, month, day } = toCalendarDate(value);
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** "10 Sep 2024", for tables where space is short. */
export function formatDateShort(value: DateLike | null | undefined): string {
  if (value == null) return '';
  const { year, month, day } = toCalendarDate(value);
  return `${day} ${SHORT_MONTHS[month - 1]} ${year}`;
}

/** "July 2020", from "2020-07" (the month of a scorecard period) or any date. */
export function formatMonth(value: DateLike | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string') {
    const match = ISO_MONTH.exec(value.trim());
    if (match) {
      const month = Number(match[2]);
      if (month < 1 || month > 12) throw new RangeError(`Not a real month: ${value}`);
      return `${monthNames[month - 1]} ${match[1]}`;
    }
  }
  const { year, month } = toCalendarDate(value);
  return `${monthNames[month - 1]} ${year}`;
}

/** "6:30pm", "9am", "midday", "midnight", in London time (GOV.UK style). */
export function formatTime(value: DateLike | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    throw new RangeError(`A date has no time of day: ${value}`);
  }
  const { hour, minute } = londonParts(toInstant(value)) as { hour: number; minute: number };
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'midday';
  const suffix = hour < 12 ? 'am' : 'pm';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${hour12}${suffix}` : `${hour12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** "10 September 2024 at 6:30pm" */
export function formatDateTime(value: DateLike | null | undefined): string {
  if (value == null) return '';
  return `${formatDate(toInstant(value))} at ${formatTime(value)}`;
}

export interface NumberOptions {
  /** Exact number of decimal places; by default up to 3, with no trailing zeros. */
  decimals?: number;
}

function checkFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
}

/** "2,159" */
export function formatNumber(value: number | null | undefined, options: NumberOptions = {}): string {
  if (value == null) return '';
  checkFinite(value);
  const { decimals } = options;
  return new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 3,
  }).format(value);
}

/**
 * "83%" from 83. The value is in percentage points, not a ratio, because that is how the DfE
 * files, the scorecard and the board papers record percentages (83 = 83%); guessing from the
 * size of the number would turn 0.5% into 50%. For a ratio you computed yourself (leavers ÷ in
 * post) use `formatProportion`. By default up to 1 decimal place, no trailing zero ("12.5%").
 */
export function formatPercent(value: number | null | undefined, options: NumberOptions = {}): string {
  if (value == null) return '';
  checkFinite(value);
  const { decimals } = options;
  const digits = new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 1,
  }).format(value);
  return `${digits}%`;
}

/** "83%" from 0.83: for ratios such as turnover, agency rate and vacancy rate. */
export function formatProportion(value: number | null | undefined, options: NumberOptions = {}): string {
  if (value == null) return '';
  checkFinite(value);
  // Round in percentage points via the decimal string so 0.07 * 100 = 7.000000000000001 prints 7%.
  return formatPercent(Number((value * 100).toPrecision(12)), options);
}

/* GOV.UK date input: https://design-system.service.gov.uk/components/date-input/ error wording. */

export interface DateInput {
  day?: string | null;
  month?: string | null;
  year?: string | null;
}

export type DateField = 'day' | 'month' | 'year';

export type DateInputResult = { ok: true; value: string } | { ok: false; error: string; fields: DateField[] };

export interface DateInputOptions {
  /** How the question is named in errors, e.g. "Meeting date". Default "Date". */
  label?: string;
  /** Shown when nothing is entered. Default "Enter a date", or "Enter the meeting date". */
  emptyMessage?: string;
}

// People type "Sept" or "september" as readily as "9"; the design system asks us to accept them.
const MONTH_WORDS = new Map<string, number>(
  monthNames.flatMap((name, index) => {
    const lower = name.toLowerCase();
    const forms = [lower, lower.slice(0, 3)];
    if (lower === 'september') forms.push('sept');
    return forms.map((form) => [form, index + 1] as [string, number]);
  }),
);

function lowerFirst(label: string): string {
  // Leave acronyms alone: "CIB meeting date" stays, "Meeting date" becomes "meeting date".
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function parseMonth(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return MONTH_WORDS.get(text.toLowerCase().replace(/\.$/, ''));
}

/** Reads the three boxes of a GOV.UK date input into an ISO date, or the error to show. */
export function parseUkDateInput(input: DateInput, options: DateInputOptions = {}): DateInputResult {
  const label = options.label ?? 'Date';
  const emptyMessage =
    options.emptyMessage ?? (options.label === undefined ? 'Enter a date' : `Enter the ${lowerFirst(label)}`);
  const text = {
    day: (input.day ?? '').trim(),
    month: (input.month ?? '').trim(),
    year: (input.year ?? '').trim(),
  };
  const fields: DateField[] = ['day', 'month', 'year'];
  const missing = fields.filter((field) => text[field] === '');

  if (missing.length === 3) return { ok: false, error: emptyMessage, fields };
  if (missing.length > 0) {
    return { ok: false, error: `${label} must include a ${missing.join(' and ')}`, fields: missing };
  }

  const notReal = (bad: DateField[]): DateInputResult => ({
    ok: false,
    error: `${label} must be a real date`,
    fields: bad,
  });
  const day = /^\d{1,2}$/.test(text.day) ? Number(text.day) : undefined;
  const month = parseMonth(text.month);
  const badParts: DateField[] = [];
  if (day === undefined || day < 1 || day > 31) badParts.push('day');
  if (month === undefined || month < 1 || month > 12) badParts.push('month');
  if (badParts.length > 0) return notReal(badParts);

  if (!/^\d{4}$/.test(text.year))
    return { ok: false, error: 'Year must include 4 numbers', fields: ['year'] };
  const year = Number(text.year);
  if (day! > daysInMonth(year, month!)) return notReal(['day']);

  const iso = `${text.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: iso };
}
