/*
 * The scorecard as an Excel workbook: one row per measure with the figures as numbers (so people
 * can chart them), the rating as a word, and a second sheet with every council figure by period.
 */
import { formatPeriod } from '../../domain/measures/index.ts';
import { directionWords, type MeasureWithFigures } from '../../db/measures/queries.ts';
import type { Workbook } from '../../reports/workbook.ts';
import { gapWords, unitNames } from './view.ts';

const ratingWords = { red: 'Red', amber: 'Amber', green: 'Green', none: 'Not rated' } as const;

/** The workbook as plain data, worded here; the render pool writes the file. */
export function scorecardWorkbook(figures: readonly MeasureWithFigures[], scope: string): Workbook {
  const scorecard = figures.map((m) => {
    const { latest, rag } = m.summary;
    return {
      name: m.row.name,
      unit: unitNames[m.measure.unit],
      period: latest ? formatPeriod(m.measure, latest.period) : '',
      latest: latest?.value ?? null,
      suppression: latest?.suppression ?? '',
      target: rag.target,
      rating: ratingWords[rag.rating],
      gap: gapWords(m),
      direction: directionWords(m),
      narrative: m.summary.narrative,
    };
  });
  return {
    creator: 'Wesaid',
    sheets: [
      {
        name: 'Scorecard',
        columns: [
          { header: 'Measure', key: 'name', width: 48 },
          { header: 'Unit', key: 'unit', width: 16 },
          { header: 'Period', key: 'period', width: 22 },
          { header: 'Latest', key: 'latest', width: 12 },
          { header: 'Suppression', key: 'suppression', width: 12 },
          { header: 'Target', key: 'target', width: 10 },
          { header: 'Rating', key: 'rating', width: 10 },
          { header: 'How close', key: 'gap', width: 32 },
          { header: 'Direction', key: 'direction', width: 32 },
          { header: 'Narrative', key: 'narrative', width: 100 },
        ],
        rows: [...scorecard, [], [`Scope: ${scope}`]],
      },
      {
        name: 'Figures',
        columns: [
          { header: 'measure', key: 'measure', width: 48 },
          { header: 'period', key: 'period', width: 10 },
          { header: 'area', key: 'area', width: 24 },
          { header: 'value', key: 'value', width: 12 },
        ],
        rows: figures.flatMap((m) =>
          m.observations.map((o) => ({
            measure: m.row.name,
            period: o.period,
            area: o.comparator ?? 'council',
            value: o.suppression ?? o.value,
          })),
        ),
      },
    ],
  };
}
