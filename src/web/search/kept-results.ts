import fp from 'fastify-plugin';
import { searchState, type SearchResults } from '../../db/search/queries.ts';
import { KeptByGeneration } from '../kept-by-generation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Search results kept per generation of what a search reads (src/web/kept-by-generation.ts), for the page and the API. */
    searchResults: KeptByGeneration<SearchResults>;
  }
}

/** One cache of search results per instance, shared by `/search` and `/api/v1/search`. */
export const keptSearches = fp(
  (app, _options, done) => {
    app.decorate('searchResults', new KeptByGeneration<SearchResults>({ state: () => searchState(app.db) }));
    done();
  },
  { name: 'kept-searches', dependencies: ['database'] },
);
