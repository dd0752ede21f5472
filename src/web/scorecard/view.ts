/*
 * What the scorecard and measure pages show, built from `MeasureWithFigures`, so the page, the
 * XLSX export and the API read the same rating, direction and narrative.
 */
import {
  benchmarkNames,
  formatDifference,
  formatPeriod,
  formatValue,
  suppressionMeanings,
  targetFor,
  type Measure,
  type Unit,
} from '../../domain/measures/index.ts';
import { lastMonthOrdinal } from '../../domain/measures/period.ts';
import {
  comparesWithOthers,
  drawsTrend,
  knownFigures,
  oneFigureText,
  valueAxisDomain,
} from '../../domain/measures/honest.ts';
import { directionWords, latestWords, type MeasureWithFigures } from '../../db/measures/queries.ts';
import type { Neighbourhood, SeriesRow } from '../../db/measures/queries.ts';
import { lineChart, sparkline, type ChartPoint } from '../../reports/charts.ts';

export const unitNames: Record<Unit, string> = {
  count: 'Count',
  percentage: 'Percentage',
  'rate-per-10000': 'Rate per 10,000',
  days: 'Days',
  months: 'Months',
};
export const polarityNames = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
  context: 'Context (compared, not judged)',
} as const;
export const frequencyNames = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' } as const;

/** The unit as the chart helpers write it after a number. */
export function chartUnit(unit: Unit): string {
  return unit === 'percentage'
    ? '%'
    : unit === 'rate-per-10000'
      ? 'per 10,000'
      : unit === 'days' || unit === 'months'
        ? unit
        : '';
}

/** Charts plot months: a quarter or a reporting year sits at the month it ends. */
export function chartMonth(measure: Measure, period: string): string {
  const ordinal = lastMonthOrdinal(period, measure.frequency, measure.yearEnding);
  return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
}

/*
 * The council's figures up to today, the same ones the summary's direction reads: a trend line of
 * future rows (a trajectory, a blank template) beside "No earlier figure to compare" would disagree.
 */
function councilPoints(m: MeasureWithFigures, limit?: number): ChartPoint[] {
  const own = m.upToToday.filter((o) => o.comparator === undefined);
  const sorted = own.sort(
    (a, b) =>
      lastMonthOrdinal(a.period, m.measure.frequency, m.measure.yearEnding) -
      lastMonthOrdinal(b.period, m.measure.frequency, m.measure.yearEnding),
  );
  const shown = limit === undefined ? sorted : sorted.slice(-limit);
  return shown.map((o) => ({
    period: chartMonth(m.measure, o.period),
    value: o.suppression ? null : o.value,
  }));
}

/** How close the figure is to target, in words beside the colour ("7 percentage points below target"). */
export function gapWords(m: MeasureWithFigures): string {
  const { rag } = m.summary;
  if (rag.gap === null || rag.target === null) return '';
  if (rag.gap === 0) return 'On target';
  return `${formatDifference(m.measure.unit, rag.gap)} ${rag.gap > 0 ? 'above' : 'below'} target`;
}

export interface ScorecardRow {
  id: number;
  name: string;
  latest: string;
  latestPeriod: string;
  target: string;
  rating: string;
  gap: string;
  direction: string;
  sparkline: string;
}

export function scorecardRow(m: MeasureWithFigures): ScorecardRow {
  const { latest, rag } = m.summary;
  const points = councilPoints(m, 24);
  const unit = m.measure.unit;
  return {
    id: m.row.id,
    name: m.row.name,
    latest: latestWords(m),
    latestPeriod: latest ? formatPeriod(m.measure, latest.period) : '',
    target: rag.target === null ? 'No target' : formatValue(m.measure.unit, rag.target),
    rating: rag.rating,
    gap: gapWords(m),
    direction: directionWords(m),
    sparkline: drawsTrend(points)
      ? sparkline(points, {
          unit: chartUnit(unit),
          label: m.row.name,
          yDomain: valueAxisDomain(
            unit,
            points.map((p) => p.value),
          ),
        })
      : '',
  };
}

const areaNames: Record<string, string> = {
  'statistical-neighbours': benchmarkNames['statistical-neighbours'],
  region: 'Region',
  england: 'England',
};

/** The areas a measure's figures are set beside: none for a count (see `comparesWithOthers`). */
function comparedAreas(m: MeasureWithFigures) {
  return comparesWithOthers(m.measure.unit) ? (['statistical-neighbours', 'region', 'england'] as const) : [];
}

/**
 * The measure page's chart and the same figures as a table (with suppression codes spelled out).
 * With one figure there is no line to draw: `oneFigure` says so instead.
 */
export function measureChart(m: MeasureWithFigures, annotations: { period: string; text: string }[]) {
  const table = measureTable(m, annotations);
  const own = councilPoints(m);
  if (!drawsTrend(own)) {
    const only =
      knownFigures(own) === 1
        ? m.upToToday.find((o) => o.comparator === undefined && !o.suppression && o.value !== null)
        : undefined;
    return { svg: '', oneFigure: only ? oneFigureText(m.measure, only) : '', table };
  }
  const series = [{ name: 'Council', points: own }];
  for (const c of comparedAreas(m)) {
    const points = m.observations
      .filter((o) => o.comparator === c)
      .map((o) => ({ period: chartMonth(m.measure, o.period), value: o.value }))
      .sort((a, b) => a.period.localeCompare(b.period));
    if (points.some((p) => p.value !== null)) series.push({ name: areaNames[c] ?? c, points });
  }
  // A target that changes over time is drawn as a stepped line, one point per period shown.
  const target: number | { period: string; value: number }[] | undefined = m.measure.targets
    ? m.observations
        .filter((o) => o.comparator === undefined)
        .flatMap((o) => {
          const value = targetFor(m.measure, o.period);
          return value === null ? [] : [{ period: chartMonth(m.measure, o.period), value }];
        })
        .sort((a, b) => a.period.localeCompare(b.period))
    : (m.measure.target ?? undefined);
  const drawnTarget =
    target !== undefined && (typeof target === 'number' || target.length > 0) ? target : undefined;
  const targetValues =
    drawnTarget === undefined
      ? []
      : typeof drawnTarget === 'number'
        ? [drawnTarget]
        : drawnTarget.map((t) => t.value);
  const svg = lineChart({
    title: m.row.name,
    series,
    ...(drawnTarget !== undefined ? { target: drawnTarget } : {}),
    annotations: annotations
      .map((a) => ({
        period: chartMonth(
          m.measure,
          a.period.slice(0, m.measure.frequency === 'monthly' ? 7 : a.period.length),
        ),
        text: a.text,
      }))
      .filter((a) => /^\d{4}-\d{2}$/.test(a.period)),
    unit: chartUnit(m.measure.unit),
    yDomain: valueAxisDomain(m.measure.unit, [
      ...series.flatMap((s) => s.points.map((p) => p.value)),
      ...targetValues,
    ]),
  }).svg;
  return { svg, oneFigure: '', table };
}

function figureText(unit: Unit, o: { value: number | null; suppression?: string | undefined }): string {
  if (o.suppression)
    return `${o.suppression} (${suppressionMeanings[o.suppression as keyof typeof suppressionMeanings] ?? 'suppressed'})`;
  return o.value === null ? 'No figure' : formatValue(unit, o.value);
}

export function measureTable(m: MeasureWithFigures, annotations: { period: string; text: string }[]) {
  const periods = [...new Set(m.observations.map((o) => o.period))].sort(
    (a, b) =>
      lastMonthOrdinal(a, m.measure.frequency, m.measure.yearEnding) -
      lastMonthOrdinal(b, m.measure.frequency, m.measure.yearEnding),
  );
  const present = comparedAreas(m).filter((c) => m.observations.some((o) => o.comparator === c));
  const head = ['Period', 'Council', ...present.map((c) => areaNames[c]!), 'Target', 'Notes'];
  const rows = periods.map((period) => {
    const own = m.observations.find((o) => o.period === period && o.comparator === undefined);
    const target = targetFor(m.measure, period) ?? null;
    const notes = annotations.filter((a) => a.period.startsWith(period)).map((a) => a.text);
    const parts =
      own?.numerator !== undefined && own.denominator !== undefined
        ? [`${own.numerator} of ${own.denominator}`]
        : [];
    return [
      formatPeriod(m.measure, period),
      own ? figureText(m.measure.unit, own) : 'No figure',
      ...present.map((c) => {
        const o = m.observations.find((x) => x.period === period && x.comparator === c);
        return o ? figureText(m.measure.unit, o) : '–';
      }),
      target === null ? '–' : formatValue(m.measure.unit, target),
      [...parts, ...notes].join('; '),
    ];
  });
  return { caption: `${m.row.name}: figures by period`, head, rows };
}

/**
 * Neighbouring councils' own figures for the latest period, for the page's comparator detail: the
 * model's neighbours in its order, with their closeness (and "No figure" where the file had none),
 * or without a model the councils a file gave as neighbours.
 */
export function neighbourRows(
  m: MeasureWithFigures,
  rows: readonly SeriesRow[],
  neighbourhood?: Neighbourhood,
) {
  const latest = m.summary.latest?.period;
  if (!latest || !comparesWithOthers(m.measure.unit)) return [];
  if (neighbourhood?.model) {
    const inPeriod = rows.filter(
      (r) => r.period === latest && (r.area === 'local-authority' || r.area === 'statistical-neighbour'),
    );
    if (inPeriod.length === 0) return [];
    return neighbourhood.neighbours.map((n) => {
      const r = inPeriod.find((x) => x.oldAreaCode === n.laCode);
      return {
        name: n.name,
        code: n.laCode,
        closeness: n.closeness,
        figure: r
          ? figureText(m.measure.unit, { value: r.value, suppression: r.suppression ?? undefined })
          : 'No figure',
      };
    });
  }
  return rows
    .filter((r) => r.area === 'statistical-neighbour' && r.period === latest)
    .map((r) => ({
      name: r.areaName || r.areaCode,
      code: r.areaCode,
      closeness: '',
      figure: figureText(m.measure.unit, { value: r.value, suppression: r.suppression ?? undefined }),
    }));
}
