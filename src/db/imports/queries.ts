/*
 * Reading document imports: one import, the import of a content that is in force, and the list.
 * The only module of this folder (with commands.ts) that routes, the CLI and the demo import.
 */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { LayoutSignature } from '../../domain/import-mapping.ts';
import { bestTemplate } from '../../domain/import-templates.ts';
import type { DbOrTx } from '../changes.ts';
import { users } from '../people/schema.ts';
import { documentImports, importedRecords, importTemplates } from './schema.ts';

export type DocumentImport = typeof documentImports.$inferSelect;
export type ImportTemplate = typeof importTemplates.$inferSelect;

export async function findImport(
  db: DbOrTx,
  organisationId: number,
  importId: number,
): Promise<DocumentImport | null> {
  const [row] = await db
    .select()
    .from(documentImports)
    .where(and(eq(documentImports.id, importId), eq(documentImports.organisationId, organisationId)));
  return row ?? null;
}

/** The import of this content that is in force, if any. */
export async function findImportedByHash(
  db: DbOrTx,
  organisationId: number,
  contentHash: string,
): Promise<DocumentImport | null> {
  const [row] = await db
    .select()
    .from(documentImports)
    .where(
      and(
        eq(documentImports.organisationId, organisationId),
        eq(documentImports.contentHash, contentHash),
        eq(documentImports.status, 'imported'),
      ),
    );
  return row ?? null;
}

export async function listImports(db: DbOrTx, organisationId: number) {
  return db
    .select({
      id: documentImports.id,
      fileName: documentImports.fileName,
      kind: documentImports.kind,
      status: documentImports.status,
      createdAt: documentImports.createdAt,
      importedBy: users.name,
    })
    .from(documentImports)
    .leftJoin(users, eq(users.id, documentImports.importedBy))
    .where(eq(documentImports.organisationId, organisationId))
    .orderBy(desc(documentImports.id));
}

/** How many records of each kind an import wrote: what undoing it would remove. */
export async function importedRecordCounts(
  db: DbOrTx,
  importId: number,
): Promise<{ recordType: string; count: number }[]> {
  return db
    .select({ recordType: importedRecords.recordType, count: count() })
    .from(importedRecords)
    .where(eq(importedRecords.importId, importId))
    .groupBy(importedRecords.recordType)
    .orderBy(asc(importedRecords.recordType));
}

/** The council's templates in use (removed ones are archived and left out), by kind then name. */
export async function listTemplates(db: DbOrTx, organisationId: number) {
  return db
    .select({
      id: importTemplates.id,
      name: importTemplates.name,
      kind: importTemplates.kind,
      version: importTemplates.version,
      lastUsedAt: importTemplates.lastUsedAt,
      updatedAt: importTemplates.updatedAt,
      createdBy: users.name,
    })
    .from(importTemplates)
    .leftJoin(users, eq(users.id, importTemplates.createdBy))
    .where(and(eq(importTemplates.organisationId, organisationId), isNull(importTemplates.archivedAt)))
    .orderBy(asc(importTemplates.kind), asc(sql`lower(${importTemplates.name})`));
}

/** One of the council's templates in use; another council's (or a removed one) is not found. */
export async function findTemplate(
  db: DbOrTx,
  organisationId: number,
  templateId: number,
): Promise<ImportTemplate | null> {
  const [row] = await db
    .select()
    .from(importTemplates)
    .where(
      and(
        eq(importTemplates.id, templateId),
        eq(importTemplates.organisationId, organisationId),
        isNull(importTemplates.archivedAt),
      ),
    );
  return row ?? null;
}

/** The council's template in use by this name, whatever its case (how `wesaid import --template` finds one). */
export async function findTemplateByName(
  db: DbOrTx,
  organisationId: number,
  name: string,
): Promise<ImportTemplate | null> {
  const [row] = await db
    .select()
    .from(importTemplates)
    .where(
      and(
        eq(importTemplates.organisationId, organisationId),
        sql`lower(${importTemplates.name}) = lower(${name.trim()})`,
        isNull(importTemplates.archivedAt),
      ),
    );
  return row ?? null;
}

/**
 * The template to read a new document with: the council's template whose layout signature is
 * closest to the document's, if close enough (src/domain/import-templates.ts), else null. A council
 * keeps a handful of templates, so they are compared here rather than in SQL.
 */
export async function suggestTemplate(
  db: DbOrTx,
  organisationId: number,
  layoutSignature: LayoutSignature,
  kind?: string,
): Promise<ImportTemplate | null> {
  const templates = await db
    .select()
    .from(importTemplates)
    .where(
      and(
        eq(importTemplates.organisationId, organisationId),
        isNull(importTemplates.archivedAt),
        kind ? eq(importTemplates.kind, kind) : undefined,
      ),
    );
  return bestTemplate(templates, layoutSignature)?.template ?? null;
}

/** A template's name, removed ones included: an import names the template it was read with. */
export async function templateName(
  db: DbOrTx,
  organisationId: number,
  templateId: number | null,
): Promise<string | null> {
  if (templateId === null) return null;
  const [row] = await db
    .select({ name: importTemplates.name })
    .from(importTemplates)
    .where(and(eq(importTemplates.id, templateId), eq(importTemplates.organisationId, organisationId)));
  return row?.name ?? null;
}
