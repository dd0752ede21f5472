/*
 * What every public page needs: which council's site this is, its latest publication, and the
 * page renderer with the public layout's data. Public pages never look at who is signed in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { latestPublication, type Publication, type PublicSite } from '../../db/publishing/queries.ts';

export type { PublicSite };

/** The council this deployment publishes for: the first that has published or opened a consultation. */
export function publicSite(request: FastifyRequest): Promise<PublicSite> {
  return request.publicSite();
}

export async function latestFor(app: FastifyInstance, site: PublicSite): Promise<Publication | null> {
  return site.organisationId === null ? null : latestPublication(app.db, site.organisationId);
}

/** Renders a public page; the public layout never shows who is signed in, so every visitor sees the same page. */
export function publicPage(
  reply: FastifyReply,
  template: string,
  site: PublicSite,
  data: Record<string, unknown>,
) {
  return reply.page(template, { ...data, council: site.council, publicSection: data.publicSection ?? '' });
}
