/*
 * Preview: a file read and checked against the council's measures, and held as a pending load,
 * with nothing written to the figures until someone confirms it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { readObservationFile, measuresTouched } from '../../import/observations/read.ts';
import type { LoadContext, ParsedLoad } from '../../import/observations/types.ts';
import type { DbOrTx } from '../changes.ts';
import type { Db } from '../client.ts';
import { contentHashOf, type DataLoad } from './load-types.ts';
import { organisations, users } from '../people/schema.ts';
import { comparatorSettings, dataLoads, measures } from './schema.ts';

export async function loadContext(db: DbOrTx, organisationId: number): Promise<LoadContext> {
  const rows = await db
    .select({
      name: measures.name,
      frequency: measures.frequency,
      yearEnding: measures.yearEnding,
      unit: measures.unit,
    })
    .from(measures)
    .where(eq(measures.organisationId, organisationId));
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const [settings] = await db
    .select()
    .from(comparatorSettings)
    .where(eq(comparatorSettings.organisationId, organisationId));
  return {
    measures: new Map(rows.map((r) => [r.name.toLowerCase(), r])),
    council: settings
      ? {
          name: settings.laName,
          laCode: settings.laCode,
          oldLaCode: settings.oldLaCode,
          regionName: settings.regionName,
          neighbourCodes: settings.neighbourCodes,
        }
      : null,
    organisationName: organisation?.name ?? '',
  };
}

export async function setComparators(
  db: DbOrTx,
  organisationId: number,
  settings: {
    laCode: string;
    laName: string;
    oldLaCode?: string;
    regionName: string;
    neighbourCodes: string[];
  },
): Promise<void> {
  const values = { organisationId, oldLaCode: '', ...settings };
  await db
    .insert(comparatorSettings)
    .values(values)
    .onConflictDoUpdate({
      target: comparatorSettings.organisationId,
      set: { ...values, updatedAt: sql`now()` },
    });
}

export async function readLoad(
  db: DbOrTx,
  organisationId: number,
  fileName: string,
  bytes: Buffer,
): Promise<ParsedLoad> {
  return readObservationFile(bytes, fileName, await loadContext(db, organisationId));
}

export async function findLoadedByHash(
  db: DbOrTx,
  organisationId: number,
  contentHash: string,
): Promise<DataLoad | null> {
  const [row] = await db
    .select()
    .from(dataLoads)
    .where(
      and(
        eq(dataLoads.organisationId, organisationId),
        eq(dataLoads.contentHash, contentHash),
        eq(dataLoads.status, 'loaded'),
      ),
    );
  return row ?? null;
}

export async function savePendingLoad(
  db: Db,
  input: {
    organisationId: number;
    fileName: string;
    bytes: Buffer;
    parsed: ParsedLoad;
    userId: number | null;
  },
): Promise<DataLoad> {
  const [row] = await db
    .insert(dataLoads)
    .values({
      organisationId: input.organisationId,
      fileName: input.fileName,
      contentHash: contentHashOf(input.bytes),
      layout: input.parsed.layout,
      status: 'pending',
      content: input.bytes,
      rows: input.parsed.rows,
      observationCount: input.parsed.observations.length,
      measureCount: measuresTouched(input.parsed),
      loadedBy: input.userId,
    })
    .returning();
  return row!;
}

export async function findLoad(db: Db, organisationId: number, loadId: number): Promise<DataLoad | null> {
  const [row] = await db
    .select()
    .from(dataLoads)
    .where(and(eq(dataLoads.id, loadId), eq(dataLoads.organisationId, organisationId)));
  return row ?? null;
}

export async function listLoads(db: Db, organisationId: number) {
  return db
    .select({
      id: dataLoads.id,
      fileName: dataLoads.fileName,
      layout: dataLoads.layout,
      status: dataLoads.status,
      rows: dataLoads.rows,
      observationCount: dataLoads.observationCount,
      revisedCount: dataLoads.revisedCount,
      createdAt: dataLoads.createdAt,
      loadedAt: dataLoads.loadedAt,
      loadedBy: sql<string>`coalesce(${users.name}, nullif(${dataLoads.actorName}, ''), '')`,
    })
    .from(dataLoads)
    .leftJoin(users, eq(users.id, dataLoads.loadedBy))
    .where(eq(dataLoads.organisationId, organisationId))
    .orderBy(desc(dataLoads.id))
    .limit(50);
}

export async function discardLoad(db: Db, load: DataLoad): Promise<void> {
  await db
    .update(dataLoads)
    .set({ status: 'discarded', content: null })
    .where(and(eq(dataLoads.id, load.id), eq(dataLoads.status, 'pending')));
}
