/**
 * Server-rendered SVG charts for reports and pages.
 *
 * Every chart must be shown with its data as a table beside it: the SVG is a picture for sighted
 * readers, the table is the record (screen readers, copy and paste, print in black and white). Each
 * function therefore returns `{ svg, table }`; render `table` with a <caption>, <th scope="col">
 * column headers and <th scope="row"> first cells.
 *
 * The SVG carries no <style> and no style attributes (no CSP nonce needed); give it room in your
 * own CSS, e.g. `.app-chart svg { max-width: 100%; height: auto; }`. Series differ by colour (each
 * at least 3:1 against white), line dash, marker shape and a direct label, never by colour alone.
 */
import type * as PlotModule from '@observablehq/plot';
import { normaliseHex, textColourOn } from './colour.ts';
import { finishSvg, loadPlotDocument } from './chart-svg.ts';
import { formatDate, formatDateShort, formatMonth, formatNumber, formatPercent } from '../domain/format.ts';

export interface ChartTable {
  caption: string;
  head: string[];
  /** The first cell of each row is its row header. */
  rows: string[][];
}

export interface Chart {
  svg: string;
  table: ChartTable;
}

export interface ChartPoint {
  /** YYYY-MM */
  period: string;
  /** null for a gap: no figure, or a suppressed one. */
  value: number | null;
  /** Shown in the table instead of the value when there is none, e.g. a suppression code "c". */
  note?: string;
}

export interface LineChartInput {
  title: string;
  series: { name: string; points: ChartPoint[] }[];
  /** One target for the whole period, or a target that changes over time. */
  target?: number | { period: string; value: number }[];
  annotations?: { period: string; text: string }[];
  /** "%" is written after the number; any other unit after a space, e.g. "per 10,000", "days". */
  unit: string;
  /**
   * The value axis, e.g. from `valueAxisDomain` (zero up), so a small change does not look dramatic.
   * Without it the axis fits the data.
   */
  yDomain?: readonly [number, number];
  width?: number;
  height?: number;
}

/** Colours at least 3:1 against white (WCAG 2.2 non-text contrast), none of them a RAG colour. */
export const seriesColours = ['#1d70b8', '#b1400f', '#4c2c92', '#008670', '#d53880', '#505a5f'] as const;
const seriesDashes = [undefined, '8,4', '2,3', '10,3,2,3', '4,4', '1,4'] as const;
const seriesSymbols = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye'] as const;
const ink = '#0b0c0c';

let plotting: { Plot: typeof PlotModule; plotDocument: Document } | undefined;
let loading: Promise<void> | undefined;

/**
 * Observable Plot and the DOM it draws into take about 0.4 s to load, so they are loaded by the first
 * page that draws a chart (and in the background once the server listens), not at start. Every
 * handler that draws awaits this first; after the first time it is an already settled promise.
 */
export function loadCharts(): Promise<void> {
  loading ??= Promise.all([import('@observablehq/plot'), loadPlotDocument()]).then(([Plot, plotDocument]) => {
    plotting = { Plot, plotDocument };
  });
  return loading;
}

function loaded(): { Plot: typeof PlotModule; plotDocument: Document } {
  if (!plotting) throw new Error('Charts are not loaded yet: await loadCharts() before drawing one');
  return plotting;
}
const noData = 'No data';

export function lineChart(input: LineChartInput): Chart {
  const { Plot, plotDocument } = loaded();
  const width = input.width ?? 640;
  const height = input.height ?? 360;
  const toDate = (period: string) => monthDate(period);
  const targetPoints = Array.isArray(input.target) ? input.target : [];
  const periods = [
    ...new Set([
      ...input.series.flatMap((s) => s.points.map((p) => p.period)),
      ...targetPoints.map((p) => p.period),
    ]),
  ].sort();
  const longestName = Math.max(0, ...input.series.map((s) => s.name.length));

  const marks: PlotModule.Markish[] = [Plot.gridY({ stroke: '#b1b4b6', strokeOpacity: 1 })];
  input.series.forEach((series, i) => {
    const colour = seriesColours[i % seriesColours.length]!;
    const rows = series.points.map((p) => ({ date: toDate(p.period), value: p.value }));
    const defined = rows.filter((r) => r.value !== null);
    marks.push(
      Plot.lineY(rows, {
        x: 'date',
        y: 'value',
        stroke: colour,
        strokeWidth: 2.5,
        strokeDasharray: seriesDashes[i % seriesDashes.length],
      }),
      Plot.dot(defined, {
        x: 'date',
        y: 'value',
        fill: colour,
        stroke: '#ffffff',
        strokeWidth: 1,
        r: 4.5,
        symbol: seriesSymbols[i % seriesSymbols.length],
      }),
      // Direct labels, so no reader has to match a colour to a legend.
      Plot.text(
        defined,
        Plot.selectLast({
          x: 'date',
          y: 'value',
          text: () => series.name,
          dx: 10,
          textAnchor: 'start',
          fill: colour,
          fontWeight: 'bold',
        }),
      ),
    );
  });
  if (typeof input.target === 'number') {
    marks.push(
      Plot.ruleY([input.target], { stroke: ink, strokeWidth: 1.5, strokeDasharray: '3,3' }),
      Plot.text([input.target], {
        y: (d: number) => d,
        frameAnchor: 'left',
        dy: -7,
        dx: 4,
        textAnchor: 'start',
        text: (d: number) => `Target ${formatValue(d, input.unit)}`,
      }),
    );
  } else if (targetPoints.length > 0) {
    const sorted = [...targetPoints].sort((a, b) => a.period.localeCompare(b.period));
    const rows = sorted.map((p) => ({ date: toDate(p.period), value: p.value }));
    // A step holds until the next change; carry the last target to the end of the data.
    const lastPeriod = periods.at(-1);
    if (lastPeriod && lastPeriod > sorted.at(-1)!.period)
      rows.push({ date: toDate(lastPeriod), value: sorted.at(-1)!.value });
    marks.push(
      Plot.lineY(rows, {
        x: 'date',
        y: 'value',
        curve: 'step-after',
        stroke: ink,
        strokeWidth: 1.5,
        strokeDasharray: '3,3',
      }),
      Plot.text(
        rows,
        Plot.selectFirst({ x: 'date', y: 'value', text: () => 'Target', dy: -8, textAnchor: 'start' }),
      ),
    );
  }
  for (const note of input.annotations ?? []) {
    const date = toDate(note.period);
    marks.push(
      Plot.ruleX([date], { stroke: '#505a5f', strokeDasharray: '1,3' }),
      Plot.text([date], {
        x: (d: Date) => d,
        frameAnchor: 'top',
        dy: 4,
        dx: 4,
        textAnchor: 'start',
        text: () => note.text,
        lineWidth: 12,
        fill: '#505a5f',
      }),
    );
  }

  const tickDates =
    periods.length <= 12
      ? periods.map(toDate)
      : periods.filter((_, i) => i % Math.ceil(periods.length / 12) === 0).map(toDate);
  const node = Plot.plot({
    document: plotDocument,
    width,
    height,
    marginLeft: 56,
    marginRight: Math.min(200, 20 + longestName * 7),
    marginTop: 24,
    marginBottom: 40,
    x: { type: 'utc', label: null, ticks: tickDates, tickFormat: shortMonth },
    y: {
      label: input.unit,
      labelArrow: 'none',
      nice: true,
      ...(input.yDomain ? { domain: [...input.yDomain] } : {}),
      tickFormat: (d: number) => formatNumber(d),
    },
    marks,
  });

  const table = lineChartTable(input, periods);
  return { svg: finishSvg(node, { label: input.title, description: describeLines(input) }), table };
}

function lineChartTable(input: LineChartInput, periods: string[]): ChartTable {
  const head = ['Period', ...input.series.map((s) => s.name)];
  const targetAt = (period: string): string | undefined => {
    if (typeof input.target === 'number') return formatValue(input.target, input.unit);
    if (!Array.isArray(input.target)) return undefined;
    // A changing target holds from its period until the next one.
    const current = input.target
      .filter((t) => t.period <= period)
      .sort((a, b) => a.period.localeCompare(b.period))
      .at(-1);
    return current ? formatValue(current.value, input.unit) : '';
  };
  if (input.target !== undefined) head.push('Target');
  const rows = periods.map((period) => {
    const cells = input.series.map((s) => {
      const point = s.points.find((p) => p.period === period);
      if (!point) return noData;
      return point.value === null ? (point.note ?? noData) : formatValue(point.value, input.unit);
    });
    const target = targetAt(period);
    return [formatMonth(period), ...cells, ...(target === undefined ? [] : [target])];
  });
  return { caption: input.title, head, rows };
}

function describeLines(input: LineChartInput): string {
  const parts = input.series.map((s) => {
    const known = s.points.filter((p) => p.value !== null);
    const first = known[0];
    const last = known.at(-1);
    if (!first || !last) return `${s.name}: no data.`;
    if (first === last)
      return `${s.name}: ${formatValue(first.value!, input.unit)} in ${formatMonth(first.period)}.`;
    return `${s.name}: from ${formatValue(first.value!, input.unit)} in ${formatMonth(first.period)} to ${formatValue(last.value!, input.unit)} in ${formatMonth(last.period)}.`;
  });
  if (typeof input.target === 'number') parts.push(`Target ${formatValue(input.target, input.unit)}.`);
  parts.push('The figures are in the table with this chart.');
  return parts.join(' ');
}

export interface RagHistoryInput {
  title: string;
  /** Meeting dates, YYYY-MM-DD, oldest first. */
  meetings: string[];
  /** The plan's RAG scale; codes not in it are shown as written, uncoloured. */
  scale: { code: string; label: string; colour: string }[];
  /** One row per priority; `ratings[i]` is the code at `meetings[i]`, or null when not rated. */
  priorities: { name: string; ratings: (string | null)[] }[];
  width?: number;
}

/** RAG status of each priority at each meeting: a grid of labelled, outlined cells. */
export function ragHistoryChart(input: RagHistoryInput): Chart {
  const { Plot, plotDocument } = loaded();
  const scale = new Map(input.scale.map((s) => [s.code, { ...s, colour: normaliseHex(s.colour) }]));
  const meetingLabels = input.meetings.map(calendarDate).map(formatDateShort);
  const cells = input.priorities.flatMap((p) =>
    input.meetings.map((_, i) => {
      const code = p.ratings[i] ?? null;
      const entry = code === null ? undefined : scale.get(code);
      const fill = entry?.colour ?? '#ffffff';
      return {
        priority: p.name,
        meeting: meetingLabels[i]!,
        fill,
        textFill: textColourOn(fill),
        // The first word ("Amber") fits a cell; the full label is in the table.
        text: code === null ? '–' : entry?.label.split(/[\s(]/)[0] || code,
      };
    }),
  );
  const longestName = Math.max(0, ...input.priorities.map((p) => p.name.length));
  const node = Plot.plot({
    document: plotDocument,
    width: input.width ?? 640,
    height: 40 + 36 * input.priorities.length,
    marginLeft: Math.min(260, 16 + longestName * 6.5),
    marginTop: 30,
    marginBottom: 4,
    x: { domain: meetingLabels, axis: 'top', label: null, tickSize: 0 },
    y: { domain: input.priorities.map((p) => p.name), label: null, tickSize: 0 },
    color: { type: 'identity' },
    marks: [
      // The dark outline, not the fill, gives each cell its 3:1 edge: amber on white is about 1.6:1.
      Plot.cell(cells, { x: 'meeting', y: 'priority', fill: 'fill', stroke: ink, strokeWidth: 1, inset: 2 }),
      Plot.text(cells, { x: 'meeting', y: 'priority', text: 'text', fill: 'textFill', fontWeight: 'bold' }),
    ],
  });

  const table: ChartTable = {
    caption: input.title,
    head: ['Priority', ...input.meetings.map((m) => formatDate(calendarDate(m)))],
    rows: input.priorities.map((p) => [
      p.name,
      ...input.meetings.map((_, i) => {
        const code = p.ratings[i] ?? null;
        if (code === null) return 'Not rated';
        return scale.get(code)?.label ?? code;
      }),
    ]),
  };
  const description = `RAG status of ${input.priorities.length} priorities at ${input.meetings.length} meetings. The statuses are in the table with this chart.`;
  return { svg: finishSvg(node, { label: input.title, description }), table };
}

export interface SparklineOptions {
  /** What the numbers are, for the accessible name, e.g. "Re-referrals". */
  label?: string;
  unit?: string;
  /** The value range drawn, e.g. from `valueAxisDomain`; without it the line fills the height. */
  yDomain?: readonly [number, number];
  width?: number;
  height?: number;
}

/**
 * A word-sized trend line with the last point marked. It is meant to sit beside the figures it
 * draws, so it has no axes; its accessible name states the first and last values.
 */
export function sparkline(points: ChartPoint[], options: SparklineOptions = {}): string {
  const { Plot, plotDocument } = loaded();
  const unit = options.unit ?? '';
  const rows = points.map((p) => ({ date: monthDate(p.period), value: p.value }));
  const known = points.filter((p) => p.value !== null);
  const last = rows.filter((r) => r.value !== null).slice(-1);
  const node = Plot.plot({
    document: plotDocument,
    width: options.width ?? 120,
    height: options.height ?? 28,
    margin: 5,
    axis: null,
    x: { type: 'utc' },
    ...(options.yDomain ? { y: { domain: [...options.yDomain] } } : {}),
    marks: [
      Plot.lineY(rows, { x: 'date', y: 'value', stroke: seriesColours[0], strokeWidth: 1.5 }),
      Plot.dot(last, { x: 'date', y: 'value', fill: seriesColours[0], r: 2.5 }),
    ],
  });
  const name = options.label ? `${options.label}: ` : '';
  const first = known[0];
  const end = known.at(-1);
  const label =
    first && end && first !== end
      ? `${name}trend from ${formatValue(first.value!, unit)} in ${formatMonth(first.period)} to ${formatValue(end.value!, unit)} in ${formatMonth(end.period)}`
      : first
        ? `${name}${formatValue(first.value!, unit)} in ${formatMonth(first.period)}`
        : `${name}no data`;
  return finishSvg(node, { label });
}

function monthDate(period: string): Date {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) throw new Error(`"${period}" is not a month in the form YYYY-MM`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** Plot hands tick values back as dates: "Jul 2024". */
function shortMonth(date: Date): string {
  const [month, year] = formatMonth(date.toISOString().slice(0, 7)).split(' ') as [string, string];
  return `${month.slice(0, 3)} ${year}`;
}

function calendarDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate))
    throw new Error(`"${isoDate}" is not a date in the form YYYY-MM-DD`);
  return isoDate;
}

/** "83%", "31.5 per 10,000", "12 days": how a chart's figures read in its labels and table. */
export function formatValue(value: number, unit: string): string {
  if (unit === '%') return formatPercent(value);
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}
