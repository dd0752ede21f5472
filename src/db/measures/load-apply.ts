/*
 * Confirming a load is the only way figures change, so it runs as one transaction: a file with a
 * problem writes nothing, and the same content confirmed twice is written once.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { insertRecord, type Actor } from '../changes.ts';
import type { Db } from '../client.ts';
import { writeFigures } from './load-figures.ts';
import { findLoadedByHash, readLoad } from './load-preview.ts';
import { contentHashOf, LoadRefusedError, reportOf, type LoadResult } from './load-types.ts';
import { dataLoads, measures, observationRevisions, observations } from './schema.ts';

/**
 * Reads the file again inside the transaction (the council's measures may have changed since the
 * preview) and writes every figure, or nothing when any row has a problem.
 */
export async function applyLoad(
  db: Db,
  input: { organisationId: number; fileName: string; bytes: Buffer; actor: Actor; pendingId?: number },
): Promise<LoadResult> {
  const contentHash = contentHashOf(input.bytes);
  return db.transaction(async (tx) => {
    // One load at a time per council, so the same file confirmed twice is written once.
    await tx.execute(sql`select pg_advisory_xact_lock(7302, ${input.organisationId})`);
    const parsed = await readLoad(tx, input.organisationId, input.fileName, input.bytes);
    const report = reportOf(parsed);
    const already = await findLoadedByHash(tx, input.organisationId, contentHash);
    if (already) return { outcome: 'already-loaded', loadId: already.id, report };
    if (parsed.errors.length > 0) throw new LoadRefusedError(report);

    for (const m of parsed.newMeasures) {
      await insertRecord(
        tx,
        measures,
        'measure',
        input.organisationId,
        {
          organisationId: input.organisationId,
          name: m.name,
          unit: m.unit,
          frequency: m.frequency,
          yearEnding: m.yearEnding ?? null,
          definition: m.definition,
          sourceSystem: m.sourceSystem,
          polarity: 'context',
        },
        input.actor,
        'import',
      );
    }
    const idRows = await tx
      .select({ id: measures.id, name: measures.name })
      .from(measures)
      .where(eq(measures.organisationId, input.organisationId));
    const ids = new Map(idRows.map((r) => [r.name.toLowerCase(), r.id]));

    const loadValues = {
      layout: parsed.layout,
      status: 'loaded' as const,
      content: null,
      rows: parsed.rows,
      observationCount: parsed.observations.length,
      measureCount: report.measures,
      loadedBy: input.actor.userId,
      actorName: input.actor.name,
      loadedAt: sql`now()`,
    };
    let loadId: number;
    if (input.pendingId !== undefined) {
      const [row] = await tx
        .update(dataLoads)
        .set(loadValues)
        .where(and(eq(dataLoads.id, input.pendingId), eq(dataLoads.status, 'pending')))
        .returning({ id: dataLoads.id });
      if (!row) throw new Error('This file is no longer waiting to be loaded');
      loadId = row.id;
    } else {
      const [row] = await tx
        .insert(dataLoads)
        .values({
          organisationId: input.organisationId,
          fileName: input.fileName,
          contentHash,
          ...loadValues,
        })
        .returning({ id: dataLoads.id });
      loadId = row!.id;
    }
    const { written, revised, unchanged } = await writeFigures(tx, loadId, ids, parsed.observations);
    await tx.update(dataLoads).set({ revisedCount: revised }).where(eq(dataLoads.id, loadId));
    return { outcome: 'loaded', loadId, report, written, revised, unchanged };
  });
}

/** Earlier figures for a measure's observations, newest first, for the measure page. */
export async function revisionsOf(db: Db, measureId: number) {
  return db
    .select({
      period: observations.period,
      area: observations.area,
      areaName: observations.areaName,
      value: observationRevisions.value,
      suppression: observationRevisions.suppression,
      revisedAt: observationRevisions.revisedAt,
      currentValue: observations.value,
      currentSuppression: observations.suppression,
    })
    .from(observationRevisions)
    .innerJoin(observations, eq(observations.id, observationRevisions.observationId))
    .where(eq(observations.measureId, measureId))
    .orderBy(desc(observationRevisions.id));
}
