/*
 * DfE open-data CSV (Explore Education Statistics): time_period and time_identifier, geography
 * (geographic_level, codes, names), filter columns and indicator columns (dfe-columns.ts tells them
 * apart). Each indicator is one measure, or one per value of a filter with no total; a filter with
 * a total is a breakdown of that measure, its total the measure's own figure. England-only and
 * regional files load as comparators. Every row not loaded is listed with its reason.
 *
 * Measures the council has not defined yet are created as annual measures, their unit and polarity
 * from the column's name where it says, otherwise assumed and said so; the reporting year ends in
 * March unless time_identifier says otherwise (DOMAIN: children in need and looked after years end
 * 31 March).
 */
import type { RowNotLoaded } from '../../domain/inspections/load.ts';
import type { Unit } from '../../domain/measures/index.ts';
import { readFigure, type Figure } from './cells.ts';
import { cell, columnIndex, councilLabel, headerKey } from './common.ts';
import { areaColumns, areaOf } from './dfe-areas.ts';
import {
  dfeColumns,
  durationMonths,
  isTotal,
  polarityOf,
  unitSuffix,
  type DfeColumns,
  type IndicatorColumn,
} from './dfe-columns.ts';
import { readTimePeriod } from './dfe-time.ts';
import type { LoadContext, LoadIndicator, LoadObservation, LoadProblem, NewMeasure, Table } from './types.ts';

export interface DfeOptions {
  /** The indicator columns to load (by column name); every one when absent. */
  indicators?: readonly string[];
}

export interface DfeRead {
  observations: LoadObservation[];
  errors: LoadProblem[];
  newMeasures: NewMeasure[];
  notLoaded: RowNotLoaded[];
  indicators: LoadIndicator[];
}

export function isDfeLayout(table: Table): boolean {
  return columnIndex(table, 'time_period') >= 0 && columnIndex(table, 'geographic_level') >= 0;
}

/** "Children looked after at 31 March each year per 10,000", "17 to 18 years – Care leaver percent". */
function measureName(indicator: IndicatorColumn, naming: string[], unit: Unit): string {
  if (naming.length === 0)
    return indicator.generic ? `${indicator.label}${unitSuffix[unit]}` : indicator.label;
  const base = naming.join(' – ');
  return indicator.generic ? `${base}${unitSuffix[unit]}` : `${base} – ${indicator.label}`;
}

function chosenIndicators(columns: DfeColumns, names: readonly string[] | undefined, errors: LoadProblem[]) {
  if (!names) return new Set(columns.indicators.map((i) => i.index));
  const chosen = new Set<number>();
  for (const name of names) {
    const found = columns.indicators.find(
      (i) => headerKey(i.header) === headerKey(name) || i.label.toLowerCase() === name.trim().toLowerCase(),
    );
    if (found) chosen.add(found.index);
    else
      errors.push({
        row: 1,
        column: name,
        message: `"${name}" is not an indicator column of this file: choose from ${columns.indicators.map((i) => i.header).join(', ')}`,
      });
  }
  return chosen;
}

/** Text for the definition of a measure the file creates. */
function definitionOf(indicator: IndicatorColumn, columns: DfeColumns, unit: Unit, unitFrom: string): string {
  const about = columns.filters.filter((f) => f.role === 'constant').map((f) => f.values[0]);
  const by = columns.filters.filter((f) => f.role === 'breakdown').map((f) => f.header);
  return [
    `As published by the Department for Education (column ${indicator.header}).`,
    about.length > 0 ? `${about.join('; ')}.` : '',
    by.length > 0 ? `Broken down by ${by.join(' and ')}.` : '',
    unitFrom === 'assumed' ? `The unit (${unit}) was assumed: the column name does not say; check it.` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

/** A figure, a code, or DfE's "years:months" duration read as months (its text kept in the note). */
function figureOf(
  text: string,
  unit: Unit,
): { ok: true; figure: Figure; note?: string } | { ok: false; message: string } {
  const months = durationMonths(text);
  if (months !== null)
    return { ok: true, figure: { value: months }, note: `Published as "${text}" (years:months)` };
  const figure = readFigure(text);
  if (!figure.ok) return figure;
  if (unit === 'months' && figure.value.value !== null)
    return { ok: false, message: `"${text}" is not a duration in years and months, such as 01:02` };
  return { ok: true, figure: figure.value };
}

export function readDfe(table: Table, context: LoadContext, options: DfeOptions = {}): DfeRead {
  const errors: LoadProblem[] = [];
  const observations: LoadObservation[] = [];
  const notLoaded: RowNotLoaded[] = [];
  const newMeasures = new Map<string, NewMeasure>();
  const columns = dfeColumns(table);
  const nothing = { observations, errors, newMeasures: [], notLoaded, indicators: [] };
  if (columns.indicators.length === 0) {
    errors.push({
      row: 1,
      column: table.headers.join(', '),
      message:
        'This DfE file has no indicator columns (no column of figures besides time and geography): it is not measure data',
    });
    return nothing;
  }
  const chosen = chosenIndicators(columns, options.indicators, errors);
  const col = {
    period: columnIndex(table, 'time_period'),
    identifier: columnIndex(table, 'time_identifier'),
  };
  const areaCol = areaColumns(table);
  const naming = columns.filters.filter((f) => f.role === 'measure');
  const breakdowns = columns.filters.filter((f) => f.role === 'breakdown');
  const rowNames = (cells: readonly string[]) => naming.map((f) => cell(cells, f.index));
  // A measure is in months when its figures are DfE durations (adoption timeliness), else the column's unit.
  const inMonths = new Set<string>();
  for (const { cells } of table.rows)
    for (const i of columns.indicators)
      if (durationMonths(cell(cells, i.index)) !== null)
        inMonths.add(`${i.index}|${rowNames(cells).join('|')}`);
  const unitFor = (i: IndicatorColumn, names: string[]) =>
    inMonths.has(`${i.index}|${names.join('|')}`)
      ? { unit: 'months' as Unit, unitFrom: 'figures' as const }
      : i.unit === 'months' && i.unitFrom === 'figures'
        ? { unit: 'count' as Unit, unitFrom: 'assumed' as const }
        : { unit: i.unit, unitFrom: i.unitFrom };
  const summary = new Map<number, LoadIndicator>();
  let councilRows = 0;
  let laRows = 0;
  let noCouncil = false;
  for (const { row, cells } of table.rows) {
    const where = areaOf(cells, areaCol, context);
    if (where.kind === 'no-council') {
      noCouncil = true;
      continue;
    }
    if (where.kind === 'not-loaded') {
      notLoaded.push({ row, reason: where.reason });
      continue;
    }
    if (where.area !== 'england' && where.area !== 'region') laRows++;
    if (where.area === 'council') councilRows++;
    const time = readTimePeriod(cell(cells, col.period), cell(cells, col.identifier));
    if (!time.ok) {
      errors.push({ row, column: 'time_period', message: time.message });
      continue;
    }
    const names = rowNames(cells);
    const parts = breakdowns.map((f) => cell(cells, f.index));
    // The total of every breakdown is the measure's own figure; "Total" stays in any other label.
    const breakdown = parts.every(isTotal) ? '' : parts.join(' – ');
    const population =
      columns.denominators.length > 0 ? readFigure(cell(cells, columns.denominators[0]!)) : null;
    let loaded = 0;
    for (const indicator of columns.indicators) {
      if (!chosen.has(indicator.index)) continue;
      const { unit, unitFrom } = unitFor(indicator, names);
      const name = measureName(indicator, names, unit);
      const existing = context.measures.get(name.toLowerCase());
      const { polarity, polarityFrom } = polarityOf(`${name} ${indicator.header}`);
      const entry = summary.get(indicator.index) ?? {
        column: indicator.header,
        measures: [],
        unit,
        unitFrom,
        polarity,
        polarityFrom,
        chosen: true,
        figures: 0,
      };
      summary.set(indicator.index, entry);
      if (!entry.measures.includes(existing?.name ?? name)) entry.measures.push(existing?.name ?? name);
      const text = cell(cells, indicator.index);
      if (text === '') continue;
      const read = figureOf(text, unit);
      if (!read.ok) {
        errors.push({ row, column: indicator.header, message: read.message });
        continue;
      }
      if (existing && existing.frequency !== 'annual') {
        errors.push({
          row,
          column: indicator.header,
          message: `The measure "${existing.name}" is ${existing.frequency}, but DfE figures are annual`,
        });
        continue;
      }
      if (!existing && !newMeasures.has(name.toLowerCase()))
        newMeasures.set(name.toLowerCase(), {
          name,
          unit,
          frequency: 'annual',
          yearEnding: time.value.yearEnding,
          polarity,
          definition: definitionOf(indicator, columns, unit, unitFrom),
          sourceSystem: 'DfE open data',
        });
      const observation: LoadObservation = {
        measureName: existing?.name ?? name,
        period: time.value.period,
        area: where.area,
        areaCode: where.areaCode,
        areaName: where.areaName,
        ...read.figure,
        row,
      };
      if (breakdown !== '') observation.breakdown = breakdown;
      if (read.note) observation.note = read.note;
      if (where.oldAreaCode !== undefined) observation.oldAreaCode = where.oldAreaCode;
      if (unit === 'rate-per-10000' && population?.ok && population.value.value !== null) {
        observation.denominator = population.value.value;
        const number = columns.indicators.find((i) => i.unit === 'count' && i.generic);
        const numerator = number ? readFigure(cell(cells, number.index)) : null;
        if (numerator?.ok && numerator.value.value !== null) observation.numerator = numerator.value.value;
      }
      observations.push(observation);
      entry.figures++;
      loaded++;
    }
    if (loaded === 0 && !errors.some((e) => e.row === row))
      notLoaded.push({ row, reason: 'No figures in this row for the chosen indicators' });
  }
  if (noCouncil)
    errors.push({
      row: 1,
      column: 'new_la_code',
      message:
        "Set the council's LA code and statistical neighbours before loading DfE files, so the loader knows which rows are yours",
    });
  else if (laRows > 0 && councilRows === 0 && errors.length === 0)
    errors.push({
      row: 1,
      column: 'new_la_code',
      message: `This file has no rows for ${councilLabel(context)}: check it is for your council`,
    });
  const indicators = columns.indicators.map(
    (i): LoadIndicator =>
      summary.get(i.index) ?? {
        column: i.header,
        measures: [...new Set(table.rows.map(({ cells }) => measureName(i, rowNames(cells), i.unit)))],
        unit: i.unit,
        unitFrom: i.unitFrom,
        ...polarityOf(i.header),
        chosen: chosen.has(i.index),
        figures: 0,
      },
  );
  return { observations, errors, newMeasures: [...newMeasures.values()], notLoaded, indicators };
}
