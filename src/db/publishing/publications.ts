/*
 * Publishing a quarter, and the reads behind the public site. A publication is written once and
 * never changed: the public pages, open data and feed show exactly what was frozen on the day.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../changes.ts';
import { recordChange } from '../changes.ts';
import type { Db } from '../client.ts';
import type { Quarter } from './quarters.ts';
import { getSettings, listGlossary, toGlossary } from './settings.ts';
import { buildSnapshot, type PublishedPlan } from './snapshot.ts';
import { organisations, publications, publishingSettings } from '../schema.ts';

export type PublicationRow = typeof publications.$inferSelect;

export interface Publication {
  id: number;
  organisationId: number;
  planId: number;
  quarterLabel: string;
  publishedAt: Date;
  plan: PublishedPlan;
}

const toPublication = (row: PublicationRow): Publication => ({
  id: row.id,
  organisationId: row.organisationId,
  planId: row.planId,
  quarterLabel: row.quarterLabel,
  publishedAt: row.publishedAt,
  plan: row.snapshot as unknown as PublishedPlan,
});

export async function publishQuarter(
  db: Db,
  input: {
    organisationId: number;
    planId: number;
    quarter: Quarter;
    measureIds: number[];
    actor: Actor;
    /** When it is published: the figures are those known then. */
    publishedAt: Date;
  },
): Promise<Publication> {
  const settings = await getSettings(db, input.organisationId);
  const glossary = toGlossary(await listGlossary(db, input.organisationId));
  const snapshot = await buildSnapshot(db, {
    organisationId: input.organisationId,
    planId: input.planId,
    quarter: { label: input.quarter.label, start: input.quarter.start, end: input.quarter.end },
    measureIds: input.measureIds,
    glossary,
    targetReadingAge: settings.targetReadingAge,
    asOf: input.publishedAt,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publications)
      .values({
        organisationId: input.organisationId,
        planId: input.planId,
        quarterLabel: input.quarter.label,
        quarterStart: input.quarter.start,
        quarterEnd: input.quarter.end,
        snapshot: snapshot as unknown as Record<string, unknown>,
        publishedBy: input.actor.userId,
        publishedByName: input.actor.name,
        publishedAt: input.publishedAt,
      })
      .returning();
    // The chosen measures become the default for the next quarter.
    await tx
      .update(publishingSettings)
      .set({ publicMeasureIds: input.measureIds })
      .where(eq(publishingSettings.organisationId, input.organisationId));
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'publication',
      recordId: row!.id,
      action: 'create',
      actor: input.actor,
      before: null,
      after: { planId: input.planId, quarterLabel: input.quarter.label },
    });
    return toPublication(row!);
  });
}

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
