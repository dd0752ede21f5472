/*
 * "Change how this document is read": the preview's form over a pending import's mapping. It lists
 * what the document's layout holds (heading levels, tables by their column headings, labels) with
 * what the mapping makes of each, and the lines no record took; reading the form back gives a new
 * mapping (what a template keeps) and this document's own overrides (lines dismissed or moved).
 * Works without JavaScript: one form, one button, the page drawn again from the result.
 */
import {
  mappedRecordKindNames,
  normaliseForMatch,
  recordFields,
  tableHeader,
  type HeadingRule,
  type ImportMapping,
  type LabelRule,
  type MappedRecordKind,
  type MappingOverrides,
  type TableRule,
} from '../../domain/import-mapping.ts';
import type { DocumentStructure, TableBlock } from '../../domain/document-structure.ts';
import { letterRule, minutesRule } from '../../import/mapping/suggest-prose.ts';
import {
  allDocumentKinds,
  documentKindNames,
  type DocumentKind,
  type SourceLine,
} from '../../domain/imports.ts';

type Item = { value: string; text: string; selected?: boolean };

const headingRecords: HeadingRule['record'][] = [
  'priority',
  'improvement-area',
  'highlight-report',
  'meeting',
  'section',
  'ignore',
];
const tableRecords: TableRule['record'][] = [
  'commitment',
  'action',
  'decision',
  'recommendation',
  'judgement',
  'feedback',
  'improvement-area',
  'section',
];
const labelRecords: LabelRule['record'][] = ['highlight-report', 'meeting', 'judgement', 'document'];
const labelFields: Record<LabelRule['record'], readonly string[]> = {
  'highlight-report': recordFields['highlight-report'],
  meeting: recordFields.meeting,
  judgement: recordFields.judgement,
  document: ['title', 'period'],
};
/** What an unplaced line can start: the records a line alone makes sense as. */
const lineRecords: MappedRecordKind[] = [
  'priority',
  'improvement-area',
  'commitment',
  'outcome',
  'decision',
  'action',
  'recommendation',
  'feedback',
  'section',
];

const fieldName = (field: string) => field.replace(/-/g, ' ');
const recordName = (record: string) =>
  record === 'document' ? 'the document' : mappedRecordKindNames[record as MappedRecordKind];

const options = (items: { value: string; text: string }[], current: string): Item[] =>
  items.map((i) => ({ ...i, selected: i.value === current }));

/** The distinct tables of a structure, by their column headings, in reading order. */
function tablesOf(structure: DocumentStructure): { header: string[]; headings: string[] }[] {
  const seen = new Map<string, { header: string[]; headings: string[] }>();
  for (const block of structure.blocks) {
    if (block.type !== 'table') continue;
    const header = tableHeader(block);
    if (header.length === 0 || seen.has(header.join('|'))) continue;
    seen.set(header.join('|'), { header, headings: headingsAsWritten(block) });
  }
  return [...seen.values()];
}

const headingsAsWritten = (block: TableBlock) =>
  (block.header?.cells ?? []).filter((c) => !c.merged).map((c) => c.text.trim());

function labelsOf(structure: DocumentStructure): { label: string; asWritten: string }[] {
  const seen = new Map<string, string>();
  for (const block of structure.blocks)
    if (block.type === 'label-value') {
      const label = normaliseForMatch(block.label);
      if (label && !seen.has(label)) seen.set(label, block.label.trim());
    }
  return [...seen].map(([label, asWritten]) => ({ label, asWritten }));
}

function levelsOf(structure: DocumentStructure): number[] {
  return [...new Set(structure.blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : [])))].sort(
    (a, b) => a - b,
  );
}

/** The rule a table of these headings is read by: the mapping's, as the mapper chooses it. */
function ruleForHeader(mapping: ImportMapping, header: string[]): TableRule | undefined {
  return mapping.tables.find((rule) => rule.header.every((h) => header.includes(h)));
}

/** The record a heading level becomes: its rule for every heading, else its first rule's, else none. */
function levelRecord(mapping: ImportMapping, level: number): string {
  const rules = mapping.headings.filter((rule) => rule.level === level);
  return (rules.find((rule) => !rule.match) ?? rules[0])?.record ?? '';
}

function labelValue(mapping: ImportMapping, label: string): string {
  const rule = mapping.labels.find((r) => r.labels.some((l) => normaliseForMatch(l) === label));
  return rule ? `${rule.record}:${rule.field}` : '';
}

export interface ReadingFormView {
  kind: Item[];
  headings: { name: string; level: number; items: Item[] }[];
  tables: {
    name: string;
    headings: string;
    items: Item[];
    record: string;
    columns: { name: string; heading: string; items: Item[] }[];
  }[];
  labels: { name: string; label: string; items: Item[] }[];
  lines: { name: string; line: SourceLine; items: Item[] }[];
}

/** What the form shows: every part of the layout with what it is read as now, and the unplaced lines. */
export function readingFormView(
  structure: DocumentStructure,
  mapping: ImportMapping,
  kind: DocumentKind,
  unplaced: readonly SourceLine[],
  overrides: MappingOverrides,
): ReadingFormView {
  const none = { value: '', text: 'Not read as records' };
  return {
    kind: options(
      allDocumentKinds.map((k) => ({ value: k, text: documentKindNames[k] })),
      kind,
    ),
    headings: levelsOf(structure).map((level) => ({
      name: `heading-${level}`,
      level,
      items: options(
        [none, ...headingRecords.map((r) => ({ value: r, text: mappedRecordKindNames[r] }))],
        levelRecord(mapping, level),
      ),
    })),
    tables: tablesOf(structure).map((table, t) => {
      const rule = ruleForHeader(mapping, table.header);
      const record = rule?.record ?? '';
      const fields = record ? [...recordFields[record], 'ignore'] : [];
      return {
        name: `table-${t}`,
        headings: table.headings.join(', '),
        record,
        items: options(
          [none, ...tableRecords.map((r) => ({ value: r, text: mappedRecordKindNames[r] }))],
          record,
        ),
        columns: record
          ? table.header.map((heading, c) => ({
              name: `table-${t}-column-${c}`,
              heading: table.headings[c] ?? heading,
              items: options(
                fields.map((f) => ({ value: f, text: f === 'ignore' ? 'Not imported' : fieldName(f) })),
                rule?.columns.find((col) => col.heading === heading)?.field ?? 'ignore',
              ),
            }))
          : [],
      };
    }),
    labels: labelsOf(structure).map(({ label, asWritten }, i) => ({
      name: `label-${i}`,
      label: asWritten,
      items: options(
        [
          none,
          ...labelRecords.flatMap((record) =>
            labelFields[record].map((f) => ({
              value: `${record}:${f}`,
              text: `${recordName(record)}: ${fieldName(f)}`,
            })),
          ),
        ],
        labelValue(mapping, label),
      ),
    })),
    lines: unplacedWithOverrides(structure, unplaced, overrides).map((line) => ({
      name: `line-${line.number}`,
      line,
      items: options(
        [
          { value: '', text: 'Leave it unplaced' },
          { value: 'dismiss', text: 'Dismiss it' },
          { value: 'previous', text: 'Add it to the record before it' },
          ...lineRecords.map((r) => ({ value: `new:${r}`, text: `Start a new ${mappedRecordKindNames[r]}` })),
        ],
        lineChoice(overrides, line.number),
      ),
    })),
  };
}

/** The lines to offer: those unplaced now, and those the person already dismissed or moved (to undo it). */
function unplacedWithOverrides(
  structure: DocumentStructure,
  unplaced: readonly SourceLine[],
  overrides: MappingOverrides,
): SourceLine[] {
  const chosen = new Set([...overrides.dismiss, ...overrides.move.map((m) => m.line)]);
  const numbers = new Set([...unplaced.map((l) => l.number), ...chosen]);
  return structure.lines.filter((l) => numbers.has(l.number) && l.text.trim() !== '');
}

function lineChoice(overrides: MappingOverrides, line: number): string {
  if (overrides.dismiss.includes(line)) return 'dismiss';
  const move = overrides.move.find((m) => m.line === line);
  if (!move) return '';
  return move.to.withLine !== undefined ? 'previous' : `new:${move.to.record}`;
}

type Body = Record<string, unknown>;
const valueOf = (body: Body, name: string): string | undefined => {
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The mapping and overrides a submitted form says. Parts of the layout the form did not send are left
 * as they were; a value not offered is ignored, so a forged form can only choose what the page offers.
 */
export function readReadingForm(
  body: unknown,
  structure: DocumentStructure,
  mapping: ImportMapping,
  placedBefore: (line: number) => number | undefined,
): { mapping: ImportMapping; overrides: MappingOverrides; kind: DocumentKind } {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Body;
  const next: ImportMapping = structuredClone(mapping);

  const kind = valueOf(form, 'kind');
  if (kind && (allDocumentKinds as readonly string[]).includes(kind)) next.kind = kind as DocumentKind;
  // Read as minutes or as an inspection letter: their prose then goes into the meeting or the inspection.
  if (next.kind !== mapping.kind && next.kind === 'board-minutes' && !next.minutes) {
    next.minutes = minutesRule;
    delete next.letter;
  }
  if (next.kind !== mapping.kind && next.kind === 'inspection-report' && !next.letter && !next.minutes)
    next.letter = letterRule;

  for (const level of levelsOf(structure)) {
    const chosen = valueOf(form, `heading-${level}`);
    if (chosen === undefined || chosen === levelRecord(mapping, level)) continue;
    if (chosen !== '' && !(headingRecords as string[]).includes(chosen)) continue;
    const old = next.headings.filter((r) => r.level === level);
    next.headings = next.headings.filter((r) => r.level !== level);
    if (chosen !== '')
      next.headings.push({
        level,
        record: chosen as HeadingRule['record'],
        ...(old.some((r) => r.alsoParagraphs) ? { alsoParagraphs: true } : {}),
      });
    next.headings.sort((a, b) => a.level - b.level);
  }

  tablesOf(structure).forEach((table, t) => {
    const current = ruleForHeader(next, table.header);
    const chosen = valueOf(form, `table-${t}`);
    if (chosen === undefined || (chosen !== '' && !(tableRecords as string[]).includes(chosen))) return;
    const others = next.tables.filter((r) => r !== current);
    if (chosen === '') {
      next.tables = others;
      return;
    }
    const record = chosen as TableRule['record'];
    const allowed: readonly string[] = [...recordFields[record], 'ignore'];
    const columns = table.header.map((heading, c) => {
      const sent = valueOf(form, `table-${t}-column-${c}`);
      const kept = current?.columns.find((col) => col.heading === heading)?.field;
      // A column's field is one of its record kind's; after a change of kind, choose again on the next page.
      const field = [sent, kept].find((f) => f !== undefined && allowed.includes(f)) ?? 'ignore';
      return { heading, field };
    });
    next.tables = [...others, { header: current?.header ?? table.header, record, columns }];
  });

  labelsOf(structure).forEach(({ label, asWritten }, i) => {
    const chosen = valueOf(form, `label-${i}`);
    if (chosen === undefined || chosen === labelValue(mapping, label)) return;
    // This label leaves whatever rule held it; other labels of that rule stay.
    next.labels = next.labels
      .map((r) => ({ ...r, labels: r.labels.filter((l) => normaliseForMatch(l) !== label) }))
      .filter((r) => r.labels.length > 0);
    if (chosen === '') return;
    const [record, field] = chosen.split(':') as [LabelRule['record'], string];
    if (!labelRecords.includes(record) || !labelFields[record].includes(field)) return;
    next.labels.push({ labels: [asWritten], record, field });
  });

  const overrides: MappingOverrides = { dismiss: [], move: [] };
  for (const [name, raw] of Object.entries(form)) {
    const match = /^line-(\d+)$/.exec(name);
    if (!match || typeof raw !== 'string' || raw === '') continue;
    const line = Number(match[1]);
    if (!structure.lines.some((l) => l.number === line)) continue;
    if (raw === 'dismiss') overrides.dismiss.push(line);
    else if (raw === 'previous') {
      const withLine = placedBefore(line);
      if (withLine !== undefined) overrides.move.push({ line, to: { record: 'section', withLine } });
    } else if (raw.startsWith('new:') && (lineRecords as string[]).includes(raw.slice(4)))
      overrides.move.push({ line, to: { record: raw.slice(4) as MappedRecordKind } });
  }
  return { mapping: next, overrides, kind: next.kind };
}
