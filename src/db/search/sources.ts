import { sql, type SQL } from 'drizzle-orm';
import type { ResourceType } from '../../domain/policies.ts';
import type { SearchResultType } from '../../domain/search.ts';
import { searchColumn, searchDocuments, textOf, type SearchDocument } from './documents.ts';

/*
 * Where the search looks: one entry per kind of record. Each says which rows belong to a council and
 * are in use, what a result is called and where it sits, which policy resource decides who may
 * read it, and how to tell that a person sponsors the priority it sits under. To add a source (the
 * meetings' minutes, say): add its document to documents.ts and its statements to a migration, its type
 * to searchResultTypes (src/domain/search.ts), an entry here, and its label and link in
 * src/web/search/results.ts.
 */

export interface SearchSource {
  readonly type: SearchResultType;
  /** The policy row that decides whether a person may read it (src/domain/policies.ts). */
  readonly resource: ResourceType;
  readonly document: SearchDocument;
  /** The table and its joins up to the council's organisation, the document's table as `d`. */
  readonly from: SQL;
  readonly organisationId: SQL;
  /** Rows in use: archived records, and records under an archived parent, are left out. */
  readonly live?: SQL;
  readonly id: SQL;
  readonly title: SQL;
  /** Where it sits: the plan, the meeting, the scorecard. */
  readonly context: SQL;
  /** The id the result's page is found by (an outcome's is its commitment's). */
  readonly linkId: SQL;
  /** True when the person sponsors the priority the row sits under; absent when it has none. */
  readonly sponsoredBy?: (userId: number) => SQL;
}

const priorityTitle = sql`'Priority ' || p.number || ': ' || p.title`;
const bySponsor = (userId: number) => sql`p.sponsor_user_id = ${userId}`;
/** From a highlight report (`r`) to its meeting, priority and plan. */
const reportJoins = sql.raw(
  `join board_meetings m on m.id = r.meeting_id join priorities p on p.id = r.priority_id join plans pl on pl.id = p.plan_id`,
);
const inPlan = sql.raw(`join priorities p on p.id = d.priority_id join plans pl on pl.id = p.plan_id`);

export const searchSources: readonly SearchSource[] = [
  {
    type: 'plan',
    resource: 'plan',
    document: searchDocuments.plans,
    from: sql`plans d`,
    organisationId: sql`d.organisation_id`,
    id: sql`d.id`,
    title: sql`d.title`,
    context: sql`d.period`,
    linkId: sql`d.id`,
  },
  {
    type: 'priority',
    resource: 'priority',
    document: searchDocuments.priorities,
    from: sql`priorities d join plans pl on pl.id = d.plan_id`,
    organisationId: sql`pl.organisation_id`,
    live: sql`d.archived_at is null`,
    id: sql`d.id`,
    title: sql`'Priority ' || d.number || ': ' || d.title`,
    context: sql`pl.title`,
    linkId: sql`d.id`,
    sponsoredBy: (userId) => sql`d.sponsor_user_id = ${userId}`,
  },
  {
    type: 'improvement-area',
    resource: 'improvement-area',
    document: searchDocuments.improvementAreas,
    from: sql`improvement_areas d ${inPlan}`,
    organisationId: sql`pl.organisation_id`,
    live: sql`d.archived_at is null and p.archived_at is null`,
    id: sql`d.id`,
    title: sql`d.title`,
    context: priorityTitle,
    linkId: sql`d.id`,
    sponsoredBy: bySponsor,
  },
  {
    type: 'commitment',
    resource: 'commitment',
    document: searchDocuments.commitments,
    from: sql`commitments d ${inPlan}`,
    organisationId: sql`pl.organisation_id`,
    live: sql`d.archived_at is null and p.archived_at is null`,
    id: sql`d.id`,
    title: sql`d.text`,
    context: priorityTitle,
    linkId: sql`d.id`,
    sponsoredBy: bySponsor,
  },
  {
    type: 'outcome',
    resource: 'outcome',
    document: searchDocuments.outcomes,
    from: sql`outcomes d join commitments c on c.id = d.commitment_id
      join priorities p on p.id = c.priority_id join plans pl on pl.id = p.plan_id`,
    organisationId: sql`pl.organisation_id`,
    live: sql`d.archived_at is null and c.archived_at is null and p.archived_at is null`,
    id: sql`d.id`,
    title: sql`d.text`,
    context: sql`'We said: ' || c.text`,
    linkId: sql`c.id`,
    sponsoredBy: bySponsor,
  },
  ...(['highlightReports', 'highlightReportItems'] as const).map((key): SearchSource => ({
    type: 'highlight-report',
    resource: 'highlight-report',
    document: searchDocuments[key],
    // A report is found by its own text or by any of its items' (the results keep one per report).
    from:
      key === 'highlightReports'
        ? sql`highlight_reports d join highlight_reports r on r.id = d.id ${reportJoins}`
        : sql`highlight_report_items d join highlight_reports r on r.id = d.report_id ${reportJoins}`,
    organisationId: sql`pl.organisation_id`,
    id: sql`r.id`,
    title: sql`${priorityTitle} || ' – highlight report'`,
    context: sql`'Meeting of ' || to_char(m.meeting_on, 'FMDD FMMonth YYYY')`,
    linkId: sql`r.id`,
    sponsoredBy: bySponsor,
  })),
  {
    type: 'risk',
    resource: 'risk',
    document: searchDocuments.risks,
    from: sql`risks d join plans pl on pl.id = d.plan_id`,
    organisationId: sql`pl.organisation_id`,
    id: sql`d.id`,
    title: sql`d.title`,
    context: sql`pl.title || ' risk register'`,
    linkId: sql`d.id`,
    sponsoredBy: (userId) =>
      sql`exists (select 1 from priorities sp where d.priority_ids @> jsonb_build_array(sp.id) and sp.sponsor_user_id = ${userId})`,
  },
  {
    type: 'measure',
    resource: 'measure',
    document: searchDocuments.measures,
    from: sql`measures d`,
    organisationId: sql`d.organisation_id`,
    id: sql`d.id`,
    title: sql`d.name`,
    context: sql`'Scorecard'`,
    linkId: sql`d.id`,
    sponsoredBy: (userId) =>
      sql`exists (select 1 from measure_links ml join priorities sp on sp.id = ml.priority_id where ml.measure_id = d.id and sp.sponsor_user_id = ${userId})`,
  },
  {
    type: 'minutes',
    resource: 'meeting-record',
    document: searchDocuments.minutes,
    from: sql`agenda_items d join board_meetings m on m.id = d.meeting_id join boards b on b.id = m.board_id`,
    organisationId: sql`b.organisation_id`,
    id: sql`d.id`,
    title: sql`d.title`,
    context: sql`b.name || ', ' || to_char(m.meeting_on, 'FMDD FMMonth YYYY')`,
    linkId: sql`m.id`,
  },
  {
    type: 'action',
    resource: 'meeting-action',
    document: searchDocuments.actions,
    from: sql`meeting_actions d join board_meetings m on m.id = d.meeting_id join boards b on b.id = m.board_id`,
    organisationId: sql`b.organisation_id`,
    id: sql`d.id`,
    title: sql`d.description`,
    context: sql`'Action from ' || b.name || ', ' || to_char(m.meeting_on, 'FMDD FMMonth YYYY')`,
    linkId: sql`d.id`,
  },
];

/** Who may see what of one source: all of the council's rows, only those they sponsor, or none. */
export type SourceScope = 'all' | 'sponsored' | 'none';

/** One source's matching rows: type, id, title, context, link_id, rank and the text to highlight. */
export function sourceSelect(
  source: SearchSource,
  query: SQL,
  scope: { organisationId: number; userId: number; sponsoredOnly: boolean },
): SQL {
  const vector = sql.raw(`d.${searchColumn}`);
  // A source with no priority to sponsor is left out of a sponsored-only search by the caller.
  const sponsored =
    scope.sponsoredOnly && source.sponsoredBy ? sql`and ${source.sponsoredBy(scope.userId)}` : sql``;
  return sql`select ${source.type}::text as type, ${source.id} as id, ${source.title} as title,
      ${source.context} as context, ${source.linkId} as link_id,
      ts_rank(${vector}, ${query}) as rank, ${sql.raw(textOf(source.document, 'd'))} as document
    from ${source.from}
    where ${source.organisationId} = ${scope.organisationId} ${source.live ? sql`and ${source.live}` : sql``}
      and ${vector} @@ ${query} ${sponsored}`;
}
