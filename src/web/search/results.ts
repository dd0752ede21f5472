import type { FastifyInstance } from 'fastify';
import type { CurrentUser } from '../../db/people/queries.ts';
import { readScopeKey, searchCouncil, type SearchHit } from '../../db/search/queries.ts';
import { searchPageSize, snippetHtml, snippetText, type SearchResultType } from '../../domain/search.ts';
import { paths } from '../paths.ts';

/** What each kind of result is called, in the words the council's documents use. */
export const searchResultTypeNames: Record<SearchResultType, string> = {
  plan: 'Improvement plan',
  priority: 'Priority',
  'improvement-area': 'What needs to improve',
  commitment: 'We said',
  outcome: 'We did',
  'highlight-report': 'Highlight report',
  risk: 'Risk',
  measure: 'Scorecard measure',
  minutes: 'Minutes',
  action: 'Action',
};

/** Where each kind of result opens. An outcome has no page of its own: it is listed on its commitment's. */
const linkTo: Record<SearchResultType, (linkId: number) => string> = {
  plan: (id) => paths.plan(id),
  priority: (id) => paths.priority(id),
  'improvement-area': (id) => paths.area(id),
  commitment: (id) => paths.commitment(id),
  outcome: (id) => `${paths.commitment(id)}#outcomes`,
  'highlight-report': (id) => paths.highlightReport(id),
  risk: (id) => paths.risk(id),
  measure: (id) => paths.measure(id),
  minutes: (meetingId) => paths.meetingMinutes(meetingId),
  action: (id) => paths.action(id),
};

export interface SearchResultView {
  type: SearchResultType;
  typeName: string;
  id: number;
  title: string;
  context: string;
  url: string;
  /** Escaped text with the matches in <mark>: safe to put in a page as it is. */
  snippet: string;
  snippetText: string;
  rank: number;
}

export const resultView = (hit: SearchHit): SearchResultView => ({
  type: hit.type,
  typeName: searchResultTypeNames[hit.type],
  id: hit.id,
  title: hit.title,
  context: hit.context,
  url: linkTo[hit.type](hit.linkId),
  snippet: snippetHtml(hit.headline),
  snippetText: snippetText(hit.headline),
  rank: hit.rank,
});

/** GOV.UK pagination for a page of results, or null when they fit on one. */
export function resultPagination(total: number, page: number, href: (page: number) => string) {
  const pages = Math.ceil(total / searchPageSize);
  if (pages <= 1) return null;
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 1)
      items.push({ number: n, href: href(n), current: n === page });
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true });
  }
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items,
  };
}

/**
 * The search as both the page and the API run it: the person's council, what they may read. The
 * results are kept for everyone with the same council and read scope until a write changes what a
 * search reads (kept-results.ts).
 */
export async function runSearch(
  app: FastifyInstance,
  user: CurrentUser,
  text: string,
  page: number,
): Promise<{ total: number; items: SearchResultView[] }> {
  const key = JSON.stringify([user.organisationId, readScopeKey(user), page, text]);
  const results = await app.searchResults.get(key, () =>
    searchCouncil(app.db, {
      organisationId: user.organisationId,
      user,
      text,
      page,
      pageSize: searchPageSize,
    }),
  );
  return { total: results.total, items: results.hits.map(resultView) };
}
