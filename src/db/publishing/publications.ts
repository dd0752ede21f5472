/*
 * Publications, and the reads behind the public site (publishing a quarter is in
 * publications-commands.ts). A publication is written once and never changed: the public pages,
 * open data and feed show exactly what was frozen on the day.
 */
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
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

/**
 * The council this deployment publishes for: the first that has published, else the first with a
 * consultation open. One query, since every public page asks.
 */
export async function publicSite(db: Db): Promise<PublicSite> {
  const published = sql<boolean>`exists (select 1 from ${publications} where ${publications.organisationId} = ${organisations.id})`;
  const consulting = sql<boolean>`exists (select 1 from ${consultations} where ${consultations.organisationId} = ${organisations.id} and ${consultations.status} = 'open')`;
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(or(published, consulting))
    .orderBy(desc(published), asc(organisations.id))
    .limit(1);
  return row ? { organisationId: row.id, council: row.name } : { organisationId: null, council: '' };
}

/** Plans of any council with this title (ignoring case): the command line names a plan to publish. */
export async function plansTitled(db: Db, title: string) {
  return db
    .select({ id: plans.id, organisationId: plans.organisationId, title: plans.title })
    .from(plans)
    .where(eq(sql`lower(${plans.title})`, title.toLowerCase()))
    .orderBy(asc(plans.id));
}
