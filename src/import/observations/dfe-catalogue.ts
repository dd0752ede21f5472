/*
 * DfE's children's social care dashboard list of indicators (summary_page_metadata.csv in DfE's
 * CSC_outcomes_and_enablers repository): one row per indicator with the outcome or enabler it is
 * filed under (accordion_text), its sub-heading, its name, the dataset and column it is drawn from,
 * its value format and the R filter expression that picks its rows. That last column holds quotes
 * inside unquoted cells (`list('x' = "children's homes")`), which strict CSV refuses, so the file
 * is read with relaxed quoting. Also recognised: DfE's LAIT data dictionary, which describes another
 * tool's measures and carries no figures, so it is refused saying what it is.
 */
import { parse } from 'csv-parse/sync';
import {
  indicatorCode,
  outcomeOfHeading,
  readFilterList,
  unitOfIndicator,
  type CatalogueIndicator,
} from '../../domain/measures/indicator-catalogue.ts';
import { headerKey } from './common.ts';
import type { LoadProblem, Table } from './types.ts';

const catalogueColumns = ['metric_display_text', 'accordion_text', 'dataset_name', 'value_column'];
const laitColumns = ['measure_code', 'measure_short', 'polarity', 'topic'];

/** The first row's column names, read leniently: enough to tell these files apart. */
export function headerOf(bytes: Buffer): string[] {
  try {
    const records: string[][] = parse(bytes.subarray(0, 64 * 1024), {
      bom: true,
      to_line: 1,
      relax_quotes: true,
      relax_column_count: true,
      trim: true,
    });
    return (records[0] ?? []).map(headerKey);
  } catch {
    return [];
  }
}

export const isDfeCatalogueHeader = (headers: readonly string[]) =>
  catalogueColumns.every((c) => headers.includes(c));

export const isLaitDictionaryHeader = (headers: readonly string[]) =>
  laitColumns.every((c) => headers.includes(c));

export const laitDictionaryMessage =
  'This is DfE’s LAIT data dictionary: it describes the measures of DfE’s local authority interactive tool (topic, polarity, source, update dates) and holds no figures. Load the figures from DfE’s open-data files, and the indicator catalogue from DfE’s dashboard list (summary_page_metadata.csv)';

/** The file as a table, its quotes read leniently (see above). */
export function readLenientCsv(bytes: Buffer): Table {
  const records: string[][] = parse(bytes, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
  });
  const [headers = [], ...rest] = records;
  return { headers, rows: rest.map((cells, i) => ({ row: i + 2, cells })) };
}

export function readDfeCatalogue(table: Table): { indicators: CatalogueIndicator[]; errors: LoadProblem[] } {
  const keys = table.headers.map(headerKey);
  const col = (name: string) => keys.indexOf(name);
  const at = (cells: readonly string[], name: string) => (cells[col(name)] ?? '').trim();
  const errors: LoadProblem[] = [];
  const indicators: CatalogueIndicator[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const name = at(cells, 'metric_display_text');
    const heading = at(cells, 'accordion_text');
    const valueColumn = at(cells, 'value_column');
    const datasetName = at(cells, 'dataset_name');
    if (!name) errors.push({ row, column: 'metric_display_text', message: 'Enter the indicator’s name' });
    if (!valueColumn)
      errors.push({ row, column: 'value_column', message: 'Enter the column it is drawn from' });
    const outcome = outcomeOfHeading(heading);
    if (heading && !outcome)
      errors.push({
        row,
        column: 'accordion_text',
        message: `"${heading}" does not name one of the National Framework’s outcomes or enablers`,
      });
    if (!name || !valueColumn) continue;
    const filters = readFilterList(at(cells, 'dimensional_filters'));
    const code = indicatorCode(datasetName, valueColumn, filters);
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      errors.push({ row, column: 'value_column', message: `Row ${earlier} already lists this indicator` });
      continue;
    }
    seen.set(code, row);
    const sortOrder = Number(at(cells, 'sort_order'));
    indicators.push({
      code,
      source: 'dfe-dashboard',
      sortOrder: Number.isInteger(sortOrder) ? sortOrder : row - 1,
      outcome,
      theme: at(cells, 'heading_text'),
      name,
      datasetName,
      valueColumn,
      filters,
      unit: unitOfIndicator(at(cells, 'value_format'), name, valueColumn),
      // The dashboard does not say which way is better: the council decides when it sets a target.
      polarity: 'context',
    });
  }
  if (table.rows.length === 0)
    errors.push({
      row: 2,
      column: table.headers[0] ?? '',
      message: 'The file has a header row but no indicators',
    });
  return { indicators, errors };
}
