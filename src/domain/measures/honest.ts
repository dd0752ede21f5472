/*
 * Rules that keep the figures honest wherever they are drawn or compared (scorecard, measure pages,
 * public site, papers), so each page cannot make its own choice (issue 10):
 * - a count is never set beside another area's count: England's total is the sum of every council's,
 *   so "81,504 below England" says only that England is bigger. Rates, percentages and average days
 *   are about the same population share and compare like with like;
 * - a value axis starts at zero, so a small change does not look dramatic;
 * - the direction in words and the trend line drawn beside it read the same figures.
 */
import { formatPeriod, formatValue } from './format.ts';
import type { Movement } from './trend.ts';
import type { Point } from './series.ts';
import type { Measure, Unit } from './types.ts';

/** Whether figures in this unit may be set beside statistical neighbours', the region's and England's. */
export function comparesWithOthers(unit: Unit): boolean {
  return unit !== 'count';
}

/** Said where a comparison would have been, so its absence is not a mystery. */
export const countNotComparedText =
  'This measure is a count, so it is not compared with statistical neighbours, the region or England: their populations are different sizes. Compare a rate per 10,000 children instead.';

/**
 * The value axis: from zero (or below, for a negative figure) to the largest figure, target
 * included. Percentages run 0 to 100 so every percentage chart reads on the same scale.
 */
export function valueAxisDomain(
  unit: Unit,
  values: readonly (number | null | undefined)[],
): [number, number] {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const low = Math.min(0, ...known);
  const high = Math.max(0, ...known);
  if (unit === 'percentage') return [low, Math.max(100, high)];
  return [low, high > low ? high : low + 1];
}

/** "One figure so far: 42 (July 2024)", for a measure with a single figure, where a line would be drawn. */
export function oneFigureText(measure: Pick<Measure, 'unit' | 'frequency' | 'yearEnding'>, point: Point) {
  return `One figure so far: ${point.value === null ? 'no figure' : formatValue(measure.unit, point.value)} (${formatPeriod(measure, point.period)}). A trend needs at least two.`;
}

/** How many figures a trend line has to draw (suppressed periods are gaps, not figures). */
export function knownFigures(points: readonly { value: number | null }[]): number {
  return points.filter((p) => p.value !== null).length;
}

/** A trend line is drawn only with two figures or more: one figure is said in words instead. */
export function drawsTrend(points: readonly { value: number | null }[]): boolean {
  return knownFigures(points) >= 2;
}

const lastWords = { monthly: 'last month', quarterly: 'last quarter', annual: 'last year' } as const;

/**
 * The direction of travel in words, from the same figures the trend line draws: against the period
 * just before when it has a figure, otherwise against the latest earlier figure, named by its
 * period (so a gap is never read as "no earlier figure" beside a line of earlier figures).
 */
export function directionText(
  measure: Pick<Measure, 'frequency' | 'yearEnding'>,
  latest: Point | null,
  direction: { vsLastPeriod: Movement; sinceLastAvailable: Movement },
): string {
  if (latest === null) return 'No figures yet';
  if (latest.value === null) return 'No figure for the latest period';
  const { vsLastPeriod, sinceLastAvailable } = direction;
  const move = vsLastPeriod.direction !== 'unknown' ? vsLastPeriod : sinceLastAvailable;
  if (move.direction === 'unknown' || move.from === null) return 'No earlier figure to compare';
  const word = move.direction === 'up' ? 'Up on' : move.direction === 'down' ? 'Down on' : 'No change on';
  const against =
    move === vsLastPeriod ? lastWords[measure.frequency] : formatPeriod(measure, move.from.period);
  const judged =
    move.judgement === 'improving' || move.judgement === 'worsening' ? ` (${move.judgement})` : '';
  return `${word} ${against}${judged}`;
}
