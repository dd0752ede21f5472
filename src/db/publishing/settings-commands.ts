/*
 * Writes of a council's glossary and publishing settings, behind commands.ts (the reads are in
 * settings.ts). Both shape the public text: what acronyms expand to and the reading age aimed at.
 */
import { and, eq, sql } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { glossaryEntries, publishingSettings } from './schema.ts';
import { PublishingError } from './publishing-error.ts';
import { getSettings, listGlossary, type GlossaryRow, type PublishingSettings } from './settings.ts';

export type GlossaryData = Pick<
  GlossaryRow,
  'acronym' | 'expansion' | 'plural' | 'explain' | 'confirmed' | 'note'
>;

const duplicateAcronym = (error: unknown): unknown => {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return (cause as { code?: string }).code === '23505'
    ? new PublishingError('duplicate-acronym', 'The glossary already has that acronym', 'acronym')
    : error;
};

export async function createGlossaryEntry(
  db: Db,
  organisationId: number,
  data: GlossaryData & { variants?: string[] },
  actor: Actor,
): Promise<GlossaryRow> {
  // Seeds the glossary first, so a new entry cannot be overwritten by the seed acronyms.
  await listGlossary(db, organisationId);
  try {
    return await insertRecord(
      db,
      glossaryEntries,
      'glossary-entry',
      organisationId,
      { ...data, organisationId },
      actor,
    );
  } catch (error) {
    throw duplicateAcronym(error);
  }
}

export async function updateGlossaryEntry(
  db: Db,
  entry: Pick<GlossaryRow, 'id' | 'organisationId'>,
  version: number,
  data: Partial<GlossaryData>,
  actor: Actor,
): Promise<SaveResult<GlossaryRow>> {
  try {
    return await updateRecord(
      db,
      glossaryEntries,
      'glossary-entry',
      entry.organisationId,
      entry.id,
      version,
      data,
      actor,
    );
  } catch (error) {
    throw duplicateAcronym(error);
  }
}

export async function deleteGlossaryEntry(
  db: Db,
  entry: Pick<GlossaryRow, 'id' | 'organisationId'>,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(glossaryEntries)
      .where(and(eq(glossaryEntries.id, entry.id), eq(glossaryEntries.organisationId, entry.organisationId)))
      .returning();
    if (before)
      await recordChange(tx, {
        organisationId: entry.organisationId,
        recordType: 'glossary-entry',
        recordId: entry.id,
        action: 'delete',
        actor,
        before,
        after: null,
      });
  });
}

/**
 * The reading age public text is pitched at, if the settings are still at `version`; a newer save
 * is answered as a conflict, never overwritten (issue 14). One settings row per council.
 */
export async function setTargetReadingAge(
  db: Db,
  organisationId: number,
  version: number,
  targetReadingAge: number,
  actor: Actor,
): Promise<SaveResult<PublishingSettings>> {
  await getSettings(db, organisationId);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(publishingSettings)
      .where(eq(publishingSettings.organisationId, organisationId))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== version) return { ok: false, conflict: true, current: before };
    const [after] = await tx
      .update(publishingSettings)
      .set({
        targetReadingAge,
        version: sql`${publishingSettings.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(publishingSettings.organisationId, organisationId))
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'publishing-settings',
      recordId: organisationId,
      action: 'update',
      actor,
      before,
      after: after ?? null,
    });
    return { ok: true, record: after! };
  });
}
