import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { DocumentStructure } from '../../domain/document-structure.ts';
import type { ImportMapping, LayoutSignature, MappingOverrides } from '../../domain/import-mapping.ts';
import type { ImportedDocument } from '../../domain/imports.ts';
import { documentImportStatuses } from '../../domain/workflows/import.ts';
import { createdAt, id, updatedAt, version } from '../columns.ts';
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
    /** How the file was written and decoded ("docx", "windows-1252"): the person is told. */
    format: text('format').notNull().default(''),
    encoding: text('encoding').notNull().default(''),
    /**
     * The document's structure as read, and the mapping that made its records: kept so that a person's
     * correction of the mapping re-maps the stored structure without the file (null on older imports).
     */
    structure: jsonb('structure').$type<DocumentStructure>(),
    mapping: jsonb('mapping').$type<ImportMapping>(),
    /** This document's own corrections (lines dismissed or moved): never saved into a template. */
    overrides: jsonb('mapping_overrides').$type<MappingOverrides>(),
    /** The layout signature of the structure: what templates are matched by, and saved with. */
    layoutSignature: jsonb('layout_signature').$type<LayoutSignature>(),
    /** Where the mapping came from: suggested from the structure, a council's template, or a person. */
    mappingSource: text('mapping_source').notNull().default('suggested'),
    /** The template the mapping was taken from, when it was. */
    templateId: integer('template_id').references((): AnyPgColumn => importTemplates.id),
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

/**
 * A council's saved way of reading one layout of document: what a person confirmed (or corrected) the
 * mapping to be, suggested first when a document of the same layout comes. Removed templates are
 * archived, not deleted, so the imports that used one still name it.
 */
export const importTemplates = pgTable(
  'import_templates',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The kind of document it reads: one of documentKinds. */
    kind: text('kind').notNull(),
    /** The layout signature of the document it was saved from, compared with each new document's. */
    layoutSignature: jsonb('layout_signature').$type<LayoutSignature>().notNull(),
    /** The mapping as saved (src/domain/import-mapping.ts). */
    mapping: jsonb('mapping').$type<ImportMapping>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: integer('archived_by').references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Names are how a person (and `wesaid import --template`) picks a template, so one live template a name.
    uniqueIndex('import_templates_name')
      .on(t.organisationId, sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
  ],
);
