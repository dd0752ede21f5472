/*
 * Writes of quarterly publications, behind commands.ts. Publishing a quarter freezes the plan's
 * public fields through the snapshot allow-list: once per quarter of a plan, then only as a
 * correction with a reason (the next version). Withdrawing marks a publication as taken back, with
 * a public reason; its snapshot is never changed.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordChange, type Actor } from '../changes.ts';
import type { Db } from '../client.ts';
import { plans } from '../plan/schema.ts';
import { publications, publishingSettings } from './schema.ts';
import type { Quarter } from '../../domain/publishing/quarters.ts';
import { checkQuarterInPeriod } from '../../domain/publishing/plan-period.ts';
import { buildPublishedPlan, type PublishedPlan } from '../../domain/publishing/snapshot.ts';
import { easyReadAboveTarget } from '../../domain/publishing/plain-language.ts';
import { checkPublish, checkWithdraw } from '../../domain/workflows/publication.ts';
import { PublishingError } from './publishing-error.ts';
import { toPublication, type Publication } from './publications.ts';
import { getSettings, listGlossary, toGlossary } from './settings.ts';
import { snapshotRows } from './snapshot.ts';

export interface QuarterToPublish {
  organisationId: number;
  planId: number;
  quarter: Quarter;
  measureIds: number[];
  /** When it is published: the figures are those known then. */
  publishedAt: Date;
}

/** The snapshot publishing would store now: the preview shows it, and publishing stores it. */
export async function snapshotToPublish(db: Db, input: QuarterToPublish): Promise<PublishedPlan> {
  const settings = await getSettings(db, input.organisationId);
  const glossary = toGlossary(await listGlossary(db, input.organisationId));
  return buildPublishedPlan(
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
}

/**
 * A short digest of a snapshot (its published date aside): the preview carries it, so what is
 * published is what was previewed, or the person is asked to look again.
 */
export function snapshotFingerprint(snapshot: PublishedPlan): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 32);
}

/**
 * Freezes the public part of the plan for a quarter within the plan's period. A quarter already
 * published is refused unless this is a correction with a reason, which becomes its next version.
 */
export async function publishQuarter(
  db: Db,
  input: QuarterToPublish & {
    actor: Actor;
    correction?: boolean;
    /** Why it is corrected, shown to the public. */
    reason?: string;
    /** The fingerprint of the previewed snapshot; publishing refuses if the plan changed since. */
    previewed?: string;
    /**
     * Why the easy read is published with texts above the council's target reading age: without
     * one, such a publication is refused. Kept with the publication for the programme office.
     */
    easyReadReason?: string;
  },
): Promise<Publication> {
  const snapshot = await snapshotToPublish(db, input);
  const period = checkQuarterInPeriod(input.quarter, snapshot.plan);
  if (!period.ok) throw new PublishingError('quarter-outside-period', period.message, 'quarter');
  if (input.previewed !== undefined && input.previewed !== snapshotFingerprint(snapshot))
    throw new PublishingError(
      'preview-out-of-date',
      'The plan has changed since you checked what will be published. Check the preview again',
    );
  const reason = (input.reason ?? '').trim();
  const aboveTarget = easyReadAboveTarget(snapshot);
  const easyReadReason = aboveTarget.length > 0 ? (input.easyReadReason ?? '').trim() : '';
  return db.transaction(async (tx) => {
    // The plan's row is locked, so two people publishing the same quarter at once cannot both succeed.
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, input.planId)).for('update');
    const existing = await tx
      .select({
        id: publications.id,
        planId: publications.planId,
        quarterStart: publications.quarterStart,
        version: publications.version,
        withdrawnAt: publications.withdrawnAt,
      })
      .from(publications)
      .where(and(eq(publications.planId, input.planId), eq(publications.quarterStart, input.quarter.start)));
    const check = checkPublish(existing, input.planId, input.quarter.start, {
      correction: input.correction ?? false,
      reason,
    });
    if (!check.ok) throw publishRefusal(check.problem, input.quarter);
    // A text a child would read above the council's target is published only with a reason.
    if (aboveTarget.length > 0 && easyReadReason === '')
      throw new PublishingError(
        'easy-read-reason-needed',
        easyReadReasonMessage(aboveTarget.length, snapshot.targetReadingAge),
        'easyReadReason',
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
        version: check.version,
        correctionReason: check.correction ? reason : null,
        easyReadReason: easyReadReason || null,
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
      after: {
        planId: input.planId,
        quarterLabel: input.quarter.label,
        version: check.version,
        ...(check.correction ? { correctionReason: reason } : {}),
        ...(easyReadReason ? { easyReadReason, easyReadAboveTarget: aboveTarget.length } : {}),
      },
    });
    return toPublication(row!);
  });
}

/** "Enter why the easy read is published with 3 texts above reading age 11". */
export function easyReadReasonMessage(count: number, target: number): string {
  return `Enter why the easy read is published with ${count} ${count === 1 ? 'text' : 'texts'} above reading age ${target}`;
}

function publishRefusal(
  problem: 'already-published' | 'nothing-to-correct' | 'reason-needed',
  quarter: Quarter,
): PublishingError {
  if (problem === 'already-published')
    return new PublishingError(
      'quarter-already-published',
      `${quarter.label} has already been published. Choose another quarter, or publish a correction with a reason`,
      'quarter',
    );
  if (problem === 'nothing-to-correct')
    return new PublishingError(
      'nothing-to-correct',
      `${quarter.label} has not been published, so there is nothing to correct`,
      'correction',
    );
  return new PublishingError('correction-reason-needed', 'Enter why this is a correction', 'reason');
}

/** Takes a quarter's latest publication off the public site, saying publicly why and when. */
export async function withdrawPublication(
  db: Db,
  input: { organisationId: number; publicationId: number; reason: string; actor: Actor; withdrawnAt: Date },
): Promise<Publication> {
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(publications)
      .where(
        and(eq(publications.id, input.publicationId), eq(publications.organisationId, input.organisationId)),
      );
    if (!target) throw new PublishingError('not-found', 'Publication not found');
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, target.planId)).for('update');
    const versions = await tx
      .select({
        id: publications.id,
        planId: publications.planId,
        quarterStart: publications.quarterStart,
        version: publications.version,
        withdrawnAt: publications.withdrawnAt,
      })
      .from(publications)
      .where(and(eq(publications.planId, target.planId), eq(publications.quarterStart, target.quarterStart)));
    const check = checkWithdraw(
      versions.find((v) => v.id === target.id)!,
      versions,
      reason,
    );
    if (!check.ok)
      throw check.problem === 'reason-needed'
        ? new PublishingError('withdraw-reason-needed', 'Enter why it is being withdrawn', 'reason')
        : check.problem === 'replaced'
          ? new PublishingError(
              'transition-not-allowed',
              'A correction has replaced this version: withdraw the latest version instead',
            )
          : new PublishingError('transition-not-allowed', 'This publication has already been withdrawn');
    const [row] = await tx
      .update(publications)
      .set({
        withdrawnAt: input.withdrawnAt,
        withdrawnReason: reason,
        withdrawnBy: input.actor.userId,
        withdrawnByName: input.actor.name,
      })
      .where(eq(publications.id, target.id))
      .returning();
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'publication',
      recordId: target.id,
      action: 'update',
      actor: input.actor,
      before: { withdrawnAt: null },
      after: { withdrawnAt: input.withdrawnAt.toISOString(), withdrawnReason: reason },
    });
    return toPublication(row!);
  });
}
