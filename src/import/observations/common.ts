/* What the long and wide layouts share: finding columns, the measure, the area and the council. */
import type { ObservationArea } from '../../domain/measures/vocabulary.ts';
import type { LoadContext, LoadProblem, Table } from './types.ts';

export function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function columnIndex(table: Table, ...names: string[]): number {
  return table.headers.findIndex((h) => names.includes(headerKey(h)));
}

export function cell(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

export type MeasureInfo = NonNullable<ReturnType<LoadContext['measures']['get']>>;

export function findMeasure(
  context: LoadContext,
  name: string,
  row: number,
  column: string,
  errors: LoadProblem[],
): MeasureInfo | null {
  if (name === '') {
    errors.push({ row, column, message: 'Enter the measure name' });
    return null;
  }
  const measure = context.measures.get(name.toLowerCase());
  if (!measure)
    errors.push({
      row,
      column,
      message: `"${name}" is not one of the council's measures: add it on the scorecard first, or check the spelling`,
    });
  return measure ?? null;
}

const AREA_WORDS: Record<string, ObservationArea> = {
  '': 'council',
  council: 'council',
  'statistical neighbours': 'statistical-neighbours',
  'statistical neighbours average': 'statistical-neighbours',
  'statistical neighbour': 'statistical-neighbour',
  region: 'region',
  england: 'england',
};

export function readArea(text: string): ObservationArea | null {
  return AREA_WORDS[text.trim().toLowerCase().replace(/-/g, ' ')] ?? null;
}

export const areaHelp = 'council, statistical neighbours, statistical neighbour, region or England';

/** A row that names a council must name this one: a file for another council is refused. */
export function isThisCouncil(context: LoadContext, text: string): boolean {
  const named = text.trim().toLowerCase();
  if (named === '') return true;
  const own = [
    context.organisationName,
    context.council?.name,
    context.council?.laCode,
    context.council?.oldLaCode,
  ];
  return own.some((o) => o !== undefined && o !== '' && o.toLowerCase() === named);
}

export function councilLabel(context: LoadContext): string {
  return context.council ? `${context.council.name} (${context.council.laCode})` : context.organisationName;
}
