/*
 * The text of each searchable table, written once: the search's WHERE clause, its rank and the GIN
 * expression index in the migration must be the same expression, or PostgreSQL reads every row.
 * Titles weigh A and the rest B, so a word in a title ranks above the same word in the body.
 * `documents.test.ts` checks the migration holds exactly these expressions and that the planner
 * uses them.
 */

export interface SearchDocument {
  readonly table: string;
  /** Columns weighted A (titles), all text NOT NULL. */
  readonly titles: readonly string[];
  /** Columns weighted B (the body), all text NOT NULL. */
  readonly body: readonly string[];
}

export const searchDocuments = {
  plans: { table: 'plans', titles: ['title'], body: [] },
  priorities: {
    table: 'priorities',
    titles: ['title'],
    body: ['ambition', 'impact_for_children', 'what_we_will_do', 'sponsor_name'],
  },
  improvementAreas: { table: 'improvement_areas', titles: ['title'], body: ['source'] },
  commitments: { table: 'commitments', titles: ['text'], body: ['owner'] },
  outcomes: { table: 'outcomes', titles: ['text'], body: [] },
  highlightReports: { table: 'highlight_reports', titles: [], body: ['reason', 'completed_by'] },
  highlightReportItems: { table: 'highlight_report_items', titles: [], body: ['text'] },
  risks: { table: 'risks', titles: ['title'], body: ['cause', 'effect', 'controls', 'owner_name'] },
  measures: {
    table: 'measures',
    titles: ['name'],
    body: ['definition', 'numerator_description', 'denominator_description', 'owner', 'source_system'],
  },
} as const satisfies Record<string, SearchDocument>;

const joined = (alias: string, columns: readonly string[]) =>
  columns.map((c) => (alias ? `${alias}.${c}` : c)).join(` || ' ' || `);

const weighted = (alias: string, columns: readonly string[], weight: 'A' | 'B') =>
  `setweight(to_tsvector('english'::regconfig, ${joined(alias, columns)}), '${weight}')`;

/** The weighted tsvector of a row, with its columns qualified by `alias` ('' in the index). */
export function vectorOf(document: SearchDocument, alias = ''): string {
  const parts = [
    ...(document.titles.length ? [weighted(alias, document.titles, 'A')] : []),
    ...(document.body.length ? [weighted(alias, document.body, 'B')] : []),
  ];
  return `(${parts.join(' || ')})`;
}

/** The row's text for ts_headline: the same columns, titles first. */
export const textOf = (document: SearchDocument, alias: string) =>
  `(${joined(alias, [...document.titles, ...document.body])})`;

export const indexNameOf = (document: SearchDocument) => `${document.table}_search`;

/** The statement in the migration that indexes the document. */
export const indexStatementOf = (document: SearchDocument) =>
  `CREATE INDEX IF NOT EXISTS "${indexNameOf(document)}" ON "${document.table}" USING gin (${vectorOf(document)});`;
