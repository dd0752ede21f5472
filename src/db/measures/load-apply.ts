/*
 * Writing data loads. Confirming a load is the only way figures change, so it runs as one
 * transaction: a file with a problem writes nothing, and the same content confirmed twice is
 * written once. A previewed file is held as a pending load until it is confirmed or discarded, as
 * the import workflow (src/domain/workflows/import.ts) allows. Internal: re-exported by commands.ts.
 */
import { eq, sql } from 'drizzle-orm';
import { measuresTouched, reportOf, type ParsedLoad } from '../../domain/measures/loads.ts';
import { dataLoadState, ImportActionRefusedError, transition } from '../../domain/workflows/import.ts';
import { insertRecord, recordChange, type Actor, type Tx } from '../changes.ts';
import type { Db } from '../client.ts';
import { writeFigures } from './load-figures.ts';
import { comparatorsOf, findLoadedByHash, loadContext } from './load-reads.ts';
import {
  contentHashOf,
  LoadRefusedError,
  type DataLoad,
  type LoadResult,
  type ReadLoadFile,
} from './load-types.ts';
import { comparatorSettings, dataLoads, measures } from './schema.ts';

interface LoadInput {
  organisationId: number;
  fileName: string;
  bytes: Buffer;
  actor: Actor;
  /** The parser, called inside the transaction with the council's measures as they are then. */
  read: ReadLoadFile;
}

/* One load at a time per council, so the same file confirmed twice is written once. */
const lockLoads = (tx: Tx, organisationId: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(7302, ${organisationId})`);

/**
 * Reads the file again inside the transaction (the council's measures may have changed since the
 * preview) and writes every figure, or nothing when any row has a problem.
 */
async function writeLoad(tx: Tx, input: LoadInput, pendingId?: number): Promise<LoadResult> {
  const contentHash = contentHashOf(input.bytes);
  const parsed = await input.read(await loadContext(tx, input.organisationId));
  const report = reportOf(parsed);
  const already = await findLoadedByHash(tx, input.organisationId, contentHash);
  if (already) return { outcome: 'already-loaded', loadId: already.id, report };
  if (parsed.errors.length > 0) throw new LoadRefusedError(report);

  for (const m of parsed.newMeasures) {
    await insertRecord(
      tx,
      measures,
      'measure',
      input.organisationId,
      {
        organisationId: input.organisationId,
        name: m.name,
        unit: m.unit,
        frequency: m.frequency,
        yearEnding: m.yearEnding ?? null,
        definition: m.definition,
        sourceSystem: m.sourceSystem,
        polarity: 'context',
      },
      input.actor,
      'import',
    );
  }
  const idRows = await tx
    .select({ id: measures.id, name: measures.name })
    .from(measures)
    .where(eq(measures.organisationId, input.organisationId));
  const ids = new Map(idRows.map((r) => [r.name.toLowerCase(), r.id]));

  const loadValues = {
    layout: parsed.layout,
    status: 'loaded' as const,
    content: null,
    rows: parsed.rows,
    observationCount: parsed.observations.length,
    measureCount: report.measures,
    loadedBy: input.actor.userId,
    actorName: input.actor.name,
    loadedAt: sql`now()`,
  };
  let loadId: number;
  if (pendingId !== undefined) {
    await tx.update(dataLoads).set(loadValues).where(eq(dataLoads.id, pendingId));
    loadId = pendingId;
  } else {
    const [row] = await tx
      .insert(dataLoads)
      .values({
        organisationId: input.organisationId,
        fileName: input.fileName,
        contentHash,
        ...loadValues,
      })
      .returning({ id: dataLoads.id });
    loadId = row!.id;
  }
  const { written, revised, unchanged } = await writeFigures(tx, loadId, ids, parsed.observations);
  await tx.update(dataLoads).set({ revisedCount: revised }).where(eq(dataLoads.id, loadId));
  return { outcome: 'loaded', loadId, report, written, revised, unchanged };
}

/** Loads a file straight away (the command line, the demo): all or nothing, once per content. */
export async function applyLoad(db: Db, input: LoadInput): Promise<LoadResult> {
  return db.transaction(async (tx) => {
    await lockLoads(tx, input.organisationId);
    return writeLoad(tx, input);
  });
}

/** Holds a previewed file as a pending load, its bytes kept so confirming re-reads exactly them. */
export async function savePendingLoad(
  db: Db,
  input: {
    organisationId: number;
    fileName: string;
    bytes: Buffer;
    parsed: ParsedLoad;
    userId: number | null;
  },
): Promise<DataLoad> {
  const [row] = await db
    .insert(dataLoads)
    .values({
      organisationId: input.organisationId,
      fileName: input.fileName,
      contentHash: contentHashOf(input.bytes),
      layout: input.parsed.layout,
      status: 'pending',
      content: input.bytes,
      rows: input.parsed.rows,
      observationCount: input.parsed.observations.length,
      measureCount: measuresTouched(input.parsed),
      loadedBy: input.userId,
    })
    .returning();
  return row!;
}

/** The pending load as it is now, locked, after checking the workflow allows the action. */
async function lockPending(tx: Tx, load: DataLoad, action: 'confirm' | 'discard') {
  const [current] = await tx.select().from(dataLoads).where(eq(dataLoads.id, load.id)).for('update');
  if (!current) throw new Error(`Data load ${load.id} does not exist`);
  const state = dataLoadState(current.status);
  transition('data-load', state, action);
  if (current.content === null) throw new ImportActionRefusedError('data-load', state, action);
  return { ...current, content: current.content };
}

/**
 * Confirms a pending load: its figures written all or nothing (LoadRefusedError when the file has
 * problems). When the same content has been loaded since, the pending load is discarded instead.
 */
export async function confirmLoad(
  db: Db,
  load: DataLoad,
  actor: Actor,
  read: (bytes: Buffer, fileName: string) => ReadLoadFile,
): Promise<LoadResult> {
  return db.transaction(async (tx) => {
    await lockLoads(tx, load.organisationId);
    const current = await lockPending(tx, load, 'confirm');
    const input = {
      organisationId: current.organisationId,
      fileName: current.fileName,
      bytes: current.content,
      actor,
      read: read(current.content, current.fileName),
    };
    const result = await writeLoad(tx, input, current.id);
    if (result.outcome === 'already-loaded')
      await tx
        .update(dataLoads)
        .set({ status: 'discarded', content: null })
        .where(eq(dataLoads.id, current.id));
    return result;
  });
}

export async function discardLoad(db: Db, load: DataLoad): Promise<void> {
  await db.transaction(async (tx) => {
    await lockPending(tx, load, 'discard');
    await tx.update(dataLoads).set({ status: 'discarded', content: null }).where(eq(dataLoads.id, load.id));
  });
}

export interface ComparatorInput {
  laCode: string;
  laName: string;
  oldLaCode?: string;
  regionName: string;
  neighbourCodes: string[];
}

/** Who the council compares itself with in DfE files, with the change in its history. */
export async function setComparators(
  db: Db,
  organisationId: number,
  settings: ComparatorInput,
  actor: Actor,
): Promise<void> {
  const values = { organisationId, oldLaCode: '', ...settings };
  await db.transaction(async (tx) => {
    const before = await comparatorsOf(tx, organisationId);
    await tx
      .insert(comparatorSettings)
      .values(values)
      .onConflictDoUpdate({
        target: comparatorSettings.organisationId,
        set: { ...values, updatedAt: sql`now()` },
      });
    await recordChange(tx, {
      organisationId,
      recordType: 'comparator-settings',
      recordId: organisationId,
      action: before ? 'update' : 'create',
      actor,
      before: before ? { ...before } : null,
      after: values,
    });
  });
}
