/*
 * Internal to db/plan, re-exported by commands.ts: clearing a commitment's review flag with a note,
 * and archiving or restoring a record. Each checks the version and writes its history row.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recordChange, type Actor, type SaveResult } from '../changes.ts';
import type { Commitment, Plan } from './queries.ts';
import { commitments, improvementAreas, outcomes, priorities } from './schema.ts';

/* Review flags */

/**
 * Clears a commitment's needs-review flag with the note saying how it was settled; the note is
 * kept in the history beside the flag it cleared. Refused (as a conflict) when someone changed the
 * commitment since the person loaded it.
 */
export async function resolveReview(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; commitment: Pick<Commitment, 'id'> },
  version: number,
  note: string,
  actor: Actor,
): Promise<SaveResult<Commitment>> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(commitments)
      .where(eq(commitments.id, ctx.commitment.id))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== version) return { ok: false, conflict: true, current: before };
    const [after] = await tx
      .update(commitments)
      .set({ needsReview: '', version: sql`${commitments.version} + 1`, updatedAt: sql`now()` })
      .where(eq(commitments.id, before.id))
      .returning();
    await recordChange(tx, {
      organisationId: ctx.plan.organisationId,
      recordType: 'commitment',
      recordId: before.id,
      action: 'resolve-review',
      actor,
      before,
      after: { ...after!, reviewNote: note },
    });
    return { ok: true, record: after! };
  });
}

/* Archiving */

const archivable = {
  priority: priorities,
  'improvement-area': improvementAreas,
  commitment: commitments,
  outcome: outcomes,
} as const;
export type ArchivableType = keyof typeof archivable;

/**
 * Archives a record (or restores it, `archive: false`) if still at `version`: it leaves the lists,
 * counts, packs and publications, and everything under it goes with it, but nothing is deleted.
 * The time is the database's, as for every record timestamp.
 */
export async function setArchived(
  db: Db,
  record: { organisationId: number; type: ArchivableType; id: number },
  version: number,
  archive: boolean,
  actor: Actor,
): Promise<SaveResult<{ id: number; version: number; updatedAt: Date; archivedAt: Date | null }>> {
  const table = archivable[record.type];
  // Read through the plain table type: the union of four tables is too wide for drizzle's select.
  const source: typeof commitments = table as unknown as typeof commitments;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(source).where(eq(source.id, record.id)).for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== version) return { ok: false, conflict: true, current: before };
    if ((before.archivedAt !== null) === archive) return { ok: true, record: before };
    const [after] = await tx
      .update(source)
      .set({
        archivedAt: archive ? sql`now()` : null,
        archivedBy: archive ? actor.userId : null,
        version: sql`${source.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(source.id, record.id))
      .returning();
    await recordChange(tx, {
      organisationId: record.organisationId,
      recordType: record.type,
      recordId: record.id,
      action: archive ? 'archive' : 'restore',
      actor,
      before,
      after: after!,
    });
    return { ok: true, record: after! };
  });
}
