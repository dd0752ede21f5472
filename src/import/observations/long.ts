/*
 * Long layout: one row per figure. Columns: measure, period, value; optional numerator,
 * denominator, area (council by default), area_code, area_name, council (refused if another
 * council's), note.
 */
import { readFigure, readOptionalNumber, readPeriod } from './cells.ts';
import { areaHelp, cell, columnIndex, findMeasure, isThisCouncil, councilLabel, readArea } from './common.ts';
import type { LoadContext, LoadObservation, LoadProblem, Table } from './types.ts';

export function isLongLayout(table: Table): boolean {
  return (
    columnIndex(table, 'measure') >= 0 &&
    columnIndex(table, 'period') >= 0 &&
    columnIndex(table, 'value') >= 0
  );
}

export function readLong(
  table: Table,
  context: LoadContext,
): { observations: LoadObservation[]; errors: LoadProblem[] } {
  const col = {
    measure: columnIndex(table, 'measure'),
    period: columnIndex(table, 'period'),
    value: columnIndex(table, 'value'),
    numerator: columnIndex(table, 'numerator'),
    denominator: columnIndex(table, 'denominator'),
    area: columnIndex(table, 'area'),
    areaCode: columnIndex(table, 'area_code'),
    areaName: columnIndex(table, 'area_name'),
    council: columnIndex(table, 'council', 'la_code', 'new_la_code', 'la_name'),
    note: columnIndex(table, 'note'),
  };
  const councilColumn = col.council >= 0 ? table.headers[col.council]! : 'council';
  const observations: LoadObservation[] = [];
  const errors: LoadProblem[] = [];
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const councilCell = cell(cells, col.council);
    if (!isThisCouncil(context, councilCell)) {
      errors.push({
        row,
        column: councilColumn,
        message: `This row is for "${councilCell}", not ${councilLabel(context)}`,
      });
      continue;
    }
    const measure = findMeasure(context, cell(cells, col.measure), row, 'measure', errors);
    const period = measure ? readPeriod(cell(cells, col.period), measure.frequency) : null;
    if (period && !period.ok) errors.push({ row, column: 'period', message: period.message });
    const valueText = cell(cells, col.value);
    const figure = valueText === '' ? null : readFigure(valueText);
    if (figure === null)
      errors.push({ row, column: 'value', message: 'Enter a value or a suppression code' });
    else if (!figure.ok) errors.push({ row, column: 'value', message: figure.message });
    const numerator = readOptionalNumber(cell(cells, col.numerator));
    if (!numerator.ok) errors.push({ row, column: 'numerator', message: numerator.message });
    const denominator = readOptionalNumber(cell(cells, col.denominator));
    if (!denominator.ok) errors.push({ row, column: 'denominator', message: denominator.message });
    const area = readArea(cell(cells, col.area));
    if (area === null)
      errors.push({
        row,
        column: 'area',
        message: `"${cell(cells, col.area)}" is not an area: use ${areaHelp}`,
      });
    const areaCode = cell(cells, col.areaCode);
    if (area === 'statistical-neighbour' && areaCode === '') {
      errors.push({ row, column: 'area_code', message: "Enter the neighbouring council's LA code" });
    }
    if (errors.length > before || !measure || !period?.ok || !figure?.ok || !area) continue;
    const observation: LoadObservation = {
      measureName: measure.name,
      period: period.value,
      area,
      areaCode: area === 'council' ? '' : areaCode,
      areaName: cell(cells, col.areaName),
      ...figure.value,
      row,
    };
    if (numerator.ok && numerator.value !== undefined) observation.numerator = numerator.value;
    if (denominator.ok && denominator.value !== undefined) observation.denominator = denominator.value;
    const note = cell(cells, col.note);
    if (note) observation.note = note;
    observations.push(observation);
  }
  return { observations, errors };
}
