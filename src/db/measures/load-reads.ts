/*
 * Reading data loads: what a file is checked against (the council's measures and comparators), the
 * loads themselves, and the figures a load revised. Internal: re-exported by queries.ts.
 */
import { recordedInspectionKeys } from '../inspections/queries.ts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { LoadContext, NamedNeighbour } from '../../domain/measures/loads.ts';
import { DEFAULT_NEIGHBOUR_AVERAGE, type NeighbourAverageKind } from '../../domain/measures/neighbours.ts';
import type { DbOrTx } from '../changes.ts';
import { organisations, users } from '../people/schema.ts';
import type { DataLoad } from './load-types.ts';
import { budgetLoadTargets } from '../projects/queries.ts';
import { catalogueEntries } from './catalogue-reads.ts';
import {
  comparatorSettings,
  dataLoads,
  measures,
  neighbourModelCouncils,
  neighbourModels,
  observationRevisions,
  observations,
} from './schema.ts';

export type ComparatorSettings = typeof comparatorSettings.$inferSelect;

export async function comparatorsOf(db: DbOrTx, organisationId: number): Promise<ComparatorSettings | null> {
  const [settings] = await db
    .select()
    .from(comparatorSettings)
    .where(eq(comparatorSettings.organisationId, organisationId));
  return settings ?? null;
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
  const settings = await comparatorsOf(db, organisationId);
  const models = await db
    .select({ name: neighbourModels.name })
    .from(neighbourModels)
    .where(eq(neighbourModels.organisationId, organisationId));
  return {
    neighbourModels: models.map((m) => m.name),
    recordedInspections: [...(await recordedInspectionKeys(db, organisationId))],
    projects: await budgetLoadTargets(db, organisationId),
    catalogue: await catalogueEntries(db, organisationId),
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

export async function findLoad(db: DbOrTx, organisationId: number, loadId: number): Promise<DataLoad | null> {
  const [row] = await db
    .select()
    .from(dataLoads)
    .where(and(eq(dataLoads.id, loadId), eq(dataLoads.organisationId, organisationId)));
  return row ?? null;
}

export async function listLoads(db: DbOrTx, organisationId: number) {
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

/** Earlier figures for a measure's observations, newest first, for the measure page. */
export async function revisionsOf(db: DbOrTx, measureId: number) {
  return db
    .select({
      period: observations.period,
      area: observations.area,
      areaName: observations.areaName,
      breakdown: observations.breakdown,
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

/**
 * A measure's breakdowns (from a DfE file's filters) in its latest period that has any: the
 * council's figure and its region's and England's, in the order they were loaded.
 */
export async function breakdownsOf(db: DbOrTx, measureId: number) {
  const rows = await db
    .select({
      breakdown: observations.breakdown,
      period: observations.period,
      area: observations.area,
      value: observations.value,
      suppression: observations.suppression,
    })
    .from(observations)
    .where(
      and(
        eq(observations.measureId, measureId),
        sql`${observations.breakdown} <> ''`,
        inArray(observations.area, ['council', 'region', 'england']),
      ),
    )
    .orderBy(asc(observations.id));
  const latest = rows.reduce((p, r) => (r.period > p ? r.period : p), '');
  return { period: latest, rows: rows.filter((r) => r.period === latest) };
}

/** Who the council's statistical neighbours are now, and how their figures are averaged. */
export interface Neighbourhood {
  /** The model in force ("2025"): the latest loaded. null when none is, and a file's councils are used. */
  model: string | null;
  average: NeighbourAverageKind;
  /** In the model's order, closest first (empty without a model). */
  neighbours: NamedNeighbour[];
}

/** The latest model's row for the council (by its old LA code, or its name as DfE writes it). */
export async function neighbourhoodOf(db: DbOrTx, organisationId: number): Promise<Neighbourhood> {
  const settings = await comparatorsOf(db, organisationId);
  const average = settings?.average ?? DEFAULT_NEIGHBOUR_AVERAGE;
  const [model] = await db
    .select({ id: neighbourModels.id, name: neighbourModels.name })
    .from(neighbourModels)
    .where(eq(neighbourModels.organisationId, organisationId))
    .orderBy(desc(neighbourModels.year), desc(neighbourModels.id))
    .limit(1);
  if (!model || !settings) return { model: null, average, neighbours: [] };
  const councils = await db
    .select({
      laCode: neighbourModelCouncils.laCode,
      laName: neighbourModelCouncils.laName,
      neighbours: neighbourModelCouncils.neighbours,
    })
    .from(neighbourModelCouncils)
    .where(eq(neighbourModelCouncils.modelId, model.id));
  const own =
    settings.oldLaCode !== ''
      ? councils.find((c) => c.laCode === settings.oldLaCode)
      : councils.find((c) => c.laName.toLowerCase() === settings.laName.toLowerCase());
  if (!own) return { model: null, average, neighbours: [] };
  const names = new Map(councils.map((c) => [c.laCode, c.laName]));
  return {
    model: model.name,
    average,
    neighbours: own.neighbours.map((n) => ({
      laCode: n.laCode,
      name: names.get(n.laCode) ?? '',
      closeness: n.closeness,
    })),
  };
}

/** Every model the council has loaded, newest first. */
export async function listNeighbourModels(db: DbOrTx, organisationId: number) {
  return db
    .select({ name: neighbourModels.name, year: neighbourModels.year, createdAt: neighbourModels.createdAt })
    .from(neighbourModels)
    .where(eq(neighbourModels.organisationId, organisationId))
    .orderBy(desc(neighbourModels.year), desc(neighbourModels.id));
}
