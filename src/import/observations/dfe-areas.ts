/*
 * Whose figure a DfE row is, from `geographic_level` and the codes: England, the council's region,
 * the council, one of its statistical neighbours, or another council (kept: DfE's neighbour model
 * picks the neighbours out of them, and the council's rank among all councils is read from them).
 * Other regions and other geographies are rows not loaded, each with its reason.
 */
import type { ObservationArea } from '../../domain/measures/vocabulary.ts';
import { cell, columnIndex } from './common.ts';
import type { LoadContext, Table } from './types.ts';

export type RowArea =
  | { kind: 'area'; area: ObservationArea; areaCode: string; areaName: string; oldAreaCode?: string }
  | { kind: 'not-loaded'; reason: string }
  | { kind: 'no-council' };

export function areaColumns(table: Table) {
  return {
    level: columnIndex(table, 'geographic_level'),
    countryCode: columnIndex(table, 'country_code'),
    countryName: columnIndex(table, 'country_name'),
    regionCode: columnIndex(table, 'region_code'),
    region: columnIndex(table, 'region_name'),
    oldCode: columnIndex(table, 'old_la_code'),
    newCode: columnIndex(table, 'new_la_code', 'la_code'),
    laName: columnIndex(table, 'la_name'),
  };
}

type Columns = ReturnType<typeof areaColumns>;
const first = (...values: string[]) => values.find((v) => v !== '') ?? '';

export function areaOf(cells: readonly string[], col: Columns, context: LoadContext): RowArea {
  const council = context.council;
  const levelText = cell(cells, col.level);
  const level = levelText.toLowerCase();
  const code = cell(cells, col.newCode).toUpperCase();
  if (level === 'national')
    return {
      kind: 'area',
      area: 'england',
      areaCode: first(code, cell(cells, col.countryCode)),
      areaName: first(cell(cells, col.laName), cell(cells, col.countryName), 'England'),
    };
  if (level === 'regional') {
    const region = cell(cells, col.region);
    if (!council || council.regionName === '')
      return {
        kind: 'not-loaded',
        reason: `Figure for ${region || 'a region'}: set the council’s region in the comparator settings to load its region’s figures`,
      };
    if (region.toLowerCase() !== council.regionName.toLowerCase())
      return {
        kind: 'not-loaded',
        reason: `Figure for ${region || 'a region'}, not the council’s region (${council.regionName})`,
      };
    return {
      kind: 'area',
      area: 'region',
      areaCode: first(code, cell(cells, col.regionCode)),
      areaName: first(cell(cells, col.laName), region),
    };
  }
  if (level === 'local authority') {
    if (!council) return { kind: 'no-council' };
    const oldCode = cell(cells, col.oldCode);
    const own =
      (code !== '' && code === council.laCode.toUpperCase()) ||
      (council.oldLaCode !== '' && oldCode === council.oldLaCode);
    if (own) return { kind: 'area', area: 'council', areaCode: '', areaName: '' };
    const neighbour = council.neighbourCodes.some((c) => c.toUpperCase() === code || c === oldCode);
    return {
      kind: 'area',
      area: neighbour ? 'statistical-neighbour' : 'local-authority',
      areaCode: code,
      areaName: cell(cells, col.laName),
      oldAreaCode: oldCode,
    };
  }
  return {
    kind: 'not-loaded',
    reason: `A "${levelText || '(blank)'}" figure: the scorecard keeps England, the region and councils`,
  };
}
