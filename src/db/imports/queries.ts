/*
 * Reading document imports: one import, the import of a content that is in force, and the list.
 * The only module of this folder (with commands.ts) that routes, the CLI and the demo import.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../changes.ts';
import { users } from '../people/schema.ts';
import { documentImports, importedRecords } from './schema.ts';

export type DocumentImport = typeof documentImports.$inferSelect;

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
