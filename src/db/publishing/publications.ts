/*
 * Publications, and the reads behind the public site (publishing a quarter is in
 * publications-commands.ts). A publication is written once and never changed: the public pages,
 * open data and feed show exactly what was frozen on the day.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { PublishedPlan } from '../../domain/publishing/snapshot.ts';
import { consultations, organisations, plans, publications } from '../schema.ts';

export type PublicationRow = typeof publications.$inferSelect;

export interface Publication {
  id: number;
  organisationId: number;
  planId: number;
  quarterLabel: string;
  publishedAt: Date;
  plan: PublishedPlan;
}

export const toPublication = (row: PublicationRow): Publication => ({
  id: row.id,
  organisationId: row.organisationId,
  planId: row.planId,
  quarterLabel: row.quarterLabel,
  publishedAt: row.publishedAt,
  plan: row.snapshot as unknown as PublishedPlan,
});

/**
 * Each deployment publishes for one council: the first council (by when it was set up) that has
 * published anything. Councils sharing one database would each need their own address.
 */
export async function publicOrganisationId(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      sql`exists (select 1 from ${publications} where ${publications.organisationId} = ${organisations.id})`,
    )
    .orderBy(asc(organisations.id))
    .limit(1);
  return row?.id ?? null;
}

export async function latestPublication(db: Db, organisationId: number): Promise<Publication | null> {
  const [row] = await db
    .select()
    .from(publications)
    .where(eq(publications.organisationId, organisationId))
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .limit(1);
  return row ? toPublication(row) : null;
}

export async function getPublication(
  db: Db,
  organisationId: number,
  id: number,
): Promise<Publication | null> {
  const [row] = await db
    .select()
    .from(publications)
    .where(and(eq(publications.id, id), eq(publications.organisationId, organisationId)));
  return row ? toPublication(row) : null;
}

/** Every publication, newest first, without the snapshots (the archive and the feed). */
export async function listPublications(db: Db, organisationId: number) {
  return db
    .select({
      id: publications.id,
      planId: publications.planId,
      quarterLabel: publications.quarterLabel,
      quarterStart: publications.quarterStart,
      quarterEnd: publications.quarterEnd,
      publishedAt: publications.publishedAt,
      publishedByName: publications.publishedByName,
      planTitle: sql<string>`${publications.snapshot} -> 'plan' ->> 'title'`,
    })
    .from(publications)
    .where(eq(publications.organisationId, organisationId))
    .orderBy(desc(publications.publishedAt), desc(publications.id));
}

/** Every publication with its snapshot, oldest first: progress over time for open data. */
export async function allPublications(db: Db, organisationId: number): Promise<Publication[]> {
  const rows = await db
    .select()
    .from(publications)
    .where(eq(publications.organisationId, organisationId))
    .orderBy(asc(publications.publishedAt), asc(publications.id));
  return rows.map(toPublication);
}

export interface PublicSite {
  organisationId: number | null;
  council: string;
}

/** The council this deployment publishes for: the first that has published or opened a consultation. */
export async function publicSite(db: Db): Promise<PublicSite> {
  let organisationId = await publicOrganisationId(db);
  if (organisationId === null) {
    const [row] = await db
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
  const [org] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return { organisationId, council: org?.name ?? '' };
}

/** Plans of any council with this title (ignoring case): the command line names a plan to publish. */
export async function plansTitled(db: Db, title: string) {
  return db
    .select({ id: plans.id, organisationId: plans.organisationId, title: plans.title })
    .from(plans)
    .where(eq(sql`lower(${plans.title})`, title.toLowerCase()))
    .orderBy(asc(plans.id));
}
