/*
 * Period arithmetic on the string shapes described in types.ts. Each period maps to an ordinal
 * (months, quarters or years since year 0) so "previous period" and "same period last year" are
 * integer steps, and a missing month is visible as a skipped ordinal rather than silently bridged.
 */
import { MeasureDataError } from './errors.ts';
import type { Frequency, Period } from './types.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const PATTERN: Record<Frequency, RegExp> = { monthly: MONTH, quarterly: QUARTER, annual: YEAR };
const SHAPE: Record<Frequency, string> = { monthly: 'YYYY-MM', quarterly: 'YYYY-Qn', annual: 'YYYY' };

export function periodsPerYear(frequency: Frequency): number {
  return frequency === 'monthly' ? 12 : frequency === 'quarterly' ? 4 : 1;
}

export function isPeriod(period: string, frequency: Frequency): boolean {
  return PATTERN[frequency].test(period);
}

/** Position of the period on its frequency's number line; throws when it is not in that shape. */
export function periodOrdinal(period: Period, frequency: Frequency): number {
  const match = PATTERN[frequency].exec(period);
  if (!match) {
    throw new MeasureDataError(`Period "${period}" is not ${SHAPE[frequency]} (${frequency})`);
  }
  const year = Number(match[1]);
  if (frequency === 'annual') return year;
  return year * periodsPerYear(frequency) + Number(match[2]) - 1;
}

export function periodFromOrdinal(ordinal: number, frequency: Frequency): Period {
  if (frequency === 'annual') return String(ordinal).padStart(4, '0');
  const perYear = periodsPerYear(frequency);
  const year = String(Math.floor(ordinal / perYear)).padStart(4, '0');
  const index = (ordinal % perYear) + 1;
  return frequency === 'monthly' ? `${year}-${String(index).padStart(2, '0')}` : `${year}-Q${index}`;
}

export function shiftPeriod(period: Period, frequency: Frequency, steps: number): Period {
  return periodFromOrdinal(periodOrdinal(period, frequency) + steps, frequency);
}

/**
 * The last calendar month a period covers, as a month ordinal (year * 12 + month - 1). Lets a
 * quarterly trajectory apply to a monthly measure and `today` be compared with any period.
 */
export function lastMonthOrdinal(period: Period, frequency: Frequency, yearEnding = 12): number {
  const ordinal = periodOrdinal(period, frequency);
  if (frequency === 'monthly') return ordinal;
  if (frequency === 'quarterly') return ordinal * 3 + 2;
  return ordinal * 12 + yearEnding - 1;
}

export function firstMonthOrdinal(period: Period, frequency: Frequency, yearEnding = 12): number {
  const months = 12 / periodsPerYear(frequency);
  return lastMonthOrdinal(period, frequency, yearEnding) - months + 1;
}

/** Month ordinal of an instant as the month it is in London, where the council works. */
export function monthOrdinalOfDate(date: Date): number {
  if (Number.isNaN(date.getTime())) throw new RangeError('Not a date');
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(date);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return part('year') * 12 + part('month') - 1;
}
