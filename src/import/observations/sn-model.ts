/*
 * DfE's statistical neighbour model, in the wide layout DfE publishes it: one row per council
 * (old_la_code, la_name, region_name) and for each of its ten neighbours a code column (SN_1 … SN_10,
 * old LA codes) and a closeness column (SN_1P … SN_10P: "Very close", "Close ", "Somewhat close").
 * The columns are found by their names' shape, so "SN1" or "sn_1_closeness" read the same.
 * Nothing here is written: the load keeps the model beside earlier ones.
 */
import { closenessOf } from '../../domain/measures/index.ts';
import type { ModelCouncil, NamedNeighbour, NeighbourModel } from '../../domain/measures/loads.ts';
import { cell, columnIndex, headerKey } from './common.ts';
import type { LoadContext, LoadProblem, Table } from './types.ts';

const CODE = /^sn_?(\d{1,2})$/;
const CLOSENESS = /^sn_?(\d{1,2})_?(p|closeness|band)$/;
const OLD_CODE = /^\d{3}$/;

interface NeighbourColumns {
  position: number;
  code: number;
  closeness: number;
}

function neighbourColumns(table: Table): NeighbourColumns[] {
  const codes = new Map<number, number>();
  const bands = new Map<number, number>();
  table.headers.forEach((header, i) => {
    const key = headerKey(header);
    const code = CODE.exec(key);
    if (code) codes.set(Number(code[1]), i);
    const band = CLOSENESS.exec(key);
    if (band) bands.set(Number(band[1]), i);
  });
  return [...codes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([position, code]) => ({ position, code, closeness: bands.get(position) ?? -1 }));
}

export function isSnModelLayout(table: Table): boolean {
  return (
    columnIndex(table, 'old_la_code', 'la_code') >= 0 &&
    columnIndex(table, 'time_period') < 0 &&
    neighbourColumns(table).length > 0
  );
}

/** The model's year, from the file's name (DfE names it sn_model_2025_wide.csv). */
export function modelYearOf(fileName: string): number | null {
  const year = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(fileName.split(/[\\/]/).at(-1) ?? '');
  return year ? Number(year[1]) : null;
}

export function readSnModel(
  table: Table,
  fileName: string,
  context: LoadContext,
): { model: NeighbourModel | undefined; errors: LoadProblem[] } {
  const errors: LoadProblem[] = [];
  const columns = neighbourColumns(table);
  const col = {
    code: columnIndex(table, 'old_la_code', 'la_code'),
    name: columnIndex(table, 'la_name'),
    region: columnIndex(table, 'region_name'),
  };
  const codeHeader = table.headers[col.code] ?? 'old_la_code';
  for (const c of columns)
    if (c.closeness < 0)
      errors.push({
        row: 1,
        column: table.headers[c.code] ?? '',
        message: `There is no closeness column for neighbour ${c.position} (such as SN_${c.position}P)`,
      });
  const year = modelYearOf(fileName);
  if (year === null)
    errors.push({
      row: 1,
      column: '',
      message:
        'Name the file with the model’s year, like sn_model_2025_wide.csv, so this model is kept apart from earlier ones',
    });
  const name = String(year ?? '');
  if (year !== null && (context.neighbourModels ?? []).includes(name))
    errors.push({ row: 1, column: '', message: `The ${name} statistical neighbour model is already loaded` });

  const councils: ModelCouncil[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const code = cell(cells, col.code);
    if (!OLD_CODE.test(code)) {
      errors.push({ row, column: codeHeader, message: `"${code}" is not an old LA code such as 357` });
      continue;
    }
    const earlier = rowOf.get(code);
    if (earlier !== undefined) {
      errors.push({
        row,
        column: codeHeader,
        message: `Row ${earlier} already gives the neighbours of ${code}`,
      });
      continue;
    }
    rowOf.set(code, row);
    const council: ModelCouncil = {
      laCode: code,
      name: cell(cells, col.name),
      regionName: cell(cells, col.region),
      neighbours: [],
    };
    if (council.name === '')
      errors.push({ row, column: table.headers[col.name] ?? 'la_name', message: 'Enter the council’s name' });
    for (const c of columns) {
      const neighbour = cell(cells, c.code);
      const header = table.headers[c.code] ?? '';
      if (!OLD_CODE.test(neighbour)) {
        errors.push({ row, column: header, message: `"${neighbour}" is not an old LA code such as 357` });
        continue;
      }
      if (neighbour === code) {
        errors.push({ row, column: header, message: 'A council cannot be its own neighbour' });
        continue;
      }
      const closeness = closenessOf(cell(cells, c.closeness));
      if (c.closeness >= 0 && closeness === '') {
        errors.push({ row, column: table.headers[c.closeness] ?? '', message: 'Enter the closeness band' });
        continue;
      }
      council.neighbours.push({ laCode: neighbour, closeness });
    }
    councils.push(council);
  }
  // Every neighbour must be a council the model describes, so its name is known.
  const names = new Map(councils.map((c) => [c.laCode, c.name]));
  for (const council of councils)
    for (const [i, n] of council.neighbours.entries())
      if (!names.has(n.laCode))
        errors.push({
          row: rowOf.get(council.laCode)!,
          column: table.headers[columns[i]?.code ?? -1] ?? '',
          message: `Neighbour ${n.laCode} has no row of its own in the model`,
        });

  const own = councilRow(councils, context);
  if (!context.council)
    errors.push({
      row: 1,
      column: codeHeader,
      message:
        "Set the council's LA code before loading a statistical neighbour model, so the loader knows which row is yours",
    });
  else if (!own)
    errors.push({
      row: 1,
      column: codeHeader,
      message: `The model has no row for ${context.council.name}${context.council.oldLaCode ? ` (old LA code ${context.council.oldLaCode})` : ''}: check the council's old LA code`,
    });
  const neighbours: NamedNeighbour[] = (own?.neighbours ?? []).map((n) => ({
    laCode: n.laCode,
    name: names.get(n.laCode) ?? '',
    closeness: n.closeness,
  }));
  return { model: year === null ? undefined : { name, year, councils, neighbours }, errors };
}

/** The council's own row: by its old LA code, or by its name as DfE writes it. */
export function councilRow(
  councils: readonly ModelCouncil[],
  context: LoadContext,
): ModelCouncil | undefined {
  const council = context.council;
  if (!council) return undefined;
  if (council.oldLaCode !== '') return councils.find((c) => c.laCode === council.oldLaCode);
  return councils.find((c) => c.name.toLowerCase() === council.name.toLowerCase());
}
