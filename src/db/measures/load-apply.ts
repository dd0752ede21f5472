/*
 * Writing data loads. Confirming a load is the only way figures change, so it runs as one
 * transaction: a file with a problem writes nothing, and the same content confirmed twice is
 * written once. A previewed file is held as a pending load until it is confirmed or discarded, as
 * the import workflow (src/domain/workflows/import.ts) allows. Internal: re-exported by commands.ts.
 */
import { eq, sql } from 'drizzle-orm';
import {
  measuresTouched,
  reportOf,
  type NeighbourModel,
  type ParsedLoad,
} from '../../domain/measures/loads.ts';
import { dataLoadState, ImportActionRefusedError, transition } from '../../domain/workflows/import.ts';
import { insertRecord, recordChange, type Actor, type Tx } from '../changes.ts';
import type { Db } from '../client.ts';
import { writeFigures } from './load-figures.ts';
import { createInspection, createJudgement } from '../inspections/commands.ts';
import type { LoadedInspection } from '../../domain/inspections/index.ts';
import { writeBudgetSpend } from '../projects/commands.ts';
import { writeCatalogue } from './catalogue-commands.ts';
import { findLoadedByHash, loadContext, type ComparatorSettings } from './load-reads.ts';
import { DEFAULT_NEIGHBOUR_AVERAGE, type NeighbourAverageKind } from '../../domain/measures/neighbours.ts';
import {
  contentHashOf,
  LoadRefusedError,
  type DataLoad,
  type LoadResult,
  type ReadLoadFile,
} from './load-types.ts';
import {
  comparatorSettings,
  dataLoads,
  measures,
  neighbourModelCouncils,
  neighbourModels,
} from './schema.ts';

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
        polarity: m.polarity ?? 'context',
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
  if (parsed.model) await writeModel(tx, input, loadId, parsed.model);
  if (parsed.inspections) await writeInspections(tx, input, loadId, parsed.inspections);
  if (parsed.budget) await writeBudgetSpend(tx, input.organisationId, loadId, parsed.budget, input.actor);
  if (parsed.catalogue) await writeCatalogue(tx, input.organisationId, loadId, parsed.catalogue, input.actor);
  const { written, revised, unchanged } =
    parsed.observations.length === 0
      ? { written: 0, revised: 0, unchanged: 0 }
      : await writeFigures(tx, loadId, ids, parsed.observations);
  await tx.update(dataLoads).set({ revisedCount: revised }).where(eq(dataLoads.id, loadId));
  // The figures are the load's records: its history row says so, and moves the council's data version.
  if (written + revised > 0)
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'data-load',
      recordId: loadId,
      action: 'import',
      actor: input.actor,
      before: null,
      after: { fileName: input.fileName, written, revised },
    });
  return { outcome: 'loaded', loadId, report, written, revised, unchanged };
}

/* A model is kept beside the earlier ones (never replacing them); the latest is the one in force. */
async function writeModel(tx: Tx, input: LoadInput, loadId: number, model: NeighbourModel) {
  const [row] = await tx
    .insert(neighbourModels)
    .values({ organisationId: input.organisationId, name: model.name, year: model.year, dataLoadId: loadId })
    .returning({ id: neighbourModels.id });
  await tx.insert(neighbourModelCouncils).values(
    model.councils.map((c) => ({
      modelId: row!.id,
      laCode: c.laCode,
      laName: c.name,
      regionName: c.regionName,
      neighbours: c.neighbours,
    })),
  );
  await recordChange(tx, {
    organisationId: input.organisationId,
    recordType: 'neighbour-model',
    recordId: row!.id,
    action: 'create',
    actor: input.actor,
    before: null,
    after: { name: model.name, councils: model.councils.length, neighbours: model.neighbours },
  });
}

/* Each inspection and its judgements recorded as imported, in the history like any other record. */
async function writeInspections(tx: Tx, input: LoadInput, loadId: number, loaded: LoadedInspection[]) {
  for (const i of loaded) {
    const inspection = await createInspection(
      tx,
      input.organisationId,
      {
        kind: i.kind,
        frameworkVersion: i.frameworkVersion,
        startDate: i.startDate,
        endDate: i.endDate,
        publishedDate: i.publishedDate,
        focus: '',
        summary: '',
        link: i.link,
        priorityIds: [],
        dataLoadId: loadId,
      },
      input.actor,
      'import',
    );
    for (const j of i.judgements) await createJudgement(tx, inspection, j, input.actor, 'import');
  }
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
  /** How the statistical neighbours' figures are averaged (median unless the council chooses mean). */
  average?: NeighbourAverageKind;
}

export type ComparatorSaveResult =
  { ok: true; version: number } | { ok: false; conflict: ComparatorSettings };

/**
 * Who the council compares itself with in DfE files, with the change in its history. Given the
 * version the form loaded, a save over a newer one is refused with what is saved now.
 */
export async function setComparators(
  db: Db,
  organisationId: number,
  settings: ComparatorInput,
  actor: Actor,
  expectedVersion?: number,
): Promise<ComparatorSaveResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(comparatorSettings)
      .where(eq(comparatorSettings.organisationId, organisationId))
      .for('update');
    if (before && expectedVersion !== undefined && before.version !== expectedVersion)
      return { ok: false as const, conflict: before };
    const values = {
      organisationId,
      oldLaCode: '',
      ...settings,
      average: settings.average ?? before?.average ?? DEFAULT_NEIGHBOUR_AVERAGE,
    };
    const version = (before?.version ?? 0) + 1;
    await tx
      .insert(comparatorSettings)
      .values({ ...values, version })
      .onConflictDoUpdate({
        target: comparatorSettings.organisationId,
        set: { ...values, version, updatedAt: sql`now()` },
      });
    await recordChange(tx, {
      organisationId,
      recordType: 'comparator-settings',
      recordId: organisationId,
      action: before ? 'update' : 'create',
      actor,
      before: before ? { ...before } : null,
      after: { ...values, version },
    });
    return { ok: true as const, version };
  });
}
