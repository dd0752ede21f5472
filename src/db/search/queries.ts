import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { can, type PolicyUser } from '../../domain/policies.ts';
import { highlightStart, highlightStop, type SearchResultType } from '../../domain/search.ts';
import { searchSources, sourceSelect, type SearchSource, type SourceScope } from './sources.ts';

/*
 * Full-text search over one council's plan (PostgreSQL's own: the same on PGlite and a server).
 * The term is read by websearch_to_tsquery, so people may write "quoted phrases", `or` and -not;
 * results are ranked with ts_rank (titles weigh more) and only the page shown is highlighted.
 */

export interface SearchHit {
  type: SearchResultType;
  id: number;
  title: string;
  context: string;
  /** The id the result's page is found by (an outcome's is its commitment's). */
  linkId: number;
  rank: number;
  /** ts_headline's text, matches between highlightStart and highlightStop: make HTML with snippetHtml. */
  headline: string;
}

export interface SearchResults {
  total: number;
  hits: SearchHit[];
}

export type ReadPolicy = typeof can;

/**
 * What of a source the person may read, asked of the same rule table as every page: every row of
 * the council when the rule has no condition, only rows under priorities they sponsor when it needs
 * sponsorship, otherwise nothing.
 */
export function scopeOf(user: PolicyUser, source: SearchSource, may: ReadPolicy = can): SourceScope {
  if (may(user, 'read', { type: source.resource })) return 'all';
  if (source.sponsoredBy && may(user, 'read', { type: source.resource, sponsorUserIds: [user.id] }))
    return 'sponsored';
  return 'none';
}

/**
 * What of each source the person may read, as a key: people with the same key in a council are
 * shown the same results (a sponsored scope is their own, so it carries their id).
 */
export function readScopeKey(user: PolicyUser, may: ReadPolicy = can): string {
  const scopes = searchSources.map((source) => scopeOf(user, source, may));
  return scopes.includes('sponsored') ? `${scopes.join(',')} sponsor ${user.id}` : scopes.join(',');
}

/**
 * The generation of everything a search reads (state.ts): it moves on with every committed write
 * to those tables, so results kept for one generation are right while it is unchanged. Null when
 * the database keeps none, and then nothing should be kept.
 */
export async function searchState(db: Db): Promise<string | null> {
  const result = await db.execute(sql`select generation::text as generation from search_state where id = 1`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the two drivers type execute()'s result differently
  return (result as unknown as { rows: { generation: string }[] }).rows[0]?.generation ?? null;
}

const headlineOptions = `StartSel=${highlightStart}, StopSel=${highlightStop}, MaxWords=35, MinWords=15`;

export async function searchCouncil(
  db: Db,
  input: {
    organisationId: number;
    user: PolicyUser;
    text: string;
    page: number;
    pageSize: number;
    /** The read rule; tests give a stricter one to prove the sponsored scope is applied. */
    may?: ReadPolicy;
  },
): Promise<SearchResults> {
  const query = sql`websearch_to_tsquery('english', ${input.text})`;
  const selects: SQL[] = [];
  for (const source of searchSources) {
    const scope = scopeOf(input.user, source, input.may);
    if (scope === 'none') continue;
    selects.push(
      sourceSelect(source, query, {
        organisationId: input.organisationId,
        userId: input.user.id,
        sponsoredOnly: scope === 'sponsored',
      }),
    );
  }
  if (selects.length === 0) return { total: 0, hits: [] };
  const offset = (input.page - 1) * input.pageSize;
  /*
   * One row per record (a report found by several of its items keeps its best match), counted and
   * paged on narrow rows; only the page's rows are joined back to their text and highlighted.
   */
  const result = await db.execute(sql`
    with hits as materialized (${sql.join(selects, sql` union all `)}),
    best as (select type, id, max(rank) as rank from hits group by type, id),
    page as (
      select type, id, rank, count(*) over () as total from best
      order by rank desc, type, id limit ${input.pageSize} offset ${offset}
    )
    select distinct on (page.rank, page.type, page.id) page.type, page.id, h.title, h.context, h.link_id,
      page.rank, page.total,
      ts_headline('english', translate(h.document, ${highlightStart + highlightStop}, ''), ${query}, ${headlineOptions}) as headline
    from page join hits h on h.type = page.type and h.id = page.id and h.rank = page.rank
    order by page.rank desc, page.type, page.id`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the two drivers type execute()'s result differently
  const rows = (result as unknown as { rows: Row[] }).rows;
  return {
    total: rows.length ? Number(rows[0]!.total) : input.page > 1 ? await countOnly(db, selects) : 0,
    hits: rows.map((r) => ({
      type: r.type,
      id: Number(r.id),
      title: r.title,
      context: r.context ?? '',
      linkId: Number(r.link_id),
      rank: Number(r.rank),
      headline: r.headline,
    })),
  };
}

interface Row {
  type: SearchResultType;
  id: number | string;
  title: string;
  context: string | null;
  link_id: number | string;
  rank: number | string;
  total: number | string;
  headline: string;
}

/** A page past the end has no rows to carry the count, so count alone. */
async function countOnly(db: Db, selects: SQL[]): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as total from (
      select distinct type, id from (${sql.join(selects, sql` union all `)}) hits
    ) best`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- as above
  return Number((result as unknown as { rows: { total: number }[] }).rows[0]?.total ?? 0);
}
