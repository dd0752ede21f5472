/*
 * Writing a council's import templates: saved when a person confirms an import and asks for it,
 * renamed, and removed (archived, so the imports that used one still name it). Each write and its
 * change-history row in one transaction. Internal: re-exported by commands.ts.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type DbOrTx, type Tx } from '../changes.ts';
import type { Db } from '../client.ts';
import type { ImportMapping, LayoutSignature } from '../../domain/import-mapping.ts';
import type { ImportTemplate } from './queries.ts';
import { importTemplates } from './schema.ts';

const recordType = 'import-template';

/** A name another of the council's templates in use already has. */
export class TemplateNameTakenError extends Error {
  readonly code = 'template-name-taken';
  constructor(readonly templateName: string) {
    super(`There is already a template called ${templateName}: choose another name`);
  }
}

const uniqueViolation = (error: unknown): boolean => {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: { code?: string } };
  return (cause?.code ?? code) === '23505';
};

async function liveByName(tx: DbOrTx, organisationId: number, name: string) {
  const [row] = await tx
    .select()
    .from(importTemplates)
    .where(
      and(
        eq(importTemplates.organisationId, organisationId),
        sql`lower(${importTemplates.name}) = lower(${name})`,
        isNull(importTemplates.archivedAt),
      ),
    )
    .for('update');
  return row ?? null;
}

export interface TemplateInput {
  organisationId: number;
  name: string;
  kind: string;
  layoutSignature: LayoutSignature;
  mapping: ImportMapping;
}

/**
 * Saves a mapping as the council's template. Saving again under the name of a template in use is
 * a new version of that template (the person corrected the same layout again), not a second one.
 * Runs inside the confirming transaction when given one, so the template and the import stand or
 * fall together.
 */
export async function saveTemplate(tx: Tx, input: TemplateInput, actor: Actor): Promise<ImportTemplate> {
  const name = input.name.trim();
  const existing = await liveByName(tx, input.organisationId, name);
  if (!existing) {
    const created = await insertRecord(
      tx,
      importTemplates,
      recordType,
      input.organisationId,
      {
        organisationId: input.organisationId,
        name,
        kind: input.kind,
        layoutSignature: input.layoutSignature,
        mapping: input.mapping,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      },
      actor,
    );
    await markTemplateUsed(tx, created.id);
    return created;
  }
  const [after] = await tx
    .update(importTemplates)
    .set({
      kind: input.kind,
      layoutSignature: input.layoutSignature,
      mapping: input.mapping,
      updatedBy: actor.userId,
      lastUsedAt: sql`now()`,
      version: sql`${importTemplates.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(importTemplates.id, existing.id))
    .returning();
  await recordChange(tx, {
    organisationId: input.organisationId,
    recordType,
    recordId: existing.id,
    action: 'update',
    actor,
    before: existing,
    after: after!,
  });
  return after!;
}

/** Notes that an import read with this template was confirmed: the list's "last used". */
export async function markTemplateUsed(tx: DbOrTx, templateId: number): Promise<void> {
  await tx
    .update(importTemplates)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(importTemplates.id, templateId));
}

/** Renames a template at the version the person loaded; a name in use by another is refused. */
export async function renameTemplate(
  db: Db,
  template: ImportTemplate,
  expectedVersion: number,
  name: string,
  actor: Actor,
) {
  const taken = await liveByName(db, template.organisationId, name.trim());
  if (taken && taken.id !== template.id) throw new TemplateNameTakenError(name.trim());
  try {
    return await updateRecord(
      db,
      importTemplates,
      recordType,
      template.organisationId,
      template.id,
      expectedVersion,
      { name: name.trim(), updatedBy: actor.userId },
      actor,
    );
  } catch (error) {
    if (uniqueViolation(error)) throw new TemplateNameTakenError(name.trim());
    throw error;
  }
}

/** Removes a template from use: archived with its history, never deleted (imports name it). */
export async function removeTemplate(
  db: Db,
  template: ImportTemplate,
  expectedVersion: number,
  actor: Actor,
): Promise<{ ok: true } | { ok: false; conflict: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(importTemplates)
      .where(and(eq(importTemplates.id, template.id), isNull(importTemplates.archivedAt)))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== expectedVersion) return { ok: false, conflict: true };
    const [after] = await tx
      .update(importTemplates)
      .set({
        archivedAt: sql`now()`,
        archivedBy: actor.userId,
        version: sql`${importTemplates.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(importTemplates.id, template.id))
      .returning();
    await recordChange(tx, {
      organisationId: template.organisationId,
      recordType,
      recordId: template.id,
      action: 'archive',
      actor,
      before,
      after: after!,
    });
    return { ok: true };
  });
}
