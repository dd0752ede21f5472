import type { FastifyPluginCallback } from 'fastify';
import { readPageNumber, readSearchTerm, searchPageSize } from '../../domain/search.ts';
import { authorize } from '../auth.ts';
import { toFormErrors } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { resultPagination, runSearch, searchResultTypeNames } from './results.ts';

/**
 * `/search?q=`: a plain GET form, so it works without JavaScript and a search can be bookmarked.
 * Results are only what the person may read, in their own council (src/db/search).
 */
export const searchRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get<{ Querystring: { q?: string; page?: string } }>(paths.search.pattern, async (request, reply) => {
    // Searching is part of reading the plan; what each result type may show is decided per source.
    const user = authorize(request, reply, 'read', { type: 'plan' });
    const raw = typeof request.query.q === 'string' ? request.query.q : '';
    const term = readSearchTerm(raw);
    const page = readPageNumber(request.query.page);
    const base = { title: 'Search', section: 'search', q: raw, typeNames: searchResultTypeNames };
    if (term.kind === 'empty') return reply.page('search/search.njk', base);
    if (term.kind === 'too-long') {
      const errors = toFormErrors([{ field: 'q', message: term.message }]);
      return reply.code(400).page('search/search.njk', { ...base, errors });
    }
    const results = await runSearch(app, user, term.text, page);
    const from = (page - 1) * searchPageSize + 1;
    return reply.page('search/search.njk', {
      ...base,
      title: `Search results for ‘${term.text}’`,
      term: term.text,
      results,
      from,
      to: from + results.items.length - 1,
      pagination: resultPagination(results.total, page, (n) =>
        paths.search({ q: term.text, page: n === 1 ? undefined : n }),
      ),
    });
  });
  done();
};
