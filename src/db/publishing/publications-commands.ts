/*
 * Writes of quarterly publications, behind commands.ts. Publishing a quarter freezes the plan's
 * public fields through the snapshot allow-list, once per quarter of a plan.
 */
import { eq } from 'drizzle-orm';
import { recordChange, type Actor } from '../changes.ts';
import type { Db } from '../client.ts';
import { plans } from '../plan/schema.ts';
import { publications, publishingSettings } from './schema.ts';
import type { Quarter } from '../../domain/publishing/quarters.ts';
import { buildPublishedPlan } from '../../domain/publishing/snapshot.ts';
import { quarterState } from '../../domain/workflows/publication.ts';
import { PublishingError } from './publishing-error.ts';
import { toPublication, type Publication } from './publications.ts';
import { getSettings, listGlossary, toGlossary } from './settings.ts';
import { snapshotRows } from './snapshot.ts';

/**
 * Freezes the public part of the plan for a quarter. A quarter of a plan is published once: what
 * was published on a date never changes.
 */
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
  const snapshot = buildPublishedPlan(
    await snapshotRows(db, {
      organisationId: input.organisationId,
      planId: input.planId,
      quarter: { label: input.quarter.label, start: input.quarter.start, end: input.quarter.end },
      measureIds: input.measureIds,
      glossary,
      targetReadingAge: settings.targetReadingAge,
      asOf: input.publishedAt,
    }),
  );
  return db.transaction(async (tx) => {
    // The plan's row is locked, so two people publishing the same quarter at once cannot both succeed.
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, input.planId)).for('update');
    const existing = await tx
      .select({ planId: publications.planId, quarterStart: publications.quarterStart })
      .from(publications)
      .where(eq(publications.planId, input.planId));
    if (quarterState(existing, input.planId, input.quarter.start) === 'published')
      throw new PublishingError(
        'quarter-already-published',
        `${input.quarter.label} has already been published. Choose another quarter`,
        'quarter',
      );
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
