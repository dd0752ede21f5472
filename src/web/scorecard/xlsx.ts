/*
 * The scorecard as an Excel workbook: one row per measure with the figures as numbers (so people
 * can chart them), the rating as a word, and a second sheet with every council figure by period.
 */
import ExcelJS from 'exceljs';
import { formatPeriod } from '../../domain/measures/index.ts';
import { spreadsheetSafe } from '../../domain/spreadsheet-cell.ts';
import { directionWords, type MeasureWithFigures } from '../../db/measures/queries.ts';
import { gapWords, unitNames } from './view.ts';

const ratingWords = { red: 'Red', amber: 'Amber', green: 'Green', none: 'Not rated' } as const;

export async function scorecardWorkbook(
  figures: readonly MeasureWithFigures[],
  scope: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wesaid';
  const sheet = workbook.addWorksheet('Scorecard');
  sheet.columns = [
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
  ];
  sheet.getRow(1).font = { bold: true };
  for (const m of figures) {
    const { latest, rag } = m.summary;
    sheet.addRow({
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
    });
  }
  sheet.addRow([]);
  sheet.addRow([`Scope: ${scope}`]);

  const series = workbook.addWorksheet('Figures');
  series.columns = [
    { header: 'measure', key: 'measure', width: 48 },
    { header: 'period', key: 'period', width: 10 },
    { header: 'area', key: 'area', width: 24 },
    { header: 'value', key: 'value', width: 12 },
  ];
  series.getRow(1).font = { bold: true };
  for (const m of figures) {
    for (const o of m.observations) {
      series.addRow({
        measure: m.row.name,
        period: o.period,
        area: o.comparator ?? 'council',
        value: o.suppression ?? o.value,
      });
    }
  }
  // A workbook's text cells are not formulas, but a copy pasted or saved as CSV would be read as one.
  for (const sheetOf of [sheet, series])
    sheetOf.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = spreadsheetSafe(cell.value);
      }),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
