import { searchDocuments } from './documents.ts';

/*
 * What a search may find changes only when a table it reads changes: the documents, and the tables
 * it joins to name a result or to decide who may read it. Each keeps `search_state.generation`
 * moving, by a trigger that fires once per writing transaction as it commits (a deferred
 * constraint trigger: a write is counted only once it can be seen, and the counter's row is locked
 * only at commit, after the transaction's other locks, so two writers cannot deadlock on it).
 * Results kept for a generation (src/web/kept-by-generation.ts) are right while it is unchanged.
 */

/** Every table a search reads: its documents and their joins in sources.ts. */
export const searchStateTables = [
  ...Object.values(searchDocuments).map((d) => d.table),
  'board_meetings',
  'boards',
  'measure_links',
] as const;

/** The statements in the migration that make a write to `table` move the generation. */
export const stateMigrationStatementsOf = (table: string) => [
  `CREATE CONSTRAINT TRIGGER "${table}_search_state" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_state_changed();`,
  `CREATE TRIGGER "${table}_search_state_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION search_state_changed();`,
];
