import { asc, eq } from 'drizzle-orm';
import { recordChange, type Actor } from '../changes.ts';
import type { Db } from '../client.ts';
import { ragStatuses } from '../schema.ts';
import { defaultCouncilRagScale, type CouncilRagStatus } from '../../domain/council-rag-scale.ts';

export type { CouncilRagStatus };

/*
 * The council's RAG scale. Until someone edits it, the default applies (the seed pack's wording);
 * the first save stores every status, so later changes to the default never alter a council's
 * scale behind its back.
 */

export async function loadRagScale(db: Db, organisationId: number): Promise<CouncilRagStatus[]> {
  const rows = await db
    .select()
    .from(ragStatuses)
    .where(eq(ragStatuses.organisationId, organisationId))
    .orderBy(asc(ragStatuses.position), asc(ragStatuses.id));
  if (rows.length === 0) return defaultCouncilRagScale();
  return rows.map((r) => ({
    code: r.code,
    label: r.label,
    meaning: r.meaning,
    definition: r.definition,
    rank: r.rank,
    stance: r.stance,
    colour: r.colour,
    colourClass: `govuk-tag--${r.code}`,
  }));
}

/** Replaces the council's scale as a whole, with its history, in one transaction. */
export async function saveRagScale(
  db: Db,
  organisationId: number,
  scale: readonly CouncilRagStatus[],
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(ragStatuses)
      .where(eq(ragStatuses.organisationId, organisationId))
      .for('update');
    await tx.delete(ragStatuses).where(eq(ragStatuses.organisationId, organisationId));
    const after = await tx
      .insert(ragStatuses)
      .values(
        scale.map((s, position) => ({
          organisationId,
          code: s.code,
          label: s.label,
          meaning: s.meaning,
          definition: s.definition,
          rank: s.rank,
          stance: s.stance,
          colour: s.colour,
          position,
        })),
      )
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'rag-scale',
      recordId: organisationId,
      action: before.length ? 'update' : 'create',
      actor,
      before: before.length ? { statuses: before.map(strip) } : null,
      after: { statuses: after.map(strip) },
    });
  });
}

const strip = (r: typeof ragStatuses.$inferSelect) => ({
  code: r.code,
  label: r.label,
  meaning: r.meaning,
  definition: r.definition,
  rank: r.rank,
  colour: r.colour,
});
