/*
 * What every public page needs: which council's site this is, its latest publication, and the
 * page renderer with the public layout's data. Public pages never look at who is signed in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicResponse } from './page-cache.ts';
import { latestPublication, type Publication, type PublicSite } from '../../db/publishing/queries.ts';

export type { PublicSite };

/** The council this deployment publishes for: the first that has published or opened a consultation. */
export function publicSite(request: FastifyRequest): Promise<PublicSite> {
  return request.publicSite();
}

export async function latestFor(app: FastifyInstance, site: PublicSite): Promise<Publication | null> {
  return site.organisationId === null ? null : latestPublication(app.db, site.organisationId);
}

const publicData = (site: PublicSite, data: Record<string, unknown>) => ({
  ...data,
  council: site.council,
  publicSection: data.publicSection ?? '',
});

/**
 * Renders a public page to be kept (kept-pages.ts): the public layout never shows who is signed in,
 * so every visitor sees the same page.
 */
export async function keptPage(
  reply: FastifyReply,
  template: string,
  site: PublicSite,
  data: Record<string, unknown>,
): Promise<PublicResponse> {
  return {
    type: 'text/html; charset=utf-8',
    body: await reply.renderForEveryone(template, publicData(site, data)),
  };
}

/** Renders a public page with a form (a consultation), which carries this visitor's tokens. */
export function publicPage(
  reply: FastifyReply,
  template: string,
  site: PublicSite,
  data: Record<string, unknown>,
) {
  return reply.page(template, publicData(site, data));
}
