/*
 * Loading files of figures: preview (read and checked, nothing written), then load all or nothing.
 * The same content loads once per council (a second load changes nothing); a figure that differs
 * from the one held is revised and the old figure kept in `observation_revisions`.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { readObservationFile, measuresTouched } from '../import/observations/read.ts';
import type { LoadContext, LoadObservation, LoadProblem, ParsedLoad } from '../import/observations/types.ts';
import { insertRecord, type Actor, type DbOrTx, type Tx } from './changes.ts';
import type { Db } from './client.ts';
import { organisations, users } from './schema-core.ts';
import {
  comparatorSettings,
  dataLoads,
  measures,
  observationRevisions,
  observations,
} from './schema-measures.ts';

export type DataLoad = typeof dataLoads.$inferSelect;

/** The report the CLI prints and the preview page shows. */
export interface LoadReport {
  layout: string;
  rows: number;
  observations: number;
  measures: number;
  errors: LoadProblem[];
}

export function contentHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function reportOf(parsed: ParsedLoad): LoadReport {
  return {
    layout: parsed.layout,
    rows: parsed.rows,
    observations: parsed.observations.length,
    measures: measuresTouched(parsed),
    errors: parsed.errors,
  };
}

export async function loadContext(db: DbOrTx, organisationId: number): Promise<LoadContext> {
  const rows = await db
    .select({
      name: measures.name,
      frequency: measures.frequency,
      yearEnding: measures.yearEnding,
      unit: measures.unit,
    })
    .from(measures)
    .where(eq(measures.organisationId, organisationId));
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const [settings] = await db
    .select()
    .from(comparatorSettings)
    .where(eq(comparatorSettings.organisationId, organisationId));
  return {
    measures: new Map(rows.map((r) => [r.name.toLowerCase(), r])),
    council: settings
      ? {
          name: settings.laName,
          laCode: settings.laCode,
          oldLaCode: settings.oldLaCode,
          regionName: settings.regionName,
          neighbourCodes: settings.neighbourCodes,
        }
      : null,
    organisationName: organisation?.name ?? '',
  };
}

export async function setComparators(
  db: DbOrTx,
  organisationId: number,
  settings: {
    laCode: string;
    laName: string;
    oldLaCode?: string;
    regionName: string;
    neighbourCodes: string[];
  },
): Promise<void> {
  const values = { organisationId, oldLaCode: '', ...settings };
  await db
    .insert(comparatorSettings)
    .values(values)
    .onConflictDoUpdate({
      target: comparatorSettings.organisationId,
      set: { ...values, updatedAt: new Date() },
    });
}

export async function readLoad(
  db: DbOrTx,
  organisationId: number,
  fileName: string,
  bytes: Buffer,
): Promise<ParsedLoad> {
  return readObservationFile(bytes, fileName, await loadContext(db, organisationId));
}

export async function findLoadedByHash(
  db: DbOrTx,
  organisationId: number,
  contentHash: string,
): Promise<DataLoad | null> {
  const [row] = await db
    .select()
    .from(dataLoads)
    .where(
      and(
        eq(dataLoads.organisationId, organisationId),
        eq(dataLoads.contentHash, contentHash),
        eq(dataLoads.status, 'loaded'),
      ),
    );
  return row ?? null;
}

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

export async function findLoad(db: Db, organisationId: number, loadId: number): Promise<DataLoad | null> {
  const [row] = await db
    .select()
    .from(dataLoads)
    .where(and(eq(dataLoads.id, loadId), eq(dataLoads.organisationId, organisationId)));
  return row ?? null;
}

export async function listLoads(db: Db, organisationId: number) {
  return db
    .select({
      id: dataLoads.id,
      fileName: dataLoads.fileName,
      layout: dataLoads.layout,
      status: dataLoads.status,
      rows: dataLoads.rows,
      observationCount: dataLoads.observationCount,
      revisedCount: dataLoads.revisedCount,
      createdAt: dataLoads.createdAt,
      loadedAt: dataLoads.loadedAt,
      loadedBy: sql<string>`coalesce(${users.name}, nullif(${dataLoads.actorName}, ''), '')`,
    })
    .from(dataLoads)
    .leftJoin(users, eq(users.id, dataLoads.loadedBy))
    .where(eq(dataLoads.organisationId, organisationId))
    .orderBy(desc(dataLoads.id))
    .limit(50);
}

export async function discardLoad(db: Db, load: DataLoad): Promise<void> {
  await db
    .update(dataLoads)
    .set({ status: 'discarded', content: null })
    .where(and(eq(dataLoads.id, load.id), eq(dataLoads.status, 'pending')));
}

/** Thrown inside the transaction so nothing is written when the file has problems. */
export class LoadRefusedError extends Error {
  constructor(readonly report: LoadReport) {
    super(
      `The file has ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; nothing was loaded`,
    );
  }
}

export type LoadResult =
  | {
      outcome: 'loaded';
      loadId: number;
      report: LoadReport;
      written: number;
      revised: number;
      unchanged: number;
    }
  | { outcome: 'already-loaded'; loadId: number; report: LoadReport };

/*
 * Writes go in as arrays (`unnest`), a few statements per ten thousand rows rather than one
 * parameter per cell, which keeps a million-figure load within sight of COPY.
 */
const CHUNK = 10_000;

type Key = string;
const keyOf = (measureId: number, o: { period: string; area: string; areaCode: string }): Key =>
  `${measureId}|${o.period}|${o.area}|${o.areaCode}`;

interface Held {
  id: number;
  value: number | null;
  suppression: string | null;
  numerator: number | null;
  denominator: number | null;
  dataLoadId: number | null;
}

interface Figure {
  value: number | null;
  suppression: string | null;
  numerator: number | null;
  denominator: number | null;
}

const sameFigure = (a: Held, b: Figure) =>
  a.value === b.value &&
  a.suppression === b.suppression &&
  a.numerator === b.numerator &&
  a.denominator === b.denominator;

const array = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

async function heldFigures(tx: Tx, measureIds: readonly number[]): Promise<Map<Key, Held>> {
  const rows = await tx
    .select({
      id: observations.id,
      measureId: observations.measureId,
      period: observations.period,
      area: observations.area,
      areaCode: observations.areaCode,
      value: observations.value,
      suppression: observations.suppression,
      numerator: observations.numerator,
      denominator: observations.denominator,
      dataLoadId: observations.dataLoadId,
    })
    .from(observations)
    .where(inArray(observations.measureId, [...measureIds]));
  return new Map(rows.map((row) => [keyOf(row.measureId, row), row]));
}

async function insertNew(
  tx: Tx,
  loadId: number,
  rows: { measureId: number; o: LoadObservation; figure: Figure }[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ${observations} (measure_id, period, area, area_code, area_name, value, suppression, numerator, denominator, note, data_load_id)
      select m, p, a, c, n, v, s, nu, de, no, ${loadId}::int
      from unnest(${array(
        chunk.map((r) => r.measureId),
        'int',
      )}, ${array(
        chunk.map((r) => r.o.period),
        'text',
      )}, ${array(
        chunk.map((r) => r.o.area),
        'text',
      )},
                  ${array(
                    chunk.map((r) => r.o.areaCode),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.o.areaName),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.figure.value),
                    'float8',
                  )},
                  ${array(
                    chunk.map((r) => r.figure.suppression),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.figure.numerator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.figure.denominator),
                    'float8',
                  )},
                  ${array(
                    chunk.map((r) => r.o.note ?? ''),
                    'text',
                  )}) as u(m, p, a, c, n, v, s, nu, de, no)`);
  }
}

async function revise(tx: Tx, loadId: number, rows: { held: Held; figure: Figure }[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ${observationRevisions} (observation_id, value, suppression, numerator, denominator, data_load_id, revised_by_load_id)
      select i, v, s, nu, de, l, ${loadId}::int
      from unnest(${array(
        chunk.map((r) => r.held.id),
        'int',
      )}, ${array(
        chunk.map((r) => r.held.value),
        'float8',
      )}, ${array(
        chunk.map((r) => r.held.suppression),
        'text',
      )},
                  ${array(
                    chunk.map((r) => r.held.numerator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.held.denominator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.held.dataLoadId),
                    'int',
                  )}) as u(i, v, s, nu, de, l)`);
    await tx.execute(sql`
      update ${observations} o set value = u.v, suppression = u.s, numerator = u.nu, denominator = u.de, data_load_id = ${loadId}::int, updated_at = now()
      from unnest(${array(
        chunk.map((r) => r.held.id),
        'int',
      )}, ${array(
        chunk.map((r) => r.figure.value),
        'float8',
      )}, ${array(
        chunk.map((r) => r.figure.suppression),
        'text',
      )},
                  ${array(
                    chunk.map((r) => r.figure.numerator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.figure.denominator),
                    'float8',
                  )}) as u(i, v, s, nu, de)
      where o.id = u.i`);
  }
}

async function writeFigures(
  tx: Tx,
  loadId: number,
  ids: ReadonlyMap<string, number>,
  incoming: readonly LoadObservation[],
) {
  const held = await heldFigures(tx, [
    ...new Set(incoming.map((o) => ids.get(o.measureName.toLowerCase())!)),
  ]);
  const fresh: { measureId: number; o: LoadObservation; figure: Figure }[] = [];
  const changed: { held: Held; figure: Figure }[] = [];
  let unchanged = 0;
  for (const o of incoming) {
    const measureId = ids.get(o.measureName.toLowerCase())!;
    const figure: Figure = {
      value: o.value,
      suppression: o.suppression ?? null,
      numerator: o.numerator ?? null,
      denominator: o.denominator ?? null,
    };
    const current = held.get(keyOf(measureId, o));
    if (!current) fresh.push({ measureId, o, figure });
    else if (sameFigure(current, figure)) unchanged++;
    else changed.push({ held: current, figure });
  }
  await insertNew(tx, loadId, fresh);
  await revise(tx, loadId, changed);
  return { written: fresh.length, revised: changed.length, unchanged };
}

/**
 * Reads the file again inside the transaction (the council's measures may have changed since the
 * preview) and writes every figure, or nothing when any row has a problem.
 */
export async function applyLoad(
  db: Db,
  input: { organisationId: number; fileName: string; bytes: Buffer; actor: Actor; pendingId?: number },
): Promise<LoadResult> {
  const contentHash = contentHashOf(input.bytes);
  return db.transaction(async (tx) => {
    // One load at a time per council, so the same file confirmed twice is written once.
    await tx.execute(sql`select pg_advisory_xact_lock(7302, ${input.organisationId})`);
    const parsed = await readLoad(tx, input.organisationId, input.fileName, input.bytes);
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
      loadedAt: new Date(),
    };
    let loadId: number;
    if (input.pendingId !== undefined) {
      const [row] = await tx
        .update(dataLoads)
        .set(loadValues)
        .where(and(eq(dataLoads.id, input.pendingId), eq(dataLoads.status, 'pending')))
        .returning({ id: dataLoads.id });
      if (!row) throw new Error('This file is no longer waiting to be loaded');
      loadId = row.id;
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
  });
}

/** Earlier figures for a measure's observations, newest first, for the measure page. */
export async function revisionsOf(db: Db, measureId: number) {
  return db
    .select({
      period: observations.period,
      area: observations.area,
      areaName: observations.areaName,
      value: observationRevisions.value,
      suppression: observationRevisions.suppression,
      revisedAt: observationRevisions.revisedAt,
      currentValue: observations.value,
      currentSuppression: observations.suppression,
    })
    .from(observationRevisions)
    .innerJoin(observations, eq(observations.id, observationRevisions.observationId))
    .where(eq(observations.measureId, measureId))
    .orderBy(desc(observationRevisions.id));
}
