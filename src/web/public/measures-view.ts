/*
 * The measures chosen for a publication: a chart for monthly series with two or more figures, and
 * always the table, which is the record (screen readers, copying, printing).
 */
import type { PublicMeasure } from '../../domain/publishing/snapshot.ts';
import { lineChart } from '../../reports/charts.ts';
import { formatNumber } from '../../domain/format.ts';

const unitWords: Record<string, string> = {
  percentage: '%',
  'rate-per-10000': 'per 10,000',
  days: 'days',
  count: '',
};

export function measuresView(measures: PublicMeasure[]) {
  return measures.map((m, index) => {
    const numeric = m.series.filter((f) => f.value !== null);
    const chartable =
      m.frequency === 'monthly' &&
      numeric.length >= 2 &&
      m.series.every((f) => /^\d{4}-\d{2}$/.test(f.period));
    const chart = chartable
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
        })
      : null;
    return {
      id: `measure-${index + 1}`,
      name: m.name,
      definition: m.definition,
      target: m.target === null ? '' : formatNumber(m.target),
      svg: chart?.svg ?? null,
      table: {
        caption: `${m.name}: figures`,
        rows: m.series.map((f) => [{ text: f.periodLabel }, { text: f.valueText, format: 'numeric' }]),
      },
    };
  });
}
