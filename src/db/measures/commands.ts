/*
 * Changes to measure definitions, each with its history row (see changes.ts): create, edit at a
 * version, which priorities a measure evidences, and annotations.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  insertRecord,
  recordChange,
  systemActor,
  updateRecord,
  type Actor,
  type SaveResult,
} from '../changes.ts';
import type { Db } from '../client.ts';
import type { MeasureRow } from './series.ts';
export type { MeasureRow } from './series.ts';
import { improvementAreas, plans, priorities } from '../plan/schema.ts';
import { measureAnnotations, measureLinks, measurePlanTargets, measures, observations } from './schema.ts';

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

export interface MeasureLink {
  priorityId: number;
  /** A "what needs to improve" area under that priority, when the measure evidences one in particular. */
  improvementAreaId: number | null;
}

const linkKey = (l: MeasureLink) => `${l.priorityId}:${l.improvementAreaId ?? ''}`;

/**
 * Replaces what a measure evidences. Only the council's own priorities are kept, and an area only
 * under its own priority (an area names its priority, so a mismatched pair is corrected to it).
 */
export async function setMeasureLinks(
  db: Db,
  organisationId: number,
  measureId: number,
  links: readonly MeasureLink[],
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const priorityIds = [...new Set(links.map((l) => l.priorityId))];
    const areaIds = links.map((l) => l.improvementAreaId).filter((id): id is number => id !== null);
    const own = new Set(
      priorityIds.length === 0
        ? []
        : (
            await tx
              .select({ id: priorities.id })
              .from(priorities)
              .innerJoin(plans, eq(plans.id, priorities.planId))
              .where(and(eq(plans.organisationId, organisationId), inArray(priorities.id, priorityIds)))
          ).map((p) => p.id),
    );
    const areaPriority = new Map(
      areaIds.length === 0
        ? []
        : (
            await tx
              .select({ id: improvementAreas.id, priorityId: improvementAreas.priorityId })
              .from(improvementAreas)
              .where(inArray(improvementAreas.id, areaIds))
          ).map((a) => [a.id, a.priorityId]),
    );
    const wanted = new Map<string, MeasureLink>();
    for (const link of links) {
      const priorityId =
        link.improvementAreaId === null ? link.priorityId : areaPriority.get(link.improvementAreaId);
      if (priorityId === undefined || !own.has(priorityId)) continue;
      const kept = { priorityId, improvementAreaId: link.improvementAreaId };
      wanted.set(linkKey(kept), kept);
    }
    const before = await tx
      .select({ priorityId: measureLinks.priorityId, improvementAreaId: measureLinks.improvementAreaId })
      .from(measureLinks)
      .where(eq(measureLinks.measureId, measureId));
    const had = new Set(before.map(linkKey));
    if (wanted.size === had.size && [...wanted.keys()].every((key) => had.has(key))) return;
    await tx.delete(measureLinks).where(eq(measureLinks.measureId, measureId));
    if (wanted.size > 0)
      await tx.insert(measureLinks).values([...wanted.values()].map((l) => ({ measureId, ...l })));
    await recordChange(tx, {
      organisationId,
      recordType: 'measure',
      recordId: measureId,
      action: 'update',
      actor,
      before: { evidences: [...had].sort() },
      after: { evidences: [...wanted.keys()].sort() },
    });
  });
}

/** Replaces which priorities a measure evidences (no particular area). */
export async function setMeasurePriorities(
  db: Db,
  organisationId: number,
  measureId: number,
  priorityIds: readonly number[],
  actor: Actor,
): Promise<void> {
  await setMeasureLinks(
    db,
    organisationId,
    measureId,
    priorityIds.map((priorityId) => ({ priorityId, improvementAreaId: null })),
    actor,
  );
}

/** What happened in a period ("new front door opened"), noted against a measure, with its history row. */
export async function addAnnotation(
  db: Db,
  organisationId: number,
  measureId: number,
  input: { period: string; text: string },
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(measureAnnotations)
      .values({ measureId, period: input.period, text: input.text })
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'measure-annotation',
      recordId: row!.id,
      action: 'create',
      actor,
      before: null,
      after: row!,
    });
  });
}

/*
 * Data loads: a file of figures previewed, then loaded all or nothing (see load-apply.ts). The caller
 * parses the file (src/import/observations) and hands the reader in.
 */
export {
  applyLoad,
  confirmLoad,
  discardLoad,
  savePendingLoad,
  setComparators,
  type ComparatorInput,
  type ComparatorSaveResult,
} from './load-apply.ts';
export { contentHashOf, LoadRefusedError, type LoadResult, type ReadLoadFile } from './load-types.ts';
export { ImportActionRefusedError } from '../../domain/workflows/import.ts';
export { adoptIndicator, type AdoptResult } from './catalogue-commands.ts';

/** Adds one priority to what a measure evidences, keeping the others. */
export async function linkMeasureToPriority(
  db: Db,
  organisationId: number,
  measureId: number,
  priorityId: number,
  actor: Actor,
): Promise<void> {
  const held = await db
    .select({ priorityId: measureLinks.priorityId, improvementAreaId: measureLinks.improvementAreaId })
    .from(measureLinks)
    .where(eq(measureLinks.measureId, measureId));
  await setMeasureLinks(
    db,
    organisationId,
    measureId,
    [...held, { priorityId, improvementAreaId: null }],
    actor,
  );
}

/**
 * Figures entered outside a data load (the demo's statement figures, test builders): inserted as
 * given, with no revision kept (a load is the way to revise figures).
 */
export async function addObservations(
  db: Db,
  measureId: number,
  figures: readonly {
    period: string;
    value: number | null;
    suppression?: string | null;
    area?: string;
    note?: string;
  }[],
): Promise<void> {
  if (figures.length === 0) return;
  await db.transaction(async (tx) => {
    const [measure] = await tx
      .select({ organisationId: measures.organisationId })
      .from(measures)
      .where(eq(measures.id, measureId));
    if (!measure) throw new Error(`Measure ${measureId} does not exist`);
    await tx.insert(observations).values(
      figures.map((f) => ({
        measureId,
        period: f.period,
        value: f.value,
        suppression: f.suppression ?? null,
        area: f.area ?? 'council',
        note: f.note ?? '',
      })),
    );
    // Figures are records too: the history row moves the council's data version (kept pages).
    await recordChange(tx, {
      organisationId: measure.organisationId,
      recordType: 'measure',
      recordId: measureId,
      action: 'update',
      actor: systemActor(),
      before: null,
      after: { figuresAdded: figures.length },
    });
  });
}

export interface PlanTargetInput {
  target: number;
  targetDate: string | null;
  period: string;
  note: string;
}

/**
 * Sets one plan's own target for a measure: the first is added, later ones are versioned edits.
 * The caller has found both the measure and the plan in the council.
 */
export async function savePlanTarget(
  db: Db,
  ctx: {
    organisationId: number;
    measureId: number;
    planId: number;
    current: typeof measurePlanTargets.$inferSelect | null;
  },
  expectedVersion: number,
  input: PlanTargetInput,
  actor: Actor,
): Promise<SaveResult<typeof measurePlanTargets.$inferSelect>> {
  if (!ctx.current) {
    const record = await insertRecord(
      db,
      measurePlanTargets,
      'measure-plan-target',
      ctx.organisationId,
      { ...input, measureId: ctx.measureId, planId: ctx.planId },
      actor,
    );
    return { ok: true, record };
  }
  return updateRecord(
    db,
    measurePlanTargets,
    'measure-plan-target',
    ctx.organisationId,
    ctx.current.id,
    expectedVersion,
    input,
    actor,
  );
}
