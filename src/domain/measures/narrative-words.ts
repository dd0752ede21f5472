/*
 * The one way narrative.ts writes a number: each figure is formatted and recorded in the same
 * call, so the list of stated numbers cannot drift from the text.
 */
import {
  formatDifference,
  formatFigure,
  formatPercentChange,
  formatPeriod,
  formatValue,
  roundPercentChange,
} from './format.ts';
import type { Measure, Period } from './types.ts';

export type StatedKind =
  'value' | 'target' | 'difference' | 'percent-change' | 'rolling-total' | 'comparator';

export interface StatedNumber {
  /** The number as it appears in the text, e.g. "2,159" or "15" (of "15%"). */
  text: string;
  /** The unrounded figure it was written from. */
  exact: number;
  kind: StatedKind;
  /** The periods it describes (two for a change). */
  periods: Period[];
}

/** Writes numbers into text and remembers each one. */
export class Words {
  readonly numbers: StatedNumber[] = [];

  constructor(private readonly measure: Measure) {}

  private note(text: string, exact: number, kind: StatedKind, periods: Period[]): void {
    this.numbers.push({ text, exact, kind, periods });
  }

  value(value: number, periods: Period[], kind: StatedKind = 'value'): string {
    this.note(formatFigure(value), value, kind, periods);
    return formatValue(this.measure.unit, value);
  }

  difference(difference: number, periods: Period[]): string {
    this.note(formatFigure(Math.abs(difference)), Math.abs(difference), 'difference', periods);
    return formatDifference(this.measure.unit, difference);
  }

  percentChange(percent: number, periods: Period[]): string {
    const shown = Math.abs(roundPercentChange(percent));
    this.note(formatFigure(shown), Math.abs(percent), 'percent-change', periods);
    return formatPercentChange(percent);
  }

  period(period: Period): string {
    return formatPeriod(this.measure, period);
  }
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
