import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { ImportedDocument } from '../../domain/imports.ts';
import { documentImportStatuses } from '../../domain/workflows/import.ts';
import { createdAt, id } from '../columns.ts';
import { organisations, users } from '../people/schema.ts';

/* Imports: what each document became, so an import can be previewed, traced and undone. */

export const documentImports = pgTable(
  'document_imports',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the normalised text: the same document imported twice is found by this. */
    contentHash: text('content_hash').notNull(),
    kind: text('kind').notNull(),
    /** pending: previewed, not yet written; imported: records written; undone: records removed again. */
    status: text('status', { enum: documentImportStatuses }).notNull().default('pending'),
    /** Non-blank lines in the source: placed plus unplaced must come to this. */
    nonBlankLines: integer('non_blank_lines').notNull().default(0),
    /** The structured document as extracted, sections and unplaced lines included. */
    document: jsonb('document').$type<ImportedDocument>().notNull(),
    /** The text as read, lines joined by "\n": the source text of each record in the preview's downloads. */
    sourceText: text('source_text').notNull().default(''),
    /** Unplaced lines a person has placed or dismissed: { line: { action, note } }. */
    resolutions: jsonb('resolutions')
      .$type<Record<string, { action: string; note: string }>>()
      .notNull()
      .default({}),
    importedBy: integer('imported_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('document_imports_hash').on(t.organisationId, t.contentHash)],
);

export const importedRecords = pgTable(
  'imported_records',
  {
    id: id(),
    importId: integer('import_id')
      .notNull()
      .references(() => documentImports.id),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    /** Source line numbers this record was read from. */
    lines: jsonb('lines').$type<number[]>().notNull(),
  },
  (t) => [index('imported_records_import').on(t.importId)],
);
