/*
 * Changes to measure definitions, each with its history row (see changes.ts): create, edit at a
 * version, which priorities a measure evidences, and annotations.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from './changes.ts';
import type { Db } from './client.ts';
import type { MeasureRow } from './measure-series.ts';
import { plans, priorities } from './schema-core.ts';
import { measureAnnotations, measureLinks, measures } from './schema-measures.ts';

export type MeasureInput = Omit<
  typeof measures.$inferInsert,
  'id' | 'organisationId' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function createMeasure(
  db: Db,
  organisationId: number,
  input: MeasureInput,
  actor: Actor,
): Promise<MeasureRow> {
  return insertRecord(db, measures, 'measure', organisationId, { ...input, organisationId }, actor);
}

export async function updateMeasure(
  db: Db,
  organisationId: number,
  measureId: number,
  expectedVersion: number,
  input: Partial<MeasureInput>,
  actor: Actor,
): Promise<SaveResult<MeasureRow>> {
  return updateRecord(db, measures, 'measure', organisationId, measureId, expectedVersion, input, actor);
}

/** Replaces which priorities a measure evidences; only the council's own priorities are accepted. */
export async function setMeasurePriorities(
  db: Db,
  organisationId: number,
  measureId: number,
  priorityIds: readonly number[],
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const own =
      priorityIds.length === 0
        ? []
        : await tx
            .select({ id: priorities.id })
            .from(priorities)
            .innerJoin(plans, eq(plans.id, priorities.planId))
            .where(and(eq(plans.organisationId, organisationId), inArray(priorities.id, [...priorityIds])));
    const wanted = new Set(own.map((p) => p.id));
    const before = await tx
      .select({ priorityId: measureLinks.priorityId })
      .from(measureLinks)
      .where(eq(measureLinks.measureId, measureId));
    const had = new Set(before.map((b) => b.priorityId));
    if (wanted.size === had.size && [...wanted].every((id) => had.has(id))) return;
    await tx.delete(measureLinks).where(eq(measureLinks.measureId, measureId));
    if (wanted.size > 0)
      await tx.insert(measureLinks).values([...wanted].map((priorityId) => ({ measureId, priorityId })));
    await recordChange(tx, {
      organisationId,
      recordType: 'measure',
      recordId: measureId,
      action: 'update',
      actor,
      before: { priorities: [...had].sort((a, b) => a - b) },
      after: { priorities: [...wanted].sort((a, b) => a - b) },
    });
  });
}

export async function addAnnotation(db: Db, measureId: number, period: string, text: string): Promise<void> {
  await db.insert(measureAnnotations).values({ measureId, period, text });
}
