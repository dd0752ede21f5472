/*
 * A file of figures to a ParsedLoad: which layout, every observation, every problem. Nothing here
 * touches the database; `src/db/measure-loads.ts` writes the result all or nothing.
 */
import { isBudgetLayout, readBudget } from './budget.ts';
import { isDfeLayout, readDfe, type DfeOptions } from './dfe.ts';
import {
  headerOf,
  isDfeCatalogueHeader,
  isLaitDictionaryHeader,
  laitDictionaryMessage,
  readDfeCatalogue,
  readLenientCsv,
} from './dfe-catalogue.ts';
import { isLongLayout, readLong } from './long.ts';
import { isOfstedLayout, readOfsted } from './ofsted.ts';
import { isSnModelLayout, readSnModel } from './sn-model.ts';
import { fileKindOf, readCsv, readXlsx, UnreadableFileError } from './table.ts';
import type { RowNotLoaded } from '../../domain/inspections/load.ts';
import type {
  Layout,
  LoadIndicator,
  LoadContext,
  LoadObservation,
  LoadProblem,
  NewMeasure,
  ParsedLoad,
  Table,
} from './types.ts';
import { isWideLayout, readWide } from './wide.ts';

function duplicates(observations: readonly LoadObservation[]): LoadProblem[] {
  const first = new Map<string, number>();
  const problems: LoadProblem[] = [];
  for (const o of observations) {
    const key = `${o.measureName.toLowerCase()}|${o.breakdown ?? ''}|${o.period}|${o.area}|${o.areaCode}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, o.row);
    else
      problems.push({
        row: o.row,
        column: 'period',
        message: `Row ${earlier} already gives ${o.measureName}${o.breakdown ? ` (${o.breakdown})` : ''} for ${o.period}${o.area === 'council' ? '' : ` (${o.areaName || o.area})`}`,
      });
  }
  return problems;
}

/* A statistical neighbour model carries no figures: its councils and their neighbours. */
function readModel(table: Table, fileName: string, context: LoadContext): ParsedLoad {
  const { model, errors } = readSnModel(table, fileName, context);
  if (table.rows.length === 0)
    errors.push({
      row: 2,
      column: table.headers[0] ?? '',
      message: 'The file has a header row but no councils',
    });
  const parsed: ParsedLoad = {
    layout: 'dfe-sn-model',
    rows: table.rows.length,
    observations: [],
    newMeasures: [],
    errors: errors.sort((a, b) => a.row - b.row),
  };
  if (model) parsed.model = model;
  return parsed;
}

/* Ofsted's published judgements carry no figures: this council's inspections and their grades. */
function readJudgements(table: Table, context: LoadContext): ParsedLoad {
  const { inspections, notLoaded, errors } = readOfsted(table, context);
  if (table.rows.length === 0)
    errors.push({
      row: 2,
      column: table.headers[0] ?? '',
      message: 'The file has a header row but no inspections',
    });
  return {
    layout: 'ofsted-judgements',
    rows: table.rows.length,
    observations: [],
    newMeasures: [],
    errors: errors.sort((a, b) => a.row - b.row),
    inspections,
    notLoaded,
  };
}

/* A budget file carries no figures: each row is a quarter of one of the council's budget lines. */
function readBudgetFile(table: Table, context: LoadContext): ParsedLoad {
  const { rows, errors } = readBudget(table, context.projects ?? []);
  if (table.rows.length === 0)
    errors.push({
      row: 2,
      column: table.headers[0] ?? '',
      message: 'The file has a header row but no quarters',
    });
  return {
    layout: 'budget',
    rows: table.rows.length,
    observations: [],
    newMeasures: [],
    errors: errors.sort((a, b) => a.row - b.row),
    budget: rows,
  };
}

/** What the person chose in the preview (or on the command line). */
export type ReadOptions = DfeOptions;

function readTable(
  table: Table,
  kind: 'csv' | 'xlsx',
  context: LoadContext,
  fileName: string,
  options: ReadOptions,
): ParsedLoad {
  if (isSnModelLayout(table)) return readModel(table, fileName, context);
  if (isOfstedLayout(table)) return readJudgements(table, context);
  if (isBudgetLayout(table)) return readBudgetFile(table, context);
  let layout: Layout;
  let result: {
    observations: LoadObservation[];
    errors: LoadProblem[];
    newMeasures?: NewMeasure[];
    notLoaded?: RowNotLoaded[];
    indicators?: LoadIndicator[];
  };
  if (kind === 'csv' && isDfeLayout(table)) {
    layout = 'dfe-csv';
    result = readDfe(table, context, options);
  } else if (isLongLayout(table)) {
    layout = kind === 'csv' ? 'long-csv' : 'long-xlsx';
    result = readLong(table, context);
  } else if (isWideLayout(table)) {
    layout = kind === 'csv' ? 'wide-csv' : 'wide-xlsx';
    result = readWide(table, context);
  } else {
    return {
      layout: kind === 'csv' ? 'long-csv' : 'long-xlsx',
      rows: table.rows.length,
      observations: [],
      newMeasures: [],
      errors: [
        {
          row: 1,
          column: table.headers.join(', ') || '(none)',
          message:
            'The first row must name the columns: measure, period and value (one row per figure), measure then one column per period, a DfE open-data file, or a budget (project, financial year, quarter, planned, actual)',
        },
      ],
    };
  }
  const errors = [...result.errors, ...duplicates(result.observations)].sort((a, b) => a.row - b.row);
  if (table.rows.length === 0)
    errors.push({
      row: 2,
      column: table.headers[0] ?? '',
      message: 'The file has a header row but no figures',
    });
  const parsed: ParsedLoad = {
    layout,
    rows: table.rows.length,
    observations: result.observations,
    newMeasures: result.newMeasures ?? [],
    errors,
  };
  if (result.notLoaded) parsed.notLoaded = result.notLoaded;
  if (result.indicators) parsed.indicators = result.indicators;
  return parsed;
}

/*
 * DfE's lists about indicators rather than figures are told apart by their first row before the
 * file is read as a table: the dashboard's list needs relaxed quoting (see dfe-catalogue.ts).
 */
function readIndicatorList(bytes: Buffer): ParsedLoad | null {
  const headers = headerOf(bytes);
  const none = { observations: [], newMeasures: [] };
  if (isLaitDictionaryHeader(headers))
    return {
      layout: 'lait-data-dictionary',
      rows: 0,
      ...none,
      errors: [{ row: 1, column: '', message: laitDictionaryMessage }],
    };
  if (!isDfeCatalogueHeader(headers)) return null;
  let table: Table;
  try {
    table = readLenientCsv(bytes);
  } catch (error) {
    throw new UnreadableFileError(`The file could not be read as CSV: ${(error as Error).message}`);
  }
  const { indicators, errors } = readDfeCatalogue(table);
  return {
    layout: 'dfe-indicator-catalogue',
    rows: table.rows.length,
    ...none,
    errors,
    catalogue: indicators,
  };
}

export async function readObservationFile(
  bytes: Buffer,
  fileName: string,
  context: LoadContext,
  options: ReadOptions = {},
): Promise<ParsedLoad> {
  const kind = fileKindOf(bytes, fileName);
  try {
    const list = kind === 'csv' ? readIndicatorList(bytes) : null;
    if (list) return list;
    const table = kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
    return readTable(table, kind, context, fileName, options);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return {
      layout: kind === 'csv' ? 'long-csv' : 'long-xlsx',
      rows: 0,
      observations: [],
      newMeasures: [],
      errors: [{ row: 1, column: '', message: error.message }],
    };
  }
}

export { measuresTouched } from './types.ts';

/** The reader a data-load command is handed: this file, read against the context it is given. */
export const observationFileReader =
  (bytes: Buffer, fileName: string) =>
  (context: LoadContext): Promise<ParsedLoad> =>
    readObservationFile(bytes, fileName, context);

/** The same, with the person's choices (the indicators to load). */
export const observationFileReaderWith =
  (options: ReadOptions) =>
  (bytes: Buffer, fileName: string) =>
  (context: LoadContext): Promise<ParsedLoad> =>
    readObservationFile(bytes, fileName, context, options);
