import fp from 'fastify-plugin';
import { searchState, type SearchResults } from '../../db/search/queries.ts';
import { SearchResultCache } from './result-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Search results kept per generation of what a search reads (result-cache.ts), for the page and the API. */
    searchResults: SearchResultCache<SearchResults>;
  }
}

/** One cache of search results per instance, shared by `/search` and `/api/v1/search`. */
export const keptSearches = fp(
  (app, _options, done) => {
    app.decorate('searchResults', new SearchResultCache<SearchResults>({ state: () => searchState(app.db) }));
    done();
  },
  { name: 'kept-searches', dependencies: ['database'] },
);
