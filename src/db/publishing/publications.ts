/*
 * Publications, and the reads behind the public site (publishing a quarter is in
 * publications-commands.ts). A publication's snapshot is written once and never changed: the
 * public pages, open data and feed show exactly what was frozen on the day. A quarter published
 * again is a correction, the next version; the archive and feed show each quarter once, at its
 * latest version, and the earlier versions stay readable.
 */
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { PublishedPlan } from '../../domain/publishing/snapshot.ts';
import { consultations, organisations, plans, publications } from '../schema.ts';

export type PublicationRow = typeof publications.$inferSelect;

export interface Publication {
  id: number;
  organisationId: number;
  planId: number;
  quarterLabel: string;
  quarterStart: string;
  publishedAt: Date;
  version: number;
  /** Why this version corrects an earlier one; null for a quarter's first publication. */
  correctionReason: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  plan: PublishedPlan;
}

export const toPublication = (row: PublicationRow): Publication => ({
  id: row.id,
  organisationId: row.organisationId,
  planId: row.planId,
  quarterLabel: row.quarterLabel,
  quarterStart: row.quarterStart,
  publishedAt: row.publishedAt,
  version: row.version,
  correctionReason: row.correctionReason,
  withdrawnAt: row.withdrawnAt,
  withdrawnReason: row.withdrawnReason,
  plan: row.snapshot as unknown as PublishedPlan,
});

/** No later version of the same plan's quarter exists (the newer row is aliased, so this refers to the outer row). */
const isLatestVersion = sql`not exists (select 1 from ${publications} as newer where newer.plan_id = ${publications.planId} and newer.quarter_start = ${publications.quarterStart} and newer.version > ${publications.version})`;

/** What the public site shows first: the most recently published quarter still on the site. */
export async function latestPublication(db: Db, organisationId: number): Promise<Publication | null> {
  const [row] = await db
    .select()
    .from(publications)
    .where(
      and(eq(publications.organisationId, organisationId), isNull(publications.withdrawnAt), isLatestVersion),
    )
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

const listColumns = {
  id: publications.id,
  planId: publications.planId,
  quarterLabel: publications.quarterLabel,
  quarterStart: publications.quarterStart,
  quarterEnd: publications.quarterEnd,
  publishedAt: publications.publishedAt,
  publishedByName: publications.publishedByName,
  version: publications.version,
  correctionReason: publications.correctionReason,
  withdrawnAt: publications.withdrawnAt,
  withdrawnReason: publications.withdrawnReason,
  withdrawnByName: publications.withdrawnByName,
  planTitle: sql<string>`${publications.snapshot} -> 'plan' ->> 'title'`,
};

/** Every publication, every version, newest first, without the snapshots. */
export async function listPublications(db: Db, organisationId: number) {
  return (
    db
      // The easy-read reason is the programme office's, so only this list (theirs) reads it.
      .select({ ...listColumns, easyReadReason: publications.easyReadReason })
      .from(publications)
      .where(eq(publications.organisationId, organisationId))
      .orderBy(desc(publications.publishedAt), desc(publications.id))
  );
}

export type PublicationListRow = Awaited<ReturnType<typeof listPublications>>[number];

/**
 * Each published quarter once, at its latest version, newest first (the archive and the feed),
 * with when the quarter was first published.
 */
export async function listPublishedQuarters(db: Db, organisationId: number) {
  return db
    .select({
      ...listColumns,
      firstPublishedAt:
        sql<Date>`(select min(earliest.published_at) from ${publications} as earliest where earliest.plan_id = ${publications.planId} and earliest.quarter_start = ${publications.quarterStart})`.mapWith(
          (value: string | Date) => new Date(value),
        ),
    })
    .from(publications)
    .where(and(eq(publications.organisationId, organisationId), isLatestVersion))
    .orderBy(desc(publications.publishedAt), desc(publications.id));
}

/** Every version of a plan's quarter, first published first (for the quarter's pages and the rules). */
export async function quarterVersions(db: Db, organisationId: number, planId: number, quarterStart: string) {
  return db
    .select(listColumns)
    .from(publications)
    .where(
      and(
        eq(publications.organisationId, organisationId),
        eq(publications.planId, planId),
        eq(publications.quarterStart, quarterStart),
      ),
    )
    .orderBy(asc(publications.version));
}

/** The plan's last publication (any quarter, latest published), to show what has changed since. */
export async function lastPublicationOfPlan(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<Publication | null> {
  const [row] = await db
    .select()
    .from(publications)
    .where(and(eq(publications.organisationId, organisationId), eq(publications.planId, planId)))
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .limit(1);
  return row ? toPublication(row) : null;
}

/**
 * Each quarter still on the public site once, with its snapshot, oldest first: progress over time
 * for open data. A quarter counts at its latest version (as in listPublishedQuarters), and is left
 * out when that version is withdrawn; an earlier version it replaced is never the one shown.
 */
export async function currentPublications(db: Db, organisationId: number): Promise<Publication[]> {
  const rows = await db
    .select()
    .from(publications)
    .where(
      and(eq(publications.organisationId, organisationId), isNull(publications.withdrawnAt), isLatestVersion),
    )
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
