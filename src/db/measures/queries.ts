/*
 * Reads for the scorecard, the measure page, the API and board packs. Every lookup by id joins to
 * the organisation, so another council's measure is simply not found. The figures themselves
 * (rating, direction, narrative) come from one call to `summariseMeasure`.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  formatPeriod,
  formatValue,
  observationsUpTo,
  summariseMeasure,
  suppressionMeanings,
  type Measure,
  type MeasureSummary,
  type Observation,
  type Rating,
} from '../../domain/measures/index.ts';
import { directionText } from '../../domain/measures/honest.ts';
import type { Db } from '../client.ts';
import type { FrameworkOutcome } from '../../domain/national-framework.ts';
import {
  toDomainMeasure,
  toDomainObservations,
  type MeasureRow,
  type ObservationRow,
  type SeriesRow,
} from './series.ts';
import { improvementAreas, priorities, plans } from '../plan/schema.ts';
import { measureAnnotations, measureLinks, measurePlanTargets, measures, observations } from './schema.ts';
import { neighbourhoodOf, type Neighbourhood } from './load-reads.ts';

export interface MeasureWithFigures {
  row: MeasureRow;
  measure: Measure;
  observations: Observation[];
  /** The observations for periods already started, which the summary reads (no future rows). */
  upToToday: Observation[];
  summary: MeasureSummary;
}

/** What a board pack or highlight report shows for one measure beside its priority. */
export interface PriorityMeasure {
  id: number;
  name: string;
  /** "83%", "2,324", "suppressed (c: confidential)" or "No figures yet". */
  latest: string;
  /** "July 2024"; absent when there are no figures. */
  latestPeriod?: string;
  /** "90%"; absent when the measure has no target in force. */
  target?: string;
  rating: Rating;
  /** "Down on last month (worsening)". */
  direction: string;
  narrative: string;
  /** Red or amber against its target. */
  offTarget: boolean;
}

/*
 * Only the rows the rules read: the council's own and its comparators. Individual neighbours are
 * kept (the average is worked out from them); any other council's figures stay in the table.
 */
async function observationRows(db: Db, measureIds: readonly number[]): Promise<Map<number, SeriesRow[]>> {
  const byMeasure = new Map<number, SeriesRow[]>(measureIds.map((id) => [id, []]));
  if (measureIds.length === 0) return byMeasure;
  const rows = await db
    .select({
      measureId: observations.measureId,
      period: observations.period,
      area: observations.area,
      areaCode: observations.areaCode,
      areaName: observations.areaName,
      oldAreaCode: observations.oldAreaCode,
      value: observations.value,
      suppression: observations.suppression,
      numerator: observations.numerator,
      denominator: observations.denominator,
    })
    .from(observations)
    // The measure's own figures: breakdowns from a DfE file's filters are not its series.
    .where(and(inArray(observations.measureId, [...measureIds]), eq(observations.breakdown, '')))
    .orderBy(asc(observations.measureId), asc(observations.id));
  for (const row of rows) byMeasure.get(row.measureId)?.push(row);
  return byMeasure;
}

export function withFigures(
  row: MeasureRow,
  rows: readonly SeriesRow[],
  today: Date,
  neighbourhood?: Neighbourhood,
): MeasureWithFigures {
  const measure = toDomainMeasure(row);
  const series = toDomainObservations(measure, rows, neighbourhood);
  return {
    row,
    measure,
    observations: series,
    upToToday: observationsUpTo(measure, series, today),
    summary: summariseMeasure(measure, series, today),
  };
}

export async function figuresFor(
  db: Db,
  rows: readonly MeasureRow[],
  today: Date,
): Promise<MeasureWithFigures[]> {
  const byMeasure = await observationRows(
    db,
    rows.map((r) => r.id),
  );
  const neighbourhood = rows[0] ? await neighbourhoodOf(db, rows[0].organisationId) : undefined;
  return rows.map((row) => withFigures(row, byMeasure.get(row.id) ?? [], today, neighbourhood));
}

export async function listMeasureRows(
  db: Db,
  organisationId: number,
  filter: { priorityId?: number; planId?: number; outcome?: FrameworkOutcome | undefined } = {},
): Promise<MeasureRow[]> {
  const conditions = [eq(measures.organisationId, organisationId)];
  if (filter.outcome) conditions.push(eq(measures.frameworkOutcome, filter.outcome));
  if (filter.planId !== undefined) {
    conditions.push(
      inArray(
        measures.id,
        db
          .select({ id: measureLinks.measureId })
          .from(measureLinks)
          .innerJoin(priorities, eq(priorities.id, measureLinks.priorityId))
          .where(eq(priorities.planId, filter.planId)),
      ),
    );
  }
  if (filter.priorityId !== undefined) {
    conditions.push(
      inArray(
        measures.id,
        db
          .select({ id: measureLinks.measureId })
          .from(measureLinks)
          .where(eq(measureLinks.priorityId, filter.priorityId)),
      ),
    );
  }
  return db
    .select()
    .from(measures)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${measures.name})`));
}

export async function getMeasure(
  db: Db,
  organisationId: number,
  measureId: number,
): Promise<MeasureRow | null> {
  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.id, measureId), eq(measures.organisationId, organisationId)));
  return row ?? null;
}

export async function getMeasureWithFigures(
  db: Db,
  organisationId: number,
  measureId: number,
  today: Date,
): Promise<MeasureWithFigures | null> {
  const row = await getMeasure(db, organisationId, measureId);
  if (!row) return null;
  const [one] = await figuresFor(db, [row], today);
  return one ?? null;
}

/** The priorities (with their plan) a measure evidences, and the areas within them. */
export async function linksOf(db: Db, measureId: number) {
  return db
    .select({
      priorityId: priorities.id,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
      sponsorUserId: priorities.sponsorUserId,
      planId: plans.id,
      planTitle: plans.title,
      improvementAreaId: measureLinks.improvementAreaId,
      improvementAreaTitle: improvementAreas.title,
    })
    .from(measureLinks)
    .innerJoin(priorities, eq(priorities.id, measureLinks.priorityId))
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .leftJoin(improvementAreas, eq(improvementAreas.id, measureLinks.improvementAreaId))
    .where(eq(measureLinks.measureId, measureId))
    .orderBy(asc(plans.id), asc(priorities.number));
}

export async function annotationsOf(db: Db, measureId: number) {
  return db
    .select()
    .from(measureAnnotations)
    .where(eq(measureAnnotations.measureId, measureId))
    .orderBy(asc(measureAnnotations.period));
}

/** The priorities a council's measures can be filtered by: those with at least one linked measure. */
export async function prioritiesWithMeasures(db: Db, organisationId: number) {
  return db
    .selectDistinct({
      id: priorities.id,
      number: priorities.number,
      title: priorities.title,
      planId: plans.id,
      planTitle: plans.title,
    })
    .from(measureLinks)
    .innerJoin(priorities, eq(priorities.id, measureLinks.priorityId))
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(eq(plans.organisationId, organisationId))
    .orderBy(asc(plans.id), asc(priorities.number));
}

/** "Down on last month (worsening)", from the same figures the scorecard's trend line draws. */
export function directionWords(m: Pick<MeasureWithFigures, 'measure' | 'summary'>): string {
  return directionText(m.measure, m.summary.latest, m.summary.direction);
}

/** The latest figure as read: the value, or the suppression code with its meaning. */
export function latestWords(m: Pick<MeasureWithFigures, 'measure' | 'summary'>): string {
  const latest = m.summary.latest;
  if (!latest) return 'No figures yet';
  if (latest.suppression)
    return `suppressed (${latest.suppression}: ${suppressionMeanings[latest.suppression]})`;
  if (latest.value === null) return 'No figure';
  return formatValue(m.measure.unit, latest.value);
}

export function toPriorityMeasure(m: MeasureWithFigures): PriorityMeasure {
  const { rag, latest } = m.summary;
  const out: PriorityMeasure = {
    id: m.row.id,
    name: m.row.name,
    latest: latestWords(m),
    rating: rag.rating,
    direction: directionWords(m),
    narrative: m.summary.narrative,
    offTarget: rag.rating === 'red' || rag.rating === 'amber',
  };
  if (latest) out.latestPeriod = formatPeriod(m.measure, latest.period);
  if (rag.target !== null) out.target = formatValue(m.measure.unit, rag.target);
  return out;
}

/** For the board cycle: a priority's linked measures with rating, latest, target, direction and narrative. */
export async function measuresForPriority(
  db: Db,
  priorityId: number,
  today: Date,
): Promise<PriorityMeasure[]> {
  return (await measuresForPriorities(db, [priorityId], today)).get(priorityId) ?? [];
}

/**
 * The same for many priorities in two queries, each measure's figures read once however many share
 * it. A priority reads a shared measure against its own plan's target where the plan set one.
 */
export async function measuresForPriorities(
  db: Db,
  priorityIds: readonly number[],
  today: Date,
): Promise<Map<number, PriorityMeasure[]>> {
  const out = new Map<number, PriorityMeasure[]>(priorityIds.map((id) => [id, []]));
  if (priorityIds.length === 0) return out;
  const rows = await db
    .select({ priorityId: measureLinks.priorityId, measure: measures, planTarget: measurePlanTargets })
    .from(measureLinks)
    .innerJoin(measures, eq(measures.id, measureLinks.measureId))
    .innerJoin(priorities, eq(priorities.id, measureLinks.priorityId))
    .leftJoin(
      measurePlanTargets,
      and(eq(measurePlanTargets.measureId, measures.id), eq(measurePlanTargets.planId, priorities.planId)),
    )
    .where(inArray(measureLinks.priorityId, [...priorityIds]))
    .orderBy(asc(sql`lower(${measures.name})`), asc(measures.id));
  const keyOf = (r: (typeof rows)[number]) => `${r.measure.id}:${r.planTarget?.id ?? ''}`;
  const unique = [
    ...new Map(rows.map((r) => [keyOf(r), withPlanTarget(r.measure, r.planTarget ?? undefined)])).entries(),
  ];
  const read = await figuresFor(
    db,
    unique.map(([, row]) => row),
    today,
  );
  const figures = new Map(unique.map(([key], i) => [key, toPriorityMeasure(read[i]!)] as const));
  for (const row of rows) {
    const list = out.get(row.priorityId)!;
    if (!list.some((m) => m.id === row.measure.id)) list.push(figures.get(keyOf(row))!);
  }
  return out;
}

/*
 * A plan's view of a measure it shares with other plans reads the plan's own target where it set
 * one: the rating and the gap are then worked out against that target, not the measure's.
 */
export function withPlanTarget(row: MeasureRow, own: PlanTarget | undefined): MeasureRow {
  return own ? { ...row, target: own.target, targets: [] } : row;
}

/** Every priority in the council's plans, newest plan first, for choosing what a measure evidences. */
export async function councilPriorities(db: Db, organisationId: number) {
  return db
    .select({
      id: priorities.id,
      number: priorities.number,
      title: priorities.title,
      planTitle: plans.title,
      sponsorUserId: priorities.sponsorUserId,
    })
    .from(priorities)
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(eq(plans.organisationId, organisationId))
    .orderBy(desc(plans.id), asc(priorities.number));
}

/** Which priorities each measure evidences, for many measures in one query. */
export async function priorityIdsByMeasure(
  db: Db,
  measureIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(measureIds.map((id) => [id, []]));
  if (measureIds.length === 0) return out;
  const rows = await db
    .select({ measureId: measureLinks.measureId, priorityId: measureLinks.priorityId })
    .from(measureLinks)
    .where(inArray(measureLinks.measureId, [...measureIds]))
    .orderBy(asc(measureLinks.priorityId));
  for (const row of rows) out.get(row.measureId)?.push(row.priorityId);
  return out;
}

/** Every "what needs to improve" area in the council's plans, for linking a measure to one. */
export async function councilAreas(db: Db, organisationId: number) {
  return db
    .select({
      id: improvementAreas.id,
      title: improvementAreas.title,
      priorityId: priorities.id,
      priorityNumber: priorities.number,
      planTitle: plans.title,
      sponsorUserId: priorities.sponsorUserId,
    })
    .from(improvementAreas)
    .innerJoin(priorities, eq(priorities.id, improvementAreas.priorityId))
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(eq(plans.organisationId, organisationId))
    .orderBy(
      desc(plans.id),
      asc(priorities.number),
      asc(improvementAreas.position),
      asc(improvementAreas.id),
    );
}

/** A measure's figures, in the order they were entered (the page) or by period and area (the API). */
export async function observationsOf(
  db: Db,
  measureId: number,
  order: 'entered' | 'period' = 'entered',
): Promise<ObservationRow[]> {
  return db
    .select()
    .from(observations)
    .where(and(eq(observations.measureId, measureId), eq(observations.breakdown, '')))
    .orderBy(
      ...(order === 'entered'
        ? [asc(observations.id)]
        : [asc(observations.period), asc(observations.area), asc(observations.areaCode)]),
    );
}

export type { MeasureRow, ObservationRow, SeriesRow } from './series.ts';
export type { DataLoad } from './load-types.ts';
export {
  catalogueEntries,
  catalogueSize,
  getCatalogueIndicator,
  listCatalogue,
  type CatalogueIndicatorRow,
  type CatalogueListRow,
} from './catalogue-reads.ts';
export {
  comparatorsOf,
  findLoad,
  findLoadedByHash,
  listLoads,
  listNeighbourModels,
  breakdownsOf,
  loadContext,
  neighbourhoodOf,
  revisionsOf,
  type ComparatorSettings,
  type Neighbourhood,
} from './load-reads.ts';

/** The council's measure of that name (names are unique per council, whatever their case). */
export async function findMeasureByName(
  db: Db,
  organisationId: number,
  name: string,
): Promise<MeasureRow | null> {
  const [row] = await db
    .select()
    .from(measures)
    .where(
      and(eq(measures.organisationId, organisationId), sql`lower(${measures.name}) = ${name.toLowerCase()}`),
    );
  return row ?? null;
}

/** The priority of that number in the council's latest improvement plan. */
export async function latestPriorityNumbered(
  db: Db,
  organisationId: number,
  number: number,
): Promise<number | null> {
  const [row] = await db
    .select({ id: priorities.id })
    .from(priorities)
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        eq(priorities.number, number),
        // A load's priority numbers are the improvement plan's, not a reform programme's beside it.
        eq(plans.kind, 'improvement-plan'),
      ),
    )
    .orderBy(desc(plans.id))
    .limit(1);
  return row?.id ?? null;
}

export interface LatestFigure {
  id: number;
  name: string;
  frequency: MeasureRow['frequency'];
  yearEnding: number | null;
  /** The period of the council's own latest figure (a suppressed figure counts), or null. */
  latestPeriod: string | null;
}

/** Each of the council's measures with the period of its own latest figure: what staleness is judged on. */
export async function latestCouncilFigures(db: Db, organisationId: number): Promise<LatestFigure[]> {
  return db
    .select({
      id: measures.id,
      name: measures.name,
      frequency: measures.frequency,
      yearEnding: measures.yearEnding,
      latestPeriod: sql<string | null>`max(${observations.period})`,
    })
    .from(measures)
    .leftJoin(
      observations,
      and(
        eq(observations.measureId, measures.id),
        eq(observations.area, 'council'),
        eq(observations.breakdown, ''),
        sql`(${observations.value} is not null or ${observations.suppression} is not null)`,
      ),
    )
    .where(eq(measures.organisationId, organisationId))
    .groupBy(measures.id)
    .orderBy(asc(measures.name));
}

export type PlanTarget = typeof measurePlanTargets.$inferSelect;

/** Each plan's own target for a measure, with the plan's title and kind (the measure page's table). */
export async function planTargetsOf(db: Db, organisationId: number, measureId: number) {
  return db
    .select({
      target: measurePlanTargets,
      planId: plans.id,
      planTitle: plans.title,
      planKind: plans.kind,
    })
    .from(measurePlanTargets)
    .innerJoin(plans, eq(plans.id, measurePlanTargets.planId))
    .where(and(eq(measurePlanTargets.measureId, measureId), eq(plans.organisationId, organisationId)))
    .orderBy(asc(plans.id));
}

/** One plan's own target for one measure, or null when the plan shows the measure's own target. */
export async function planTargetFor(
  db: Db,
  organisationId: number,
  measureId: number,
  planId: number,
): Promise<PlanTarget | null> {
  const [row] = await db
    .select({ target: measurePlanTargets })
    .from(measurePlanTargets)
    .innerJoin(plans, eq(plans.id, measurePlanTargets.planId))
    .where(
      and(
        eq(measurePlanTargets.measureId, measureId),
        eq(measurePlanTargets.planId, planId),
        eq(plans.organisationId, organisationId),
      ),
    );
  return row?.target ?? null;
}

/** A plan's own targets, by measure, for its scorecard view. */
export async function planTargetsForPlan(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<Map<number, PlanTarget>> {
  const rows = await db
    .select({ target: measurePlanTargets })
    .from(measurePlanTargets)
    .innerJoin(plans, eq(plans.id, measurePlanTargets.planId))
    .where(and(eq(measurePlanTargets.planId, planId), eq(plans.organisationId, organisationId)));
  return new Map(rows.map((r) => [r.target.measureId, r.target]));
}

/** The council's plans that have at least one priority with a linked measure: the scorecard's plan filter. */
export async function plansWithMeasures(db: Db, organisationId: number) {
  return db
    .selectDistinct({ id: plans.id, title: plans.title, kind: plans.kind })
    .from(measureLinks)
    .innerJoin(priorities, eq(priorities.id, measureLinks.priorityId))
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(eq(plans.organisationId, organisationId))
    .orderBy(asc(plans.id));
}
