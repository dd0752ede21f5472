/*
 * A council's publishing settings and glossary. The glossary starts as the acronyms found in the
 * seed documents (src/domain/glossary.ts) and is the council's to correct from then on.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { glossaryEntries, publishingSettings } from '../schema.ts';
import { defaultGlossary, type Glossary, type GlossaryEntry } from '../../domain/glossary.ts';

export type PublishingSettings = typeof publishingSettings.$inferSelect;
export type GlossaryRow = typeof glossaryEntries.$inferSelect;

export async function getSettings(db: Db, organisationId: number): Promise<PublishingSettings> {
  await db.insert(publishingSettings).values({ organisationId }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(publishingSettings)
    .where(eq(publishingSettings.organisationId, organisationId));
  return row!;
}

/** The council's glossary rows, filled from the seed acronyms the first time it is read. */
export async function listGlossary(db: Db, organisationId: number): Promise<GlossaryRow[]> {
  const settings = await getSettings(db, organisationId);
  if (!settings.glossarySeeded) {
    await db.transaction(async (tx) => {
      // Only the first of two concurrent readers seeds.
      const [claimed] = await tx
        .update(publishingSettings)
        .set({ glossarySeeded: true })
        .where(
          and(
            eq(publishingSettings.organisationId, organisationId),
            eq(publishingSettings.glossarySeeded, false),
          ),
        )
        .returning();
      if (!claimed) return;
      await tx
        .insert(glossaryEntries)
        .values(defaultGlossary().map((e) => ({ organisationId, ...toRow(e) })))
        .onConflictDoNothing();
    });
  }
  return db
    .select()
    .from(glossaryEntries)
    .where(eq(glossaryEntries.organisationId, organisationId))
    .orderBy(asc(sql`lower(${glossaryEntries.acronym})`));
}

function toRow(e: GlossaryEntry) {
  return {
    acronym: e.acronym,
    expansion: e.expansion,
    plural: e.plural ?? '',
    variants: [...(e.variants ?? [])],
    explain: e.explain !== false,
    confirmed: e.confirmed !== false,
    note: e.note ?? '',
  };
}

export function toGlossary(rows: GlossaryRow[]): Glossary {
  return rows.map((r) => ({
    acronym: r.acronym,
    expansion: r.expansion,
    ...(r.plural ? { plural: r.plural } : {}),
    ...(r.variants.length ? { variants: r.variants } : {}),
    explain: r.explain,
    confirmed: r.confirmed,
  }));
}

export async function getGlossaryEntry(
  db: Db,
  organisationId: number,
  id: number,
): Promise<GlossaryRow | null> {
  const [row] = await db
    .select()
    .from(glossaryEntries)
    .where(and(eq(glossaryEntries.id, id), eq(glossaryEntries.organisationId, organisationId)));
  return row ?? null;
}
