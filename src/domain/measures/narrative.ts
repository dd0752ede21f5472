/*
 * A plain-English sentence or two for each measure, in the voice of the board papers ("Between July
 * and December 2020 open cases rose ... to a peak of ..., then fell ..."). Every number is written
 * through `Words`, which records it as it is written, so `narrativeNumbers` can say exactly which
 * figures a narrative states and a test can check each against the data. Never state a number
 * any other way in this file.
 */
import { compareWithComparators, benchmarkNames } from './comparators.ts';
import {
  formatPeriodEnd,
  formatPeriodRange,
  formatValue,
  roundForDisplay,
  roundPercentChange,
} from './format.ts';
import { listOf, sentenceCase, Words, type StatedKind, type StatedNumber } from './narrative-words.ts';
import { periodOrdinal, shiftPeriod } from './period.ts';
import { percentChange } from './ratios.ts';
import { peaksAndTroughs, rollingTotals } from './rolling.ts';
import { seriesOf, type NumericPoint, type Point, type Series } from './series.ts';
import { targetFor } from './targets.ts';
import { suppressionMeanings, type Measure, type Observation, type Period } from './types.ts';

export type { StatedKind, StatedNumber } from './narrative-words.ts';

export interface Narrative {
  text: string;
  /** In the order they appear in the text. */
  numbers: StatedNumber[];
}

export interface NarrativeOptions {
  /** How many periods the "rose ... then fell" sentence covers: default 12 months, 8 quarters or 5 years. */
  windowPeriods?: number;
}

export const NO_FIGURES = 'No figures have been recorded yet.';

const DEFAULT_WINDOW = { monthly: 12, quarterly: 8, annual: 5 } as const;

function missingWords(words: Words, point: Point | undefined, period: Period): string {
  if (point?.suppression !== undefined) {
    return `the figure for ${words.period(period)} is suppressed (${point.suppression}: ${suppressionMeanings[point.suppression]})`;
  }
  return `there is no figure for ${words.period(period)}`;
}

class Writer {
  readonly words: Words;
  readonly sentences: string[] = [];
  /** Periods whose missing figure has already been explained. */
  readonly explained = new Set<Period>();
  zeroBase = false;

  constructor(
    readonly measure: Measure,
    readonly series: Series,
    readonly options: NarrativeOptions,
  ) {
    this.words = new Words(measure);
  }

  /*
   * "by 15%", or "by 4 percentage points" for a percentage (a change in a rate of per cent is in
   * points). Nothing when the change would show as 0, or when it starts from 0, which has no
   * percentage change: that is said in words instead.
   */
  by(from: NumericPoint, to: NumericPoint): string {
    const periods = [from.period, to.period];
    if (this.measure.unit === 'percentage') {
      if (roundForDisplay(Math.abs(to.value - from.value)) === 0) return '';
      return ` by ${this.words.difference(to.value - from.value, periods)}`;
    }
    const percent = percentChange(from.value, to.value);
    if (percent === null) {
      this.zeroBase = true;
      return '';
    }
    if (roundPercentChange(percent) === 0) return '';
    return ` by ${this.words.percentChange(percent, periods)}`;
  }

  latestSentences(latest: Point): void {
    const { words, series, measure } = this;
    const name = sentenceCase(measure.name);
    if (latest.value === null) {
      this.explained.add(latest.period);
      this.sentences.push(
        latest.suppression !== undefined
          ? `The latest figure, for ${words.period(latest.period)}, is suppressed (${latest.suppression}: ${suppressionMeanings[latest.suppression]}).`
          : `There is no figure for ${words.period(latest.period)}.`,
      );
      const before = series.latestBefore(latest.period);
      this.sentences.push(
        before
          ? `The last figure was ${words.value(before.value, [before.period])} in ${words.period(before.period)}.`
          : 'No earlier figures have been recorded.',
      );
      return;
    }

    const now: NumericPoint = { period: latest.period, value: latest.value };
    this.sentences.push(
      `${name} stood at ${words.value(now.value, [now.period])} in ${words.period(now.period)}.`,
    );

    const clauses: string[] = [];
    const target = targetFor(measure, now.period);
    if (target !== null) clauses.push(this.targetClause(now, target));

    const previousPeriod = shiftPeriod(now.period, measure.frequency, -1);
    const previous = series.at(previousPeriod);
    if (previous?.value != null)
      clauses.push(this.movementClause({ period: previousPeriod, value: previous.value }, now));
    if (clauses.length > 0) this.sentences.push(`This ${clauses.join(' and ')}.`);
    if (previous?.value == null) this.previousMissingSentence(now, previous);
    this.targetChangeSentence(now, target);
  }

  previousMissingSentence(now: NumericPoint, previous: Point | undefined): void {
    const { words, series, measure } = this;
    const previousPeriod = shiftPeriod(now.period, measure.frequency, -1);
    const before = series.latestBefore(now.period);
    if (before === undefined && previous === undefined) {
      if (series.points.length === 1) this.sentences.push('This is the only figure recorded.');
      return;
    }
    this.explained.add(previousPeriod);
    const gap = sentenceCase(missingWords(words, previous, previousPeriod));
    this.sentences.push(
      before
        ? `${gap}; the figure before that was ${words.value(before.value, [before.period])} in ${words.period(before.period)}.`
        : `${gap}.`,
    );
  }

  /** Only when there is an earlier figure: a first figure has no change of target to explain. */
  targetChangeSentence(now: NumericPoint, target: number | null): void {
    const { words, measure, series } = this;
    const previousPeriod = shiftPeriod(now.period, measure.frequency, -1);
    if (series.points[0]?.period === now.period) return;
    const previousTarget = targetFor(measure, previousPeriod);
    if (target !== null && previousTarget !== null && previousTarget !== target) {
      // Otherwise a colour that changed only because the target moved reads as a change in practice.
      const how = target > previousTarget ? 'rose' : 'fell';
      this.sentences.push(
        `The target ${how} from ${words.value(previousTarget, [previousPeriod], 'target')} to ${words.value(target, [now.period], 'target')} in ${words.period(now.period)}.`,
      );
    }
  }

  targetClause(now: NumericPoint, target: number): string {
    const { words, measure } = this;
    const gap = now.value - target;
    if (gap === 0) return `meets the target of ${words.value(target, [now.period], 'target')}`;
    const side = gap > 0 ? 'above' : 'below';
    const size = roundForDisplay(Math.abs(gap)) === 0 ? 'just' : words.difference(gap, [now.period]);
    const hint = measure.polarity === 'lower-is-better' ? ' (lower is better)' : '';
    return `is ${size} ${side} the target of ${words.value(target, [now.period], 'target')}${hint}`;
  }

  movementClause(previous: NumericPoint, now: NumericPoint): string {
    const { words, measure } = this;
    if (previous.value === now.value) return `is the same as in ${words.period(previous.period)}`;
    const shownSame = formatValue(measure.unit, previous.value) === formatValue(measure.unit, now.value);
    const how = shownSame ? 'little changed' : now.value > previous.value ? 'up' : 'down';
    return `is ${how} from ${words.value(previous.value, [previous.period])} in ${words.period(previous.period)}`;
  }

  rollingSentence(): Point[] | undefined {
    const { measure, words } = this;
    if (!measure.rolling12Months || measure.unit !== 'count' || measure.frequency === 'annual')
      return undefined;
    const totals = rollingTotals(
      measure,
      this.series.points.map((p) => ({ ...p })),
    );
    const latest = totals.at(-1);
    if (latest === undefined) return undefined;
    const span = measure.frequency === 'monthly' ? '12 months' : 'year';
    if (latest.total === null) {
      this.sentences.push(
        `A total for the ${span} to ${formatPeriodEnd(measure, latest.period)} cannot be given because a figure in that year is missing.`,
      );
    } else {
      this.sentences.push(
        `The total for the ${span} to ${formatPeriodEnd(measure, latest.period)} was ${words.value(latest.total, [latest.period], 'rolling-total')}.`,
      );
    }
    return totals.map((t) => ({ period: t.period, value: t.total }));
  }

  shapeSentence(points: Point[], subject: string, kind: StatedKind): void {
    const { words, measure } = this;
    const latest = points.at(-1);
    if (latest === undefined) return;
    const window = this.windowStart(latest.period);
    const known = points.filter(
      (p): p is NumericPoint => p.value !== null && periodOrdinal(p.period, measure.frequency) >= window,
    );
    const first = known[0];
    const last = known.at(-1);
    if (known.length < 3 || first === undefined || last === undefined) return;
    const v = (p: NumericPoint): string => words.value(p.value, [p.period], kind);
    const shown = (p: NumericPoint): string => formatValue(measure.unit, p.value);

    if (known.every((p) => p.value === first.value)) {
      this.sentences.push(
        `${subject} stayed at ${v(first)} between ${formatPeriodRange(measure, first.period, last.period)}.`,
      );
      return;
    }
    const turning = this.turningPoint(known, first, last);
    if (turning !== undefined && shown(turning) !== shown(first) && shown(turning) !== shown(last)) {
      const isPeak = turning.value > first.value;
      const [rose, fell, extreme] = isPeak ? ['rose', 'fell', 'a peak of'] : ['fell', 'rose', 'a low of'];
      this.sentences.push(
        `${subject} ${rose}${this.by(first, turning)} between ${formatPeriodRange(measure, first.period, turning.period)}, ` +
          `from ${v(first)} to ${extreme} ${v(turning)}, then ${fell}${this.by(turning, last)} to ${v(last)} by ${words.period(last.period)}.`,
      );
      return;
    }
    const range = formatPeriodRange(measure, first.period, last.period);
    if (shown(first) === shown(last)) {
      this.sentences.push(`${subject} was little changed between ${range}, at ${v(last)}.`);
      return;
    }
    const direction = last.value > first.value ? 'rose' : 'fell';
    this.sentences.push(
      `${subject} ${direction}${this.by(first, last)} between ${range}, from ${v(first)} to ${v(last)}.`,
    );
  }

  /*
   * The peak or low strictly inside the window (higher, or lower, than both ends). When there are
   * both, the one further from the two ends tells the bigger story.
   */
  turningPoint(known: NumericPoint[], first: NumericPoint, last: NumericPoint): NumericPoint | undefined {
    const { peak, trough } = peaksAndTroughs(known);
    const inside = [peak, trough].filter(
      (p): p is NumericPoint =>
        p !== null &&
        ((p.value > first.value && p.value > last.value) || (p.value < first.value && p.value < last.value)),
    );
    const swing = (p: NumericPoint): number =>
      Math.abs(p.value - first.value) + Math.abs(p.value - last.value);
    return inside.sort((a, b) => swing(b) - swing(a))[0];
  }

  windowStart(latest: Period): number {
    const { measure } = this;
    const size = Math.max(2, this.options.windowPeriods ?? DEFAULT_WINDOW[measure.frequency]);
    return periodOrdinal(latest, measure.frequency) - size + 1;
  }

  gapsSentence(): void {
    const { series, measure, words } = this;
    const latest = series.latest();
    const first = series.points[0];
    if (latest === undefined || first === undefined) return;
    const window = this.windowStart(latest.period);
    const missing = series
      .periodsBetween(first.period, latest.period)
      .filter((p) => periodOrdinal(p, measure.frequency) >= window)
      .filter((p) => series.valueAt(p) === undefined && !this.explained.has(p));
    if (missing.length === 0) return;
    if (missing.length <= 3) {
      this.sentences.push(`No figures are available for ${listOf(missing.map((p) => words.period(p)))}.`);
    } else {
      this.sentences.push(
        `No figures are available for some periods between ${formatPeriodRange(measure, missing[0]!, missing.at(-1)!)}.`,
      );
    }
  }

  comparatorSentence(latest: Point, observations: readonly Observation[]): void {
    if (latest.value === null) return;
    const known = compareWithComparators(this.measure, observations, latest.period);
    const parts: string[] = [];
    for (const c of known) {
      if (c.value === null) continue;
      const verb = parts.length === 0 ? ' was' : '';
      parts.push(
        `the ${benchmarkNames[c.comparator]}${verb} ${this.words.value(c.value, [c.period], 'comparator')}`,
      );
    }
    if (parts.length > 0) this.sentences.push(`For comparison, ${listOf(parts)}.`);
  }
}

/** The narrative for a measure, with the numbers it states. */
export function buildNarrative(
  measure: Measure,
  observations: readonly Observation[],
  options: NarrativeOptions = {},
): Narrative {
  const series = seriesOf(measure, observations);
  const latest = series.latest();
  if (latest === undefined) return { text: NO_FIGURES, numbers: [] };
  const writer = new Writer(measure, series, options);
  writer.latestSentences(latest);
  const totals = writer.rollingSentence();
  if (totals) writer.shapeSentence(totals, 'The rolling 12-month total', 'rolling-total');
  else writer.shapeSentence([...series.points], sentenceCase(measure.name), 'value');
  if (writer.zeroBase) writer.sentences.push('A change from zero cannot be given as a percentage.');
  writer.gapsSentence();
  writer.comparatorSentence(latest, observations);
  return { text: writer.sentences.join(' '), numbers: writer.words.numbers };
}

export function narrative(
  measure: Measure,
  observations: readonly Observation[],
  options?: NarrativeOptions,
): string {
  return buildNarrative(measure, observations, options).text;
}

/** The numbers `narrative` states, in order, each with the exact figure behind it. */
export function narrativeNumbers(
  measure: Measure,
  observations: readonly Observation[],
  options?: NarrativeOptions,
): StatedNumber[] {
  return buildNarrative(measure, observations, options).numbers;
}
