/*
 * Ofsted's published judgements of councils' children's services, one row per inspection: the
 * authority, the inspection's type and dates, a column per judgement, and the report's link. The
 * columns are found by their names' words, so "Inspection start date" and "start_date" read the
 * same. Only this council's rows are loaded; every other row is listed with the reason.
 */
import {
  frameworkInForce,
  gradeNames,
  grades,
  inspectionKey,
  type Grade,
  type InspectionKind,
  type LoadedInspection,
  type RowNotLoaded,
} from '../../domain/inspections/index.ts';
import { cell, columnIndex, headerKey, isThisCouncil } from './common.ts';
import type { LoadContext, LoadProblem, Table } from './types.ts';

const AUTHORITY = ['local_authority', 'local_authority_name', 'authority', 'la_name', 'la'];
const LA_CODE = ['la_code', 'new_la_code', 'old_la_code', 'la_code_new', 'la_code_old'];
const TYPE = ['inspection_type', 'type', 'event_type', 'type_of_inspection'];
const START = ['inspection_start_date', 'start_date', 'inspection_start', 'first_day'];
const END = ['inspection_end_date', 'end_date', 'inspection_end', 'last_day'];
const PUBLISHED = ['publication_date', 'published_date', 'date_published', 'report_published'];
const LINK = ['report_link', 'web_link', 'link', 'url', 'report_url'];

/*
 * A judgement column, by the words its header holds, and the areas it may be under each framework
 * (the first the inspection's framework has): a "children in care" column is the one combined
 * judgement of children in care and care leavers under ILACS 2018.
 */
function judgementAreas(header: string): string[] {
  const key = headerKey(header);
  const has = (...words: string[]) => words.some((w) => key.includes(w));
  if (has('overall')) return ['overall-effectiveness'];
  if (has('impact_of_leaders', 'leaders')) return ['impact-of-leaders'];
  if (has('leadership')) return ['leadership'];
  if (has('help_and_protection')) return ['help-and-protection'];
  if (has('children_in_care') && has('care_leavers')) return ['children-in-care-and-care-leavers'];
  if (has('looked_after')) return ['looked-after-and-permanence'];
  if (has('children_in_care')) return ['children-in-care', 'children-in-care-and-care-leavers'];
  if (has('care_leavers')) return ['care-leavers'];
  if (has('adoption')) return ['adoption'];
  if (has('safeguarding_board', 'lscb')) return ['safeguarding-board'];
  return [];
}

const KINDS: [RegExp, InspectionKind][] = [
  [/monitoring/i, 'monitoring-visit'],
  [/focused/i, 'focused-visit'],
  [/jtai|joint targeted/i, 'jtai'],
  [/short/i, 'ilacs-short'],
  [/standard|ilacs/i, 'ilacs-standard'],
  [/sif|single inspection|re-?inspection/i, 'sif-inspection'],
];

function kindOf(text: string): InspectionKind | null {
  return KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

function gradeOf(text: string): Grade | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '-' || t === 'n/a' || t === 'na' || t === 'not judged') return null;
  if (t.startsWith('requires improvement')) return 'requires-improvement';
  return grades.find((g) => g === t || gradeNames[g].toLowerCase() === t);
}

/** An ISO date (2023-12-04) or as Ofsted's spreadsheets write it (04/12/2023). */
function dateOf(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return null;
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? null : value;
}

/* Ofsted names a council "Tameside"; the organisation may be "Tameside Metropolitan Borough Council". */
const LOCAL_GOVERNMENT_WORDS = /\b(metropolitan|borough|city|county|district|royal|council|of|the|mbc)\b/g;
function sameAuthority(a: string, b: string): boolean {
  const plain = (s: string) =>
    s
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(LOCAL_GOVERNMENT_WORDS, '')
      .replace(/[^a-z]+/g, ' ')
      .trim();
  return plain(a) !== '' && plain(a) === plain(b);
}

const judgementColumns = (table: Table) =>
  table.headers
    .map((header, index) => ({ header, index, areas: judgementAreas(header) }))
    .filter((c) => c.areas.length > 0);

export function isOfstedLayout(table: Table): boolean {
  return (
    columnIndex(table, ...AUTHORITY) >= 0 &&
    columnIndex(table, ...START) >= 0 &&
    columnIndex(table, ...TYPE) >= 0 &&
    columnIndex(table, 'time_period') < 0 &&
    judgementColumns(table).length > 0
  );
}

export function readOfsted(
  table: Table,
  context: LoadContext,
): { inspections: LoadedInspection[]; notLoaded: RowNotLoaded[]; errors: LoadProblem[] } {
  const col = {
    authority: columnIndex(table, ...AUTHORITY),
    code: columnIndex(table, ...LA_CODE),
    type: columnIndex(table, ...TYPE),
    start: columnIndex(table, ...START),
    end: columnIndex(table, ...END),
    published: columnIndex(table, ...PUBLISHED),
    link: columnIndex(table, ...LINK),
  };
  const header = (i: number) => table.headers[i] ?? '';
  const judgements = judgementColumns(table);
  const recorded = new Set(context.recordedInspections ?? []);
  const seen = new Map<string, number>();
  const inspections: LoadedInspection[] = [];
  const notLoaded: RowNotLoaded[] = [];
  const errors: LoadProblem[] = [];

  for (const { row, cells } of table.rows) {
    const authority = cell(cells, col.authority);
    const code = cell(cells, col.code);
    const ours =
      authority !== '' &&
      (isThisCouncil(context, authority) ||
        (code !== '' && isThisCouncil(context, code)) ||
        [context.organisationName, context.council?.name ?? ''].some((own) => sameAuthority(own, authority)));
    if (!ours) {
      notLoaded.push({ row, reason: `For ${authority || 'no authority named'}, not this council` });
      continue;
    }
    const problem = (column: number, message: string) =>
      errors.push({ row, column: header(column), message });
    const typeText = cell(cells, col.type);
    const kind = kindOf(typeText);
    if (!kind) problem(col.type, `"${typeText}" is not a type of inspection or visit Wesaid knows`);
    const date = (column: number, label: string, required: boolean) => {
      const text = cell(cells, column);
      if (text === '') {
        if (required) problem(column, `Enter the ${label}`);
        return null;
      }
      const value = dateOf(text);
      if (!value) problem(column, `"${text}" is not a date such as 2023-12-04 or 04/12/2023`);
      return value;
    };
    const startDate = date(col.start, 'inspection start date', true);
    const endDate = date(col.end, 'inspection end date', false);
    const publishedDate = date(col.published, 'publication date', false);
    if (startDate && endDate && endDate < startDate)
      problem(col.end, 'The end date is before the start date');
    const framework = startDate ? frameworkInForce(startDate) : undefined;
    if (startDate && !framework) problem(col.start, 'No Ofsted framework was in force on that date');
    const found: { area: string; grade: Grade }[] = [];
    for (const j of judgements) {
      const text = cell(cells, j.index);
      const grade = gradeOf(text);
      if (grade === undefined) {
        problem(
          j.index,
          `"${text}" is not a grade: outstanding, good, requires improvement to be good or inadequate`,
        );
        continue;
      }
      if (grade === null || !framework) continue;
      const area = j.areas.find((a) => framework.areas.some((fa) => fa.code === a));
      if (!area) {
        problem(j.index, `${framework.name} does not judge this area`);
        continue;
      }
      found.push({ area, grade });
    }
    if (!kind || !startDate || !framework || errors.some((e) => e.row === row)) continue;
    const key = inspectionKey(kind, startDate);
    if (recorded.has(key)) {
      notLoaded.push({ row, reason: 'Already recorded: an inspection of this type starting that day' });
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(col.start, `Row ${earlier} already gives this inspection`);
      continue;
    }
    seen.set(key, row);
    inspections.push({
      row,
      kind,
      frameworkVersion: framework.code,
      startDate,
      endDate,
      publishedDate,
      link: cell(cells, col.link),
      judgements: found,
    });
  }
  return { inspections, notLoaded, errors };
}
