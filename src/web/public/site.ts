/*
 * What every public page needs: which council's site this is, its latest publication, and the
 * page renderer with the public layout's data. Public pages never look at who is signed in.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import {
  latestPublication,
  publicOrganisationId,
  type Publication,
} from '../../db/publishing/publications.ts';
import { consultations, organisations } from '../../db/schema.ts';

export interface PublicSite {
  organisationId: number | null;
  council: string;
}

/** The council this deployment publishes for: the first that has published or opened a consultation. */
export async function publicSite(app: FastifyInstance): Promise<PublicSite> {
  const published = await publicOrganisationId(app.db);
  let organisationId = published;
  if (organisationId === null) {
    const [row] = await app.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        sql`exists (select 1 from ${consultations} where ${consultations.organisationId} = ${organisations.id} and ${consultations.status} = 'open')`,
      )
      .orderBy(organisations.id)
      .limit(1);
    organisationId = row?.id ?? null;
  }
  if (organisationId === null) return { organisationId: null, council: '' };
  const [org] = await app.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return { organisationId, council: org?.name ?? '' };
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
