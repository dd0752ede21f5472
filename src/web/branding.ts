import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { brandingOf, type Branding } from '../db/people/queries.ts';
import { publicSite, type PublicSite } from '../db/publishing/queries.ts';
import { paths } from './paths.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The council the public site speaks for, looked up at most once per request. */
    publicSite(): Promise<PublicSite>;
    /** The council whose name, logo and colour the page's header shows; null before any council exists. */
    branding(): Promise<Branding | null>;
  }
}

/** Pages of the public site, which look the same to every visitor whoever is signed in. */
export const isPublicSite = (request: FastifyRequest) =>
  request.url === paths.public.home() || request.url.startsWith(`${paths.public.home()}/`);

const sites = new WeakMap<FastifyRequest, Promise<PublicSite>>();
const looks = new WeakMap<FastifyRequest, Promise<Branding | null>>();

/**
 * Which council a page wears: the signed-in person's own; on the public site, and for visitors
 * not signed in, the council the deployment publishes for (or the first council set up).
 * Both are asked for only by a page being rendered, so downloads, redirects and files cost no query.
 */
export const branding = fp(
  (app, _options, done) => {
    app.decorateRequest('publicSite', function (this: FastifyRequest) {
      let site = sites.get(this);
      if (!site) sites.set(this, (site = publicSite(app.db)));
      return site;
    });
    app.decorateRequest('branding', function (this: FastifyRequest) {
      let look = looks.get(this);
      if (!look) {
        const own = isPublicSite(this) ? null : (this.user?.organisationId ?? null);
        const organisationId = own ?? this.publicSite().then((site) => site.organisationId);
        // A signed-in person's council's look is kept per its data version (its changes have history).
        look =
          own !== null
            ? app.keptReads.get(this, 'branding', () => brandingOf(app.db, own))
            : Promise.resolve(organisationId).then((id) => brandingOf(app.db, id));
        looks.set(this, look);
      }
      return look;
    });
    done();
  },
  { name: 'branding', dependencies: ['auth', 'database'] },
);
