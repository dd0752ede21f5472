/*
 * When a measure's latest figure is stale: older than its frequency allows. A figure for a period
 * is expected some time after the period ends (data is checked and published late), so a figure
 * goes stale only once the period after it has ended and as long again has passed with nothing
 * newer: two periods after the end of the latest one. A monthly figure for August is current in
 * September and October and stale from November; a quarterly one for April to June is stale from
 * January; an annual one, two years after its year ended.
 */
import { isPeriod, lastMonthOrdinal, periodsPerYear } from './period.ts';
import type { Frequency, Period } from './types.ts';

export interface FigureAge {
  readonly frequency: Frequency;
  readonly yearEnding?: number | null;
  /** The period of the council's latest figure, or null when there is none. */
  readonly latestPeriod: Period | null;
}

export type Staleness = 'current' | 'stale' | 'no-figures' | 'unknown';

const monthOrdinalOf = (isoDate: string): number =>
  Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;

/** How many whole months past the end of its latest period a figure may be before it is stale. */
export const allowedMonths = (frequency: Frequency): number => 2 * (12 / periodsPerYear(frequency));

export function staleness(figure: FigureAge, today: string): Staleness {
  if (figure.latestPeriod === null) return 'no-figures';
  // A period in another shape (an import's YYYY-MM-DD) cannot be placed: say nothing rather than guess.
  if (!isPeriod(figure.latestPeriod, figure.frequency)) return 'unknown';
  const ended = lastMonthOrdinal(figure.latestPeriod, figure.frequency, figure.yearEnding ?? 12);
  return monthOrdinalOf(today) - ended > allowedMonths(figure.frequency) ? 'stale' : 'current';
}

/** Stale, or with no figure at all: what the programme office is asked to chase. */
export const needsFigures = (figure: FigureAge, today: string): boolean => {
  const state = staleness(figure, today);
  return state === 'stale' || state === 'no-figures';
};
