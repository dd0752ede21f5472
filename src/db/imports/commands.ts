/*
 * Writing an extracted document into the plan. A document is first stored as a pending import (the
 * preview); confirming writes every record in one transaction, notes which source lines each came
 * from, and can be undone as a whole. The same document (by content) is imported once only. What
 * may be done to an import in each state is the import workflow's (src/domain/workflows/import.ts):
 * a refused action throws its ImportActionRefusedError.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import {
  layoutSignature,
  type ImportMapping,
  type LayoutSignature,
  type MappingOverrides,
} from '../../domain/import-mapping.ts';
import type { ImportedDocument, SourceLine } from '../../domain/imports.ts';
import { transition, type ImportAction } from '../../domain/workflows/import.ts';
import { betweenChunks, chunks, recordChanges, type Actor, type Tx } from '../changes.ts';
import type { Db } from '../client.ts';
import {
  agendaItems,
  boardMeetings,
  boards,
  commitments,
  feedback,
  highlightReportItems,
  highlightReports,
  improvementAreas,
  inspectionFindings,
  inspectionJudgements,
  inspections,
  measures,
  meetingActions,
  meetingAttendees,
  observations,
  outcomes,
  plans,
  priorities,
  standards,
} from '../schema.ts';
import { findImportedByHash, type DocumentImport } from './queries.ts';
import { documentImports, importedRecords } from './schema.ts';
import { markTemplateUsed, saveTemplate } from './template-commands.ts';
import { ImportWriter } from './writer.ts';

export { ImportIncompleteError } from './writer.ts';

export { ImportActionRefusedError } from '../../domain/workflows/import.ts';
export {
  removeTemplate,
  renameTemplate,
  saveTemplate,
  TemplateNameTakenError,
  type TemplateInput,
} from './template-commands.ts';

/** Undo refused because records added since depend on the imported ones. */
export class UndoRefusedError extends Error {
  readonly code = 'undo-refused';
}

export async function savePendingImport(
  db: Db,
  input: {
    organisationId: number;
    fileName: string;
    contentHash: string;
    document: ImportedDocument;
    nonBlankLines: number;
    userId: number | null;
    /** The source lines as read, kept so the preview's downloads can show each record's text. */
    lines?: readonly SourceLine[];
  } & Partial<ReadingOf>,
): Promise<DocumentImport> {
  const [row] = await db
    .insert(documentImports)
    .values({
      organisationId: input.organisationId,
      fileName: input.fileName,
      contentHash: input.contentHash,
      kind: input.document.kind,
      status: 'pending',
      nonBlankLines: input.nonBlankLines,
      document: input.document,
      sourceText: (input.lines ?? []).map((line) => line.text).join('\n'),
      importedBy: input.userId,
      format: input.format ?? '',
      encoding: input.encoding ?? '',
      structure: input.structure ?? null,
      mapping: input.mapping ?? null,
      overrides: input.overrides ?? null,
      layoutSignature: input.layoutSignature ?? null,
      mappingSource: input.mappingSource ?? 'suggested',
      templateId: input.templateId ?? null,
    })
    .returning();
  return row!;
}

/** How a pending import was read: kept on it so that a person's correction re-maps the stored structure. */
export interface ReadingOf {
  format: string;
  encoding: string;
  structure: DocumentImport['structure'];
  mapping: ImportMapping | null;
  overrides: MappingOverrides | null;
  layoutSignature: LayoutSignature | null;
  /**
   * 'suggested' from the structure, 'template' from a council's template, 'person' when corrected,
   * 'extractor' when one of the dedicated extractors read it (the mapping is then only offered).
   */
  mappingSource: 'suggested' | 'template' | 'person' | 'extractor';
  templateId: number | null;
}

/**
 * A person changed how a pending document is read: the records the new mapping made replace the
 * preview's. Nothing is written to the plan until the import is confirmed.
 */
export async function remapPendingImport(
  db: Db,
  pending: DocumentImport,
  input: {
    document: ImportedDocument;
    mapping: ImportMapping;
    overrides: MappingOverrides;
    mappingSource: ReadingOf['mappingSource'];
  } & Partial<Pick<ReadingOf, 'templateId'>>,
): Promise<DocumentImport> {
  return db.transaction(async (tx) => {
    await lockFor(tx, pending.id, 'remap');
    const [row] = await tx
      .update(documentImports)
      .set({
        document: input.document,
        kind: input.document.kind,
        mapping: input.mapping,
        overrides: input.overrides,
        mappingSource: input.mappingSource,
        ...(input.templateId !== undefined ? { templateId: input.templateId } : {}),
        // Lines placed or dismissed by hand were placed in the old reading; the new one lists its own.
        resolutions: {},
      })
      .where(eq(documentImports.id, pending.id))
      .returning();
    return row!;
  });
}

/** The import as it is now, locked for the transaction, after checking the workflow allows the action. */
async function lockFor(tx: Tx, importId: number, action: ImportAction): Promise<DocumentImport> {
  const [current] = await tx
    .select()
    .from(documentImports)
    .where(eq(documentImports.id, importId))
    .for('update');
  if (!current) throw new Error(`Import ${importId} does not exist`);
  transition('document-import', current.status, action);
  return current;
}

export type ApplyResult = (
  | { outcome: 'imported'; importId: number; records: number }
  | { outcome: 'already-imported'; importId: number }
) & { templateId: number | null };

/**
 * The template an import is confirmed with: saved from its mapping when the person asked (so the
 * next document of its layout is read the same way), or the one it was read with, marked as used.
 */
async function templateOnConfirm(
  tx: Tx,
  current: DocumentImport,
  actor: Actor,
  save: { name: string } | undefined,
): Promise<number | null> {
  if (save && current.mapping != null) {
    const saved = await saveTemplate(
      tx,
      {
        organisationId: current.organisationId,
        name: save.name,
        kind: current.document.kind,
        layoutSignature: current.layoutSignature ?? layoutSignature(current.structure ?? { blocks: [] }),
        // The kind the person chose is the mapping's; the per-document overrides stay with the import.
        mapping: { ...current.mapping, kind: current.document.kind },
      },
      actor,
    );
    return saved.id;
  }
  if (current.templateId !== null) await markTemplateUsed(tx, current.templateId);
  return current.templateId;
}

/**
 * Writes a pending import's records, all or nothing. Re-importing the same content changes nothing:
 * the pending copy is removed and the import in force returned.
 */
export async function confirmImport(
  db: Db,
  pending: DocumentImport,
  actor: Actor,
  options: {
    /** Save how the document was read as the council's template for its kind, under this name. */
    saveAsTemplate?: { name: string };
  } = {},
): Promise<ApplyResult> {
  return db.transaction(async (tx) => {
    // Serialise imports per council so two people confirming the same document cannot both write it.
    await tx.execute(sql`select pg_advisory_xact_lock(7301, ${pending.organisationId})`);
    const current = await lockFor(tx, pending.id, 'confirm');
    const template = await templateOnConfirm(tx, current, actor, options.saveAsTemplate);
    const existing = await findImportedByHash(tx, current.organisationId, current.contentHash);
    if (existing) {
      await tx.delete(documentImports).where(eq(documentImports.id, current.id));
      return { outcome: 'already-imported', importId: existing.id, templateId: template };
    }
    const writer = new ImportWriter(tx, current.organisationId, current.id, actor);
    await writer.write(current.document);
    await tx
      .update(documentImports)
      .set({ status: 'imported', templateId: template })
      .where(eq(documentImports.id, current.id));
    return { outcome: 'imported', importId: current.id, records: writer.created, templateId: template };
  });
}

/** Reads nothing into the plan: a pending import is removed (the preview is not kept). */
export async function discardImport(db: Db, pending: DocumentImport): Promise<void> {
  await db.transaction(async (tx) => {
    await lockFor(tx, pending.id, 'discard');
    await tx.delete(documentImports).where(eq(documentImports.id, pending.id));
  });
}

const undoTables = {
  'inspection-finding': inspectionFindings,
  'inspection-judgement': inspectionJudgements,
  inspection: inspections,
  'meeting-attendee': meetingAttendees,
  'meeting-action': meetingActions,
  'agenda-item': agendaItems,
  'highlight-report-item': highlightReportItems,
  'highlight-report': highlightReports,
  'board-meeting': boardMeetings,
  board: boards,
  observation: observations,
  measure: measures,
  feedback,
  outcome: outcomes,
  commitment: commitments,
  'improvement-area': improvementAreas,
  standard: standards,
  priority: priorities,
  plan: plans,
} as const;

const isUndoTable = (recordType: string): recordType is keyof typeof undoTables => recordType in undoTables;

function foreignKeyViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: { code?: string } };
  return (cause?.code ?? code) === '23503';
}

/**
 * Runs of one record type in the order given (newest first): each run is removed in a few
 * statements. The writer tracks a table's rows together, parents before children, so an import's
 * records fall into a handful of runs and undo keeps removing children before their parents.
 */
function runsOf<T extends { recordType: string }>(records: T[]): T[][] {
  const runs: T[][] = [];
  for (const record of records) {
    const last = runs.at(-1);
    if (last && last[0]!.recordType === record.recordType) last.push(record);
    else runs.push([record]);
  }
  return runs;
}

/** Removes every record an import created, newest first; refused if other records now depend on them. */
export async function undoImport(db: Db, imported: DocumentImport, actor: Actor): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      const current = await lockFor(tx, imported.id, 'undo');
      const records = await tx
        .select()
        .from(importedRecords)
        .where(eq(importedRecords.importId, current.id))
        .orderBy(desc(importedRecords.id));
      for (const run of runsOf(records)) {
        const recordType = run[0]!.recordType;
        if (!isUndoTable(recordType)) continue;
        const table = undoTables[recordType];
        // Small chunks: removing a parent checks its children's tables, and the server waits meanwhile.
        for (const chunk of chunks(run, 500)) {
          const removed = (await tx
            .delete(table)
            .where(
              inArray(
                table.id,
                chunk.map((r) => r.recordId),
              ),
            )
            .returning()) as (Record<string, unknown> & { id: number })[];
          await recordChanges(
            tx,
            removed.map((before) => ({
              organisationId: current.organisationId,
              recordType,
              recordId: before.id,
              action: 'undo-import' as const,
              actor,
              before,
              after: null,
            })),
          );
          await betweenChunks();
        }
      }
      await tx.update(documentImports).set({ status: 'undone' }).where(eq(documentImports.id, current.id));
      return records.length;
    });
  } catch (error) {
    if (foreignKeyViolation(error)) {
      throw new UndoRefusedError(
        'This import cannot be undone because records added since depend on it (for example a commitment added to an imported priority). Remove those first.',
      );
    }
    throw error;
  }
}

/** Records what an unplaced line of an imported document became: dismissed, or placed by hand with a note. */
export async function resolveUnplacedLine(
  db: Db,
  imported: DocumentImport,
  line: number,
  action: 'dismissed' | 'placed',
  note: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockFor(tx, imported.id, 'resolve-line');
    await tx
      .update(documentImports)
      .set({
        resolutions: sql`${documentImports.resolutions} || ${JSON.stringify({ [line]: { action, note } })}::jsonb`,
      })
      .where(eq(documentImports.id, imported.id));
  });
}
