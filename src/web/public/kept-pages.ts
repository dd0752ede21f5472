import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicSiteState } from '../../db/publishing/queries.ts';
import { PublicPageCache, type PublicResponse } from './page-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The public site's kept pages (page-cache.ts), shared by every public route of this instance. */
    publicPages: PublicPageCache;
  }
}

/**
 * Keeps the public site's pages. Any successful write on this instance may change what they show
 * (publishing, a correction, approved feedback, the council's branding), so it makes the next
 * public request ask the database again; writes on other instances are seen within the interval.
 */
export const keptPages = fp<{ freshForMs: number; monotonicMs: () => number }>(
  (app, { freshForMs, monotonicMs }, done) => {
    const cache = new PublicPageCache({ siteState: () => publicSiteState(app.db), freshForMs, monotonicMs });
    app.decorate('publicPages', cache);
    // Before the answer leaves, so the page the person is sent to next is already the new one.
    app.addHook('onSend', (request, reply, payload, next) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400)
        cache.forgetState();
      next(null, payload);
    });
    done();
  },
  { name: 'kept-pages', dependencies: ['database'] },
);

/**
 * A route handler that answers from the kept pages. A page is kept by its route and parameters
 * (never the query string, which visitors choose freely); one that fails (a publication that does
 * not exist) is not kept, so the cache holds only real pages.
 */
export function kept<Request extends FastifyRequest>(
  render: (request: Request, reply: FastifyReply) => Promise<PublicResponse>,
) {
  return (request: Request, reply: FastifyReply) =>
    request.server.publicPages.serve(
      request,
      reply,
      `${request.routeOptions.url ?? ''} ${JSON.stringify(request.params ?? {})}`,
      () => render(request, reply),
    );
}
