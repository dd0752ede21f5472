/*
 * The measures chosen for a publication: a chart for monthly series with two or more figures (its
 * axis from zero), the one figure said in words when there is only one, and always the table, which
 * is the record (screen readers, copying, printing). Only the council's own figures are published,
 * so no count is ever set beside England's.
 */
import type { PublicMeasure } from '../../domain/publishing/snapshot.ts';
import { drawsTrend, knownFigures, oneFigureText, valueAxisDomain } from '../../domain/measures/honest.ts';
import { units, type Unit } from '../../domain/measures/types.ts';
import { lineChart } from '../../reports/charts.ts';
import { formatNumber } from '../../domain/format.ts';

const unitWords: Record<string, string> = {
  percentage: '%',
  'rate-per-10000': 'per 10,000',
  days: 'days',
  months: 'months',
  count: '',
};

const asUnit = (unit: string): Unit => units.find((u) => u === unit) ?? 'count';

export function measuresView(measures: PublicMeasure[]) {
  return measures.map((m, index) => {
    // Charts plot months; other frequencies are shown by their table alone.
    const monthly = m.frequency === 'monthly' && m.series.every((f) => /^\d{4}-\d{2}$/.test(f.period));
    const unit = asUnit(m.unit);
    const only = knownFigures(m.series) === 1 ? m.series.find((f) => f.value !== null) : undefined;
    const chart =
      monthly && drawsTrend(m.series)
        ? lineChart({
            title: m.name,
            unit: unitWords[m.unit] ?? '',
            series: [
              {
                name: 'Council',
                points: m.series.map((f) => ({
                  period: f.period,
                  value: f.value,
                  ...(f.suppression ? { note: f.suppression } : {}),
                })),
              },
            ],
            ...(m.target !== null ? { target: m.target } : {}),
            yDomain: valueAxisDomain(unit, [...m.series.map((f) => f.value), m.target]),
          })
        : null;
    return {
      id: `measure-${index + 1}`,
      name: m.name,
      definition: m.definition,
      target: m.target === null ? '' : formatNumber(m.target),
      svg: chart?.svg ?? null,
      oneFigure:
        monthly && only
          ? oneFigureText({ unit, frequency: 'monthly' }, { period: only.period, value: only.value })
          : '',
      table: {
        caption: `${m.name}: figures`,
        rows: m.series.map((f) => [{ text: f.periodLabel }, { text: f.valueText, format: 'numeric' }]),
      },
    };
  });
}
