/*
 * Wide layout: one row per measure, one column per period (as councils keep their monthly
 * returns). Headers: measure, optionally area, area_code and council, then the periods. A blank
 * cell is a month with no figure yet and is skipped; text in a figure cell is refused.
 */
import { looksLikePeriod, readFigure, readPeriod } from './cells.ts';
import { areaHelp, cell, columnIndex, councilLabel, findMeasure, isThisCouncil, readArea } from './common.ts';
import type { LoadContext, LoadObservation, LoadProblem, Table } from './types.ts';

export function isWideLayout(table: Table): boolean {
  return columnIndex(table, 'measure') >= 0 && table.headers.some(looksLikePeriod);
}

export function readWide(
  table: Table,
  context: LoadContext,
): { observations: LoadObservation[]; errors: LoadProblem[] } {
  const col = {
    measure: columnIndex(table, 'measure'),
    area: columnIndex(table, 'area'),
    areaCode: columnIndex(table, 'area_code'),
    areaName: columnIndex(table, 'area_name'),
    council: columnIndex(table, 'council', 'la_code', 'new_la_code', 'la_name'),
  };
  const known = new Set(Object.values(col));
  const periodColumns = table.headers
    .map((h, i) => ({ header: h.trim(), i }))
    .filter(({ i }) => !known.has(i));
  const observations: LoadObservation[] = [];
  const errors: LoadProblem[] = [];
  for (const { row, cells } of table.rows) {
    const councilCell = cell(cells, col.council);
    if (!isThisCouncil(context, councilCell)) {
      errors.push({
        row,
        column: table.headers[col.council] ?? 'council',
        message: `This row is for "${councilCell}", not ${councilLabel(context)}`,
      });
      continue;
    }
    const measure = findMeasure(context, cell(cells, col.measure), row, 'measure', errors);
    const area = readArea(cell(cells, col.area));
    if (area === null)
      errors.push({
        row,
        column: 'area',
        message: `"${cell(cells, col.area)}" is not an area: use ${areaHelp}`,
      });
    if (!measure || !area) continue;
    for (const { header, i } of periodColumns) {
      const text = cell(cells, i);
      if (text === '') continue;
      const period = readPeriod(header, measure.frequency);
      if (!period.ok) {
        errors.push({ row: 1, column: header, message: `Column heading ${period.message}` });
        continue;
      }
      const figure = readFigure(text);
      if (!figure.ok) {
        errors.push({ row, column: header, message: figure.message });
        continue;
      }
      observations.push({
        measureName: measure.name,
        period: period.value,
        area,
        areaCode: area === 'council' ? '' : cell(cells, col.areaCode),
        areaName: cell(cells, col.areaName),
        ...figure.value,
        row,
      });
    }
  }
  // A bad heading is one problem, not one per row.
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.row} ${e.column} ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { observations, errors: unique };
}
