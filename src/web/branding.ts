import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { firstCouncilId, getBranding, type Branding } from '../db/people/queries.ts';
import { publicSite } from '../db/publishing/queries.ts';
import { paths } from './paths.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The council whose name, logo and colour the page's header shows; null before any council exists. */
    branding: Branding | null;
  }
}

// Files and JSON carry no header, so they are spared the look-up.
const unbranded = ['/api/', '/assets/', '/static/', paths.healthz()];

/** Pages of the public site, which look the same to every visitor whoever is signed in. */
export const isPublicSite = (request: FastifyRequest) =>
  request.url === paths.public.home() || request.url.startsWith(`${paths.public.home()}/`);

/**
 * Which council a page wears: the signed-in person's own; on the public site, and for visitors
 * not signed in, the council the deployment publishes for (or the first council set up).
 */
export const branding = fp(
  (app, _options, done) => {
    app.decorateRequest('branding', null);
    app.addHook('preHandler', async (request) => {
      if (unbranded.some((prefix) => request.url.startsWith(prefix))) return;
      let organisationId = isPublicSite(request) ? null : (request.user?.organisationId ?? null);
      organisationId ??= (await publicSite(app.db)).organisationId ?? (await firstCouncilId(app.db));
      request.branding = organisationId === null ? null : await getBranding(app.db, organisationId);
    });
    done();
  },
  { name: 'branding', dependencies: ['auth', 'database'] },
);
