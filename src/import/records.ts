/**
 * The import as a flat list of the records it would create, each with the source lines it was read
 * from, so that an import can be checked line by line: by `import --dry-run --json`, by the preview's
 * CSV and XLSX downloads, and by tests. The list follows the writer (src/db/imports/writer.ts): the
 * same record types, and the same merging of a priority, area, measure or figure named twice.
 *
 * Each non-blank line belongs to one record at most. A line read into several records (a sentence
 * that is a measure and holds its figures, a header row that names the priority and starts its
 * report) belongs to the first of them in the writer's order, and the others list it in
 * `sharedLines`; so across `lines`, the page furniture and the unplaced lines each line counts once.
 */
import type { ImportSummary } from './recognise.ts';
import { Drafts } from './records-drafts.ts';
import { proseRecords } from './records-prose.ts';
import { feedbackKindOf, type ImportedDocument, type ImportedRag, type ListItem } from './types.ts';

/** Field names of each record type, in column order. The names are stable: docs/imports.md lists them. */
export const recordFields = {
  plan: ['title', 'period'],
  priority: ['number', 'title', 'ambition', 'sponsor', 'impactForChildren', 'whatWeWillDo'],
  'improvement-area': ['title', 'source'],
  commitment: ['text', 'status', 'needsReview'],
  outcome: ['text'],
  standard: ['group', 'title', 'text'],
  'highlight-report': [
    'previousRag',
    'previousRagDefinition',
    'rag',
    'ragDefinition',
    'reason',
    'completedBy',
    'meetingLabel',
    'meetingDate',
  ],
  'highlight-report-item': ['section', 'area', 'depth', 'text'],
  measure: ['title', 'unit', 'rolling12Months', 'text'],
  observation: ['period', 'value'],
  feedback: ['kind', 'source', 'text', 'response', 'attribution'],
  section: ['key', 'title', 'text', 'items'],
  meeting: ['title', 'meetingDate', 'dateText'],
  'agenda-item': ['reference', 'title', 'text'],
  decision: ['reference', 'text'],
  'meeting-action': ['text', 'owner', 'due', 'dueOn'],
  'meeting-attendee': ['title', 'role', 'attendance'],
  inspection: ['kind', 'startDate', 'endDate', 'publishedDate', 'focus', 'text'],
  'inspection-judgement': ['area', 'grade'],
  'inspection-finding': ['kind', 'number', 'text', 'under'],
} as const;

export type RecordType = keyof typeof recordFields;
export const recordTypes = Object.keys(recordFields) as RecordType[];

export type FieldValue = string | number | boolean | null;

export interface ImportRecord {
  type: RecordType;
  /** Source lines (1-based, in the text as read) this record was read from and no earlier record was. */
  lines: number[];
  /** Source lines this record was also read from, which belong to an earlier record of the list. */
  sharedLines: number[];
  fields: Record<string, FieldValue>;
  /** Index in the list of the record this one sits under (a priority's plan, an outcome's commitment). */
  parent: number | null;
}

/** What `import --dry-run --json` prints for a document read: the summary, its furniture and records. */
export function dryRunReport(document: ImportedDocument, summary: ImportSummary) {
  return {
    ...summary,
    furniture: document.pageFurniture.map((line) => line.number),
    records: importRecords(document),
  };
}

/** The records an import of this document would create, in document order; parents come first. */
export function importRecords(doc: ImportedDocument): ImportRecord[] {
  const drafts = new Drafts();
  const needsPlan = doc.priorities.length > 0 || doc.highlightReports.length > 0 || doc.standards.length > 0;
  const plan = needsPlan
    ? drafts.add('plan', doc.titleLines ?? [], { title: planTitle(doc), period: doc.period ?? null }, null)
    : null;

  for (const p of doc.priorities) {
    const priority = drafts.priority(plan, p.number, [...p.lines, ...itemLines(p.whatWeWillDo)], {
      title: p.title,
      ambition: p.ambition ?? null,
      sponsor: p.sponsor ?? null,
      impactForChildren: p.impactForChildren.join('\n'),
      whatWeWillDo: flatten(p.whatWeWillDo)
        .map((i) => i.text)
        .join('\n'),
    });
    for (const a of p.areas) drafts.area(priority, a.title, a.source ?? null, a.lines);
    for (const c of p.commitments) {
      const commitment = drafts.add(
        'commitment',
        c.lines,
        {
          text: c.text,
          status: c.outcomes.length ? 'done' : 'not-started',
          needsReview: c.needsReview ?? null,
        },
        priority,
      );
      for (const o of c.outcomes) drafts.add('outcome', o.lines, { text: o.text }, commitment);
    }
  }
  for (const s of doc.standards)
    drafts.add('standard', s.lines, { group: s.group, title: s.name, text: s.description ?? null }, plan);

  for (const r of doc.highlightReports) {
    const priority = drafts.priority(plan, r.priorityNumber, [], {
      title: r.priorityTitle,
      ambition: null,
      sponsor: r.sponsor,
      impactForChildren: '',
      whatWeWillDo: '',
    });
    const report = drafts.add(
      'highlight-report',
      r.lines,
      {
        previousRag: r.previousRag?.status ?? null,
        previousRagDefinition: ragDefinition(r.previousRag),
        rag: r.currentRag?.status ?? null,
        ragDefinition: ragDefinition(r.currentRag),
        reason: r.reason,
        completedBy: r.completedBy,
        meetingLabel: r.meetingLabel,
        meetingDate: r.meetingDate,
      },
      priority,
    );
    for (const a of r.areas) {
      drafts.area(priority, a.title, null, a.lines);
      for (const [section, list] of [
        ['progress', a.progress],
        ['next-period', a.nextPeriod],
      ] as const)
        for (const item of flatten(list))
          drafts.add(
            'highlight-report-item',
            item.lines,
            { section, area: a.title.trim(), depth: item.depth, text: item.text },
            report,
          );
    }
  }

  for (const m of doc.measures) {
    const measure = drafts.once(`measure\u0000${m.name.toLowerCase()}`, m.lines, () =>
      drafts.add(
        'measure',
        m.lines,
        { title: m.name, unit: m.unit, rolling12Months: m.rolling12Months ?? false, text: m.statement },
        null,
      ),
    );
    for (const o of m.observations)
      drafts.once(`observation\u0000${m.name.toLowerCase()}\u0000${o.period}`, o.lines, () =>
        drafts.add('observation', o.lines, { period: o.period, value: o.value }, measure),
      );
  }
  for (const f of doc.feedback)
    drafts.add(
      'feedback',
      f.lines,
      {
        kind: feedbackKindOf(f, doc.kind),
        source: f.source,
        text: f.said,
        response: f.response ?? null,
        attribution: f.attribution ?? null,
      },
      plan,
    );
  for (const s of doc.sections)
    drafts.add(
      'section',
      [...s.lines, ...itemLines(s.items)],
      {
        key: s.key,
        title: s.heading,
        text: s.text,
        items: flatten(s.items)
          .map((i) => `${'  '.repeat(i.depth)}- ${i.text}`)
          .join('\n'),
      },
      null,
    );
  proseRecords(doc, drafts);
  return drafts.inDocumentOrder();
}

/** The plan a highlight report pack belongs to is its programme: its title without the report's name. */
function planTitle(doc: ImportedDocument): string {
  const title =
    doc.kind === 'highlight-report-pack'
      ? doc.title.replace(/\s*[–-]\s*highlight report\b.*$/i, '')
      : doc.title;
  return title.trim() || 'Imported plan';
}

function ragDefinition(rag: ImportedRag | undefined): string | null {
  return rag ? [rag.label ? `(${rag.label})` : '', rag.definition].filter(Boolean).join(' ') : null;
}

function flatten(items: ListItem[], depth = 0): { text: string; depth: number; lines: number[] }[] {
  return items.flatMap((item) => [
    { text: item.text, depth, lines: item.lines },
    ...flatten(item.children, depth + 1),
  ]);
}

function itemLines(items: ListItem[]): number[] {
  return flatten(items).flatMap((i) => i.lines);
}
