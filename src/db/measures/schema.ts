import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { TargetStep } from '../../domain/measures/types.ts';
import { dataLoadStatuses } from '../../domain/workflows/import.ts';
import { measureFrequencies, measurePolarities, measureUnits } from '../../domain/measures/vocabulary.ts';
import { neighbourAverages, type ModelNeighbour } from '../../domain/measures/neighbours.ts';
import { frameworkOutcomes } from '../../domain/national-framework.ts';
import { catalogueSources } from '../../domain/measures/indicator-catalogue.ts';
import { bytea, createdAt, id, updatedAt, version } from '../columns.ts';
import { improvementAreas, plans, priorities } from '../plan/schema.ts';
import { organisations, users } from '../people/schema.ts';

/* Measures, their observations and the data loads that bring them in (the scorecard). */

export {
  measureFrequencies,
  measurePolarities,
  measureUnits,
  observationAreas,
  type ObservationArea,
} from '../../domain/measures/vocabulary.ts';

export const measures = pgTable(
  'measures',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    numeratorDescription: text('numerator_description').notNull().default(''),
    denominatorDescription: text('denominator_description').notNull().default(''),
    unit: text('unit', { enum: measureUnits }).notNull(),
    polarity: text('polarity', { enum: measurePolarities }).notNull().default('context'),
    frequency: text('frequency', { enum: measureFrequencies }).notNull().default('monthly'),
    /** Month (1–12) an annual reporting year ends in: 3 for DfE children looked after, 9 for the workforce. */
    yearEnding: integer('year_ending'),
    rolling12Months: boolean('rolling_12_months').notNull().default(false),
    sourceSystem: text('source_system').notNull().default(''),
    owner: text('owner').notNull().default(''),
    target: doublePrecision('target'),
    toleranceKind: text('tolerance_kind', { enum: ['relative', 'absolute'] })
      .notNull()
      .default('relative'),
    /** How far short of target is still amber: per cent of the target, or units when absolute. */
    toleranceAmber: doublePrecision('tolerance_amber').notNull().default(10),
    /** Targets that change over time (fixed from a period, or a trajectory such as +20% a quarter). */
    targets: jsonb('targets').$type<TargetStep[]>().notNull().default([]),
    frameworkOutcome: text('framework_outcome', { enum: frameworkOutcomes }),
    /** The DfE catalogue indicator it was adopted from (its code), so DfE files carrying it fill it. */
    catalogueCode: text('catalogue_code').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('measures_org_name_unique').on(t.organisationId, sql`lower(${t.name})`)],
);

/** Which priorities and "what needs to improve" areas a measure evidences. */
export const measureLinks = pgTable(
  'measure_links',
  {
    id: id(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id),
    improvementAreaId: integer('improvement_area_id').references(() => improvementAreas.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('measure_links_unique').on(
      t.measureId,
      t.priorityId,
      sql`coalesce(${t.improvementAreaId}, 0)`,
    ),
    index('measure_links_priority').on(t.priorityId),
  ],
);

/**
 * A plan's own target for a measure it shares with another plan (an improvement plan and a reform
 * programme often watch the same figure with different ambitions). Without one, the plan shows the
 * measure's own target.
 */
export const measurePlanTargets = pgTable(
  'measure_plan_targets',
  {
    id: id(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    target: doublePrecision('target').notNull(),
    /** When the target is to be reached, or the period as the plan writes it ("by March 2026"). */
    targetDate: date('target_date'),
    period: text('period').notNull().default(''),
    note: text('note').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('measure_plan_targets_unique').on(t.measureId, t.planId)],
);

/**
 * A file of figures: previewed (pending, the bytes kept so confirming re-reads exactly what was
 * previewed), then loaded all or nothing. The same content loads once per council.
 */
export const dataLoads = pgTable(
  'data_loads',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fileName: text('file_name').notNull(),
    contentHash: text('content_hash').notNull(),
    layout: text('layout').notNull(),
    status: text('status', { enum: dataLoadStatuses }).notNull().default('pending'),
    content: bytea('content'),
    rows: integer('rows').notNull().default(0),
    observationCount: integer('observation_count').notNull().default(0),
    revisedCount: integer('revised_count').notNull().default(0),
    measureCount: integer('measure_count').notNull().default(0),
    loadedBy: integer('loaded_by').references(() => users.id),
    actorName: text('actor_name').notNull().default(''),
    createdAt: createdAt(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('data_loads_loaded_once')
      .on(t.organisationId, t.contentHash)
      .where(sql`${t.status} = 'loaded'`),
  ],
);

export const observations = pgTable(
  'observations',
  {
    id: id(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id),
    /** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' by the measure's frequency (imports may hold YYYY-MM-DD). */
    period: text('period').notNull(),
    area: text('area').notNull().default('council'),
    /** The comparator's code (E92000001 for England, a council's new LA code); '' for the council's own. */
    areaCode: text('area_code').notNull().default(''),
    areaName: text('area_name').notNull().default(''),
    /** A council's old (three-digit) LA code, which DfE's statistical neighbour model is keyed by. */
    oldAreaCode: text('old_area_code').notNull().default(''),
    /**
     * Which part of the measure the figure is, from a DfE file's filters ("17 to 18 years – Total");
     * '' for the measure's own figure (the total), which the scorecard, charts and comparators read.
     */
    breakdown: text('breakdown').notNull().default(''),
    /** null when there is no figure, and always when `suppression` is set. */
    value: doublePrecision('value'),
    /** The published code (c, z, x, k, :, u, low): never turned into 0 or blank. */
    suppression: text('suppression'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    note: text('note').notNull().default(''),
    dataLoadId: integer('data_load_id').references(() => dataLoads.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('observations_measure_breakdown_period_area').on(
      t.measureId,
      t.breakdown,
      t.period,
      t.area,
      t.areaCode,
    ),
  ],
);

/** Every figure an observation held before a later load revised it: nothing published is lost. */
export const observationRevisions = pgTable(
  'observation_revisions',
  {
    id: id(),
    observationId: integer('observation_id')
      .notNull()
      .references(() => observations.id),
    value: doublePrecision('value'),
    suppression: text('suppression'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    /** The load the replaced figure came from (null when entered another way). */
    dataLoadId: integer('data_load_id').references(() => dataLoads.id),
    /** The load that replaced it. */
    revisedByLoadId: integer('revised_by_load_id').references(() => dataLoads.id),
    revisedAt: createdAt(),
  },
  (t) => [index('observation_revisions_observation').on(t.observationId)],
);

/** What happened in a period ("new front door opened"), shown on the chart and in the table. */
export const measureAnnotations = pgTable(
  'measure_annotations',
  {
    id: id(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('measure_annotations_measure').on(t.measureId)],
);

/**
 * Who the council compares itself with in DfE files: its own LA code, its region and its ten
 * statistical neighbours (a council keeps its own list; the lists change after reorganisations).
 */
export const comparatorSettings = pgTable('comparator_settings', {
  organisationId: integer('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  laCode: text('la_code').notNull(),
  laName: text('la_name').notNull(),
  oldLaCode: text('old_la_code').notNull().default(''),
  regionName: text('region_name').notNull().default(''),
  neighbourCodes: jsonb('neighbour_codes').$type<string[]>().notNull().default([]),
  /** How the statistical neighbours' figures are averaged: DfE's dashboard takes the median. */
  average: text('average', { enum: neighbourAverages }).notNull().default('median'),
  version: version(),
  updatedAt: updatedAt(),
});

/**
 * DfE's statistical neighbour models, kept by name ("2025"): a new model never replaces an earlier
 * one, so a figure compared under the 2019 model can still say so. The latest is the one in force.
 */
export const neighbourModels = pgTable(
  'neighbour_models',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    dataLoadId: integer('data_load_id').references(() => dataLoads.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('neighbour_models_org_name').on(t.organisationId, t.name)],
);

/** One council's row of a model: its neighbours by old LA code, closest first, with closeness bands. */
export const neighbourModelCouncils = pgTable(
  'neighbour_model_councils',
  {
    id: id(),
    modelId: integer('model_id')
      .notNull()
      .references(() => neighbourModels.id),
    laCode: text('la_code').notNull(),
    laName: text('la_name').notNull(),
    regionName: text('region_name').notNull().default(''),
    neighbours: jsonb('neighbours').$type<ModelNeighbour[]>().notNull(),
  },
  (t) => [uniqueIndex('neighbour_model_councils_code').on(t.modelId, t.laCode)],
);

/*
 * DfE's dashboard indicators as the council last loaded the list: read from DfE's file at load
 * time, one row per indicator, kept per council. A measure adopted from one keeps its code
 * (measures.catalogue_code), so loading the list again never breaks the link.
 */
export const catalogueIndicators = pgTable(
  'catalogue_indicators',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    source: text('source', { enum: catalogueSources }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    outcome: text('outcome', { enum: frameworkOutcomes }),
    theme: text('theme').notNull().default(''),
    name: text('name').notNull(),
    datasetName: text('dataset_name').notNull().default(''),
    valueColumn: text('value_column').notNull(),
    filters: jsonb('filters').$type<Record<string, string>>().notNull().default({}),
    unit: text('unit', { enum: measureUnits }).notNull(),
    polarity: text('polarity', { enum: measurePolarities }).notNull().default('context'),
    dataLoadId: integer('data_load_id').references(() => dataLoads.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('catalogue_indicators_org_code').on(t.organisationId, t.code),
    index('catalogue_indicators_org_outcome').on(t.organisationId, t.outcome),
  ],
);
