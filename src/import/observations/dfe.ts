/*
 * DfE open-data CSV (explore-education-statistics): time_period, time_identifier, geographic_level,
 * region_name, old_la_code, la_name, new_la_code, then filter columns (such as `measure`) and
 * indicator columns (`number`, `rate_per_10000`, `percent`, and names ending `_count` or `_percent`).
 * The council, its region and England are kept, and every other council's figure too: DfE's
 * statistical neighbour model picks the neighbours out of them, and the council's rank among all
 * councils is read from them. Councils the comparator settings list as neighbours are kept as such.
 *
 * Each filter value and indicator is one measure: "Children looked after at 31 March each year"
 * (the number) and "... per 10,000" (the rate). Measures the council has not defined yet are
 * created as annual context measures; the reporting year ends in March unless the file says
 * otherwise (DOMAIN: children in need and looked after years end 31 March).
 */
import type { Frequency, Unit } from '../../domain/measures/index.ts';
import type { ObservationArea } from '../../domain/measures/vocabulary.ts';
import { readFigure, readPeriod } from './cells.ts';
import { cell, columnIndex, councilLabel, headerKey } from './common.ts';
import type { LoadContext, LoadObservation, LoadProblem, NewMeasure, Table } from './types.ts';

const GEOGRAPHY = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
]);

interface Indicator {
  index: number;
  header: string;
  unit: Unit;
  suffix: string;
}

function indicatorOf(header: string, index: number): Indicator | null {
  const key = headerKey(header);
  if (key === 'number' || key === 'count' || key.endsWith('_count'))
    return { index, header, unit: 'count', suffix: '' };
  if (/^rate_per_10(,)?000/.test(key))
    return { index, header, unit: 'rate-per-10000', suffix: ' per 10,000' };
  if (key === 'percent' || key === 'percentage' || key.endsWith('_percent'))
    return { index, header, unit: 'percentage', suffix: ' (%)' };
  return null;
}

function allFigures(table: Table, index: number): boolean {
  return table.rows.every(({ cells }) => {
    const text = cell(cells, index);
    return text === '' || readFigure(text).ok;
  });
}

export function isDfeLayout(table: Table): boolean {
  return columnIndex(table, 'time_period') >= 0 && columnIndex(table, 'geographic_level') >= 0;
}

function yearEndingOf(identifier: string): number {
  const words = identifier.toLowerCase();
  if (words.includes('calendar')) return 12;
  if (words.includes('september') || words.includes('academic')) return 9;
  return 3;
}

export function readDfe(
  table: Table,
  context: LoadContext,
): { observations: LoadObservation[]; errors: LoadProblem[]; newMeasures: NewMeasure[] } {
  const errors: LoadProblem[] = [];
  const observations: LoadObservation[] = [];
  const newMeasures = new Map<string, NewMeasure>();
  const council = context.council;
  if (!council) {
    errors.push({
      row: 1,
      column: 'new_la_code',
      message:
        "Set the council's LA code and statistical neighbours before loading DfE files, so the loader knows which rows are yours",
    });
    return { observations, errors, newMeasures: [] };
  }
  const col = {
    period: columnIndex(table, 'time_period'),
    identifier: columnIndex(table, 'time_identifier'),
    level: columnIndex(table, 'geographic_level'),
    region: columnIndex(table, 'region_name'),
    oldCode: columnIndex(table, 'old_la_code'),
    newCode: columnIndex(table, 'new_la_code'),
    laName: columnIndex(table, 'la_name'),
  };
  const indicators: Indicator[] = [];
  const filters: number[] = [];
  const denominators: number[] = [];
  table.headers.forEach((header, i) => {
    const key = headerKey(header);
    if (GEOGRAPHY.has(key)) return;
    if (key.startsWith('population')) return denominators.push(i);
    const indicator = indicatorOf(header, i);
    if (indicator) indicators.push(indicator);
    // A column of figures this reader cannot name a unit for is not a filter: its numbers would
    // become part of every measure's name.
    else if (!allFigures(table, i)) filters.push(i);
  });
  if (indicators.length === 0) {
    errors.push({
      row: 1,
      column: table.headers.join(', '),
      message: 'No indicator columns found: expected number, rate_per_10000 or percent',
    });
    return { observations, errors, newMeasures: [] };
  }
  const neighbours = new Set(council.neighbourCodes.map((c) => c.toUpperCase()));
  let councilRows = 0;
  for (const { row, cells } of table.rows) {
    const level = cell(cells, col.level).toLowerCase();
    const code = cell(cells, col.newCode).toUpperCase();
    let area: ObservationArea | null = null;
    if (level === 'national') area = 'england';
    else if (
      level === 'regional' &&
      cell(cells, col.region).toLowerCase() === council.regionName.toLowerCase()
    )
      area = 'region';
    else if (level === 'local authority') {
      const oldCode = cell(cells, col.oldCode);
      if (
        code === council.laCode.toUpperCase() ||
        (council.oldLaCode !== '' && oldCode === council.oldLaCode)
      )
        area = 'council';
      else if (neighbours.has(code)) area = 'statistical-neighbour';
      else area = 'local-authority';
    } else if (!['regional', 'local authority', 'national'].includes(level)) {
      errors.push({
        row,
        column: 'geographic_level',
        message: `"${cell(cells, col.level)}" is not National, Regional or Local authority`,
      });
      continue;
    }
    if (area === null) continue;
    if (area === 'council') councilRows++;
    const yearEnding = yearEndingOf(cell(cells, col.identifier));
    const period = readPeriod(cell(cells, col.period), 'annual');
    if (!period.ok) {
      errors.push({ row, column: 'time_period', message: period.message });
      continue;
    }
    const filterName = filters
      .map((i) => cell(cells, i))
      .filter((v) => v !== '' && v.toLowerCase() !== 'total')
      .join(' – ');
    const denominatorText = denominators.length > 0 ? cell(cells, denominators[0]!) : '';
    for (const indicator of indicators) {
      const text = cell(cells, indicator.index);
      if (text === '') continue;
      const figure = readFigure(text);
      if (!figure.ok) {
        errors.push({ row, column: indicator.header, message: figure.message });
        continue;
      }
      const base = filterName || indicator.header;
      const name = `${base}${indicator.suffix}`;
      const existing = context.measures.get(name.toLowerCase());
      const frequency: Frequency = existing?.frequency ?? 'annual';
      if (existing && existing.frequency !== 'annual') {
        errors.push({
          row,
          column: indicator.header,
          message: `The measure "${existing.name}" is ${existing.frequency}, but DfE figures are annual`,
        });
        continue;
      }
      if (!existing && !newMeasures.has(name.toLowerCase())) {
        newMeasures.set(name.toLowerCase(), {
          name,
          unit: indicator.unit,
          frequency,
          yearEnding,
          definition: `${base}, as published by the Department for Education (${indicator.header}).`,
          sourceSystem: 'DfE open data',
        });
      }
      const observation: LoadObservation = {
        measureName: existing?.name ?? name,
        period: period.value,
        area,
        areaCode: area === 'council' ? '' : code,
        areaName: area === 'council' ? '' : cell(cells, col.laName),
        ...figure.value,
        row,
      };
      if (level === 'local authority' && area !== 'council')
        observation.oldAreaCode = cell(cells, col.oldCode);
      const population = readFigure(denominatorText);
      if (indicator.unit === 'rate-per-10000' && population.ok && population.value.value !== null) {
        observation.denominator = population.value.value;
        const number = indicators.find((i) => i.unit === 'count');
        const numerator = number ? readFigure(cell(cells, number.index)) : null;
        if (numerator?.ok && numerator.value.value !== null) observation.numerator = numerator.value.value;
      }
      observations.push(observation);
    }
  }
  if (councilRows === 0 && errors.length === 0) {
    errors.push({
      row: 1,
      column: 'new_la_code',
      message: `This file has no rows for ${councilLabel(context)}: check it is for your council`,
    });
  }
  return { observations, errors, newMeasures: [...newMeasures.values()] };
}
