/*
 * How measure figures and periods read in narrative and tables. Builds on the shared GOV.UK
 * formatters in ../format.ts so a figure reads the same on the scorecard as in the board pack;
 * what is here is only what measures add: units, changes, quarters and reporting years.
 *
 * Precision: figures to at most one decimal place, no trailing zero ("2,159", "83.5%"); percentage
 * changes to two significant figures in practice (whole from 10%, one decimal below), so "rose by
 * 15%" but "rose by 4.8%". Showing more would be false precision for council data.
 */
import { formatMonth, formatNumber, formatPercent, monthNames } from '../format.ts';
import { firstMonthOrdinal, lastMonthOrdinal } from './period.ts';
import type { Measure, Period, Unit } from './types.ts';

/** A figure as it will be displayed, as a number: what a reader can check against. */
export function roundForDisplay(value: number): number {
  // toFixed rounds the exact binary value half away from zero, as Intl does, so text and number agree.
  const rounded = Number(value.toFixed(1));
  return rounded === 0 ? 0 : rounded; // no "-0"
}

/** Percentage change as displayed: whole from 10%, one decimal below. */
export function roundPercentChange(percent: number): number {
  const size = Math.abs(percent);
  return Math.sign(percent) * (size >= 9.95 ? Math.round(size) : roundForDisplay(size)) || 0;
}

/** "2,159", "83.5": the number alone, as it appears in text. */
export function formatFigure(value: number): string {
  return formatNumber(roundForDisplay(value));
}

/** "2,159", "83%", "70 per 10,000", "45 days". */
export function formatValue(unit: Unit, value: number): string {
  const shown = roundForDisplay(value);
  switch (unit) {
    case 'percentage':
      return formatPercent(shown);
    case 'rate-per-10000':
      return `${formatNumber(shown)} per 10,000`;
    case 'days':
      return `${formatNumber(shown)} ${shown === 1 ? 'day' : 'days'}`;
    case 'months':
      return `${formatNumber(shown)} ${shown === 1 ? 'month' : 'months'}`;
    case 'count':
      return formatNumber(shown);
  }
}

/**
 * A difference between two figures, unsigned (the words say which way): a change in a percentage is
 * in percentage points, never per cent of a per cent.
 */
export function formatDifference(unit: Unit, difference: number): string {
  const shown = roundForDisplay(Math.abs(difference));
  switch (unit) {
    case 'percentage':
      return `${formatNumber(shown)} ${shown === 1 ? 'percentage point' : 'percentage points'}`;
    case 'rate-per-10000':
      return `${formatNumber(shown)} per 10,000`;
    case 'days':
      return `${formatNumber(shown)} ${shown === 1 ? 'day' : 'days'}`;
    case 'months':
      return `${formatNumber(shown)} ${shown === 1 ? 'month' : 'months'}`;
    case 'count':
      return formatNumber(shown);
  }
}

/** "15%", "4.8%", unsigned. */
export function formatPercentChange(percent: number): string {
  return formatPercent(roundPercentChange(Math.abs(percent)));
}

function monthName(monthOrdinal: number): string {
  return `${monthNames[((monthOrdinal % 12) + 12) % 12]} ${Math.floor(monthOrdinal / 12)}`;
}

/** "July 2020", "the quarter to June 2021", "2022" or "the year to March 2022". */
export function formatPeriod(measure: Pick<Measure, 'frequency' | 'yearEnding'>, period: Period): string {
  const { frequency, yearEnding = 12 } = measure;
  if (frequency === 'monthly') return formatMonth(period);
  if (frequency === 'quarterly') return `the quarter to ${monthName(lastMonthOrdinal(period, frequency))}`;
  return yearEnding === 12
    ? period
    : `the year to ${monthName(lastMonthOrdinal(period, frequency, yearEnding))}`;
}

/** The month a period ends: "April 2021", "June 2021" for the quarter to June, "March 2022". */
export function formatPeriodEnd(measure: Pick<Measure, 'frequency' | 'yearEnding'>, period: Period): string {
  return monthName(lastMonthOrdinal(period, measure.frequency, measure.yearEnding));
}

/** The words after "between": "July and December 2020", "July 2020 and April 2021". */
export function formatPeriodRange(
  measure: Pick<Measure, 'frequency' | 'yearEnding'>,
  from: Period,
  to: Period,
): string {
  if (measure.frequency === 'monthly' && from.slice(0, 4) === to.slice(0, 4)) {
    const month = monthNames[firstMonthOrdinal(from, 'monthly') % 12];
    return `${month} and ${formatMonth(to)}`;
  }
  return `${formatPeriod(measure, from)} and ${formatPeriod(measure, to)}`;
}
