/*
 * The text of each searchable table, written once. Each table keeps its weighted tsvector in a
 * generated column, `search_vector`, with a GIN index on it (the migration's statements are made
 * from here, and `documents.test.ts` checks the migration holds them). A stored vector rather than an
 * index on the expression alone: ranking needs the vector of every match, and parsing the text
 * again for each (and for every row when a common word makes the planner read the whole table) cost
 * 150–400 ms for a plan 50 times the demo on PGlite. Titles weigh A and the rest B, so a word in a
 * title ranks above the same word in the body. The column is not in the Drizzle schema, so selects
 * and inserts never carry it.
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
  minutes: { table: 'agenda_items', titles: ['title'], body: ['topic', 'minutes', 'decisions'] },
  actions: { table: 'meeting_actions', titles: ['description'], body: ['owner_name'] },
} as const satisfies Record<string, SearchDocument>;

const joined = (alias: string, columns: readonly string[]) =>
  columns.map((c) => (alias ? `${alias}.${c}` : c)).join(` || ' ' || `);

const weighted = (alias: string, columns: readonly string[], weight: 'A' | 'B') =>
  `setweight(to_tsvector('english'::regconfig, ${joined(alias, columns)}), '${weight}')`;

/** The weighted tsvector of a row, as the generated column computes it. */
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

export const searchColumn = 'search_vector';

export const indexNameOf = (document: SearchDocument) => `${document.table}_search`;

/** The statements in the migration that keep and index the document's vector. */
export const migrationStatementsOf = (document: SearchDocument) => [
  `ALTER TABLE "${document.table}" ADD COLUMN IF NOT EXISTS "${searchColumn}" tsvector GENERATED ALWAYS AS ${vectorOf(document)} STORED;`,
  `CREATE INDEX IF NOT EXISTS "${indexNameOf(document)}" ON "${document.table}" USING gin ("${searchColumn}");`,
];
