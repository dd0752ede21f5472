/*
 * Open data: the latest published plan as JSON, progress by priority for every quarter on the public
 * site (each at its latest version, withdrawn ones left out) as CSV, and the published measures as CSV. Column lists live here once; the schema page is built from
 * them, so the documentation cannot drift from the files.
 */
import { stringify } from 'csv-stringify/sync';
import type { Publication } from '../../db/publishing/queries.ts';
import { spreadsheetSafe } from '../../domain/spreadsheet-cell.ts';

export interface Column {
  name: string;
  type: 'integer' | 'number' | 'text' | 'date' | 'date-time';
  description: string;
}

export const progressColumns: Column[] = [
  {
    name: 'publication_id',
    type: 'integer',
    description:
      'The publication the row comes from; stable, and its page is /public/publications/{publication_id}.',
  },
  { name: 'published_at', type: 'date-time', description: 'When it was published (ISO 8601, UTC).' },
  {
    name: 'quarter',
    type: 'text',
    description: 'The financial-year quarter it reports on, e.g. "Quarter 4, 2022/23".',
  },
  { name: 'quarter_start', type: 'date', description: 'First day of that quarter (YYYY-MM-DD).' },
  { name: 'quarter_end', type: 'date', description: 'Last day of that quarter (YYYY-MM-DD).' },
  { name: 'plan_title', type: 'text', description: 'The improvement plan.' },
  { name: 'priority_number', type: 'integer', description: 'The priority’s number in the plan.' },
  { name: 'priority_title', type: 'text', description: 'The priority.' },
  { name: 'commitments', type: 'integer', description: 'Commitments ("We said") under the priority.' },
  { name: 'done', type: 'integer', description: 'Commitments done.' },
  { name: 'in_progress', type: 'integer', description: 'Commitments in progress.' },
  { name: 'not_started', type: 'integer', description: 'Commitments not started yet.' },
  {
    name: 'no_longer_planned',
    type: 'integer',
    description: 'Commitments the council has stopped, with the board’s agreement.',
  },
];

export const measureColumns: Column[] = [
  { name: 'publication_id', type: 'integer', description: 'The publication the figures come from.' },
  { name: 'quarter', type: 'text', description: 'The quarter that publication reports on.' },
  { name: 'measure', type: 'text', description: 'The measure’s name.' },
  { name: 'unit', type: 'text', description: 'count, percentage (83 means 83%), rate-per-10000 or days.' },
  {
    name: 'polarity',
    type: 'text',
    description: 'higher-is-better, lower-is-better, or context (compare, do not judge by direction).',
  },
  {
    name: 'target',
    type: 'number',
    description: 'The target, in the measure’s unit; blank when there is none.',
  },
  {
    name: 'period',
    type: 'text',
    description: 'YYYY-MM for a month, YYYY-Qn for a quarter, YYYY for a year.',
  },
  { name: 'period_label', type: 'text', description: 'The period in words.' },
  { name: 'value', type: 'number', description: 'The figure; blank when there is none.' },
  {
    name: 'suppression',
    type: 'text',
    description:
      'The published suppression code when there is no figure (c confidential, x not available, k rounds to zero, …); blank otherwise. A code is never turned into 0.',
  },
];

export const planJsonFields: { name: string; description: string }[] = [
  { name: 'publication', description: 'id, url, published_at and the quarter (label, start, end).' },
  { name: 'council, plan', description: 'The council, and the plan’s title and period.' },
  {
    name: 'progress',
    description:
      'Commitments counted by status across the plan: total, done, inProgress, notStarted, dropped.',
  },
  {
    name: 'priorities[]',
    description:
      'number, title, plainTitle (easy-read title, may be blank), ambition, sponsor, progress, commitments[].',
  },
  {
    name: 'priorities[].commitments[]',
    description:
      'reference ("3.2"), text ("We said"), plainText, status (done, in-progress, not-started, dropped), dueOn, outcomes[] ("We did": text, plainText, achievedOn).',
  },
  {
    name: 'measures[]',
    description:
      'name, definition, unit, polarity, frequency, target, series[] (period, periodLabel, value, suppression, valueText).',
  },
  { name: 'glossary[]', description: 'The acronyms spelled out on the public pages: acronym, expansion.' },
  { name: 'targetReadingAge', description: 'The reading age the council aims its easy-read text at.' },
];

export function planJson(publication: Publication, url: string) {
  const { plan } = publication;
  return {
    publication: {
      id: publication.id,
      url,
      published_at: publication.publishedAt.toISOString(),
      quarter: plan.quarter,
    },
    council: plan.council,
    plan: plan.plan,
    progress: plan.progress,
    priorities: plan.priorities,
    measures: plan.measures,
    glossary: plan.glossary.map((g) => ({ acronym: g.acronym, expansion: g.expansion })),
    targetReadingAge: plan.targetReadingAge,
  };
}

export function progressCsv(publications: Publication[]): string {
  const rows = publications.flatMap((pub) =>
    pub.plan.priorities.map((p) => [
      pub.id,
      pub.publishedAt.toISOString(),
      pub.plan.quarter.label,
      pub.plan.quarter.start,
      pub.plan.quarter.end,
      pub.plan.plan.title,
      p.number,
      p.title,
      p.progress.total,
      p.progress.done,
      p.progress.inProgress,
      p.progress.notStarted,
      p.progress.dropped,
    ]),
  );
  return stringify(rows.map(safeRow), { header: true, columns: progressColumns.map((c) => c.name) });
}

export function measuresCsv(publication: Publication | null): string {
  const rows = publication
    ? publication.plan.measures.flatMap((m) =>
        m.series.map((f) => [
          publication.id,
          publication.plan.quarter.label,
          m.name,
          m.unit,
          m.polarity,
          m.target ?? '',
          f.period,
          f.periodLabel,
          f.value ?? '',
          f.suppression ?? '',
        ]),
      )
    : [];
  return stringify(rows.map(safeRow), { header: true, columns: measureColumns.map((c) => c.name) });
}

/** Every cell of open data is read by spreadsheets: text that would run as a formula is marked as text. */
const safeRow = (row: unknown[]) => row.map(spreadsheetSafe);
