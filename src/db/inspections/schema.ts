import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { organisations } from '../people/schema.ts';
import { findingKinds, grades, inspectionKinds } from '../../domain/inspections/index.ts';
import { frameworkOutcomes } from '../../domain/national-framework.ts';

/*
 * The inspection record: the council's inspections and visits, their judgements on the scale of
 * the framework they were made under, and what they found and recommended, each recommendation
 * with the improvement areas and commitments that answer it.
 */

export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: inspectionKinds }).notNull(),
    /** The framework the inspection was made under (src/domain/inspections/frameworks.ts). */
    frameworkVersion: text('framework_version').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    publishedDate: date('published_date'),
    /** A visit's declared focus, as the letter states it. */
    focus: text('focus').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** The published letter or report. */
    link: text('link').notNull().default(''),
    /**
     * The plan's priorities the visit's focus falls under, whose commitments, measures and
     * highlight reports are its evidence; a list on the row, so linking is an edit with history.
     */
    priorityIds: jsonb('priority_ids').$type<number[]>().notNull().default([]),
    /** The data load that brought it, when it came from Ofsted's published judgements. */
    dataLoadId: integer('data_load_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspections_organisation').on(t.organisationId, t.startDate)],
);

export const inspectionJudgements = pgTable(
  'inspection_judgements',
  {
    id: id(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    /** One of the inspection's framework's areas. */
    area: text('area').notNull(),
    grade: text('grade', { enum: grades }).notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inspection_judgements_area').on(t.inspectionId, t.area)],
);

export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: id(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    kind: text('kind', { enum: findingKinds }).notNull().default('recommendation'),
    /** As the report numbers it; null when it does not. */
    number: integer('number'),
    text: text('text').notNull(),
    /** The National Framework outcome or enabler it names, if any. */
    frameworkOutcome: text('framework_outcome', { enum: frameworkOutcomes }),
    /** What answers it in the plan: lists on the row, versioned and in its history like any edit. */
    improvementAreaIds: jsonb('improvement_area_ids').$type<number[]>().notNull().default([]),
    commitmentIds: jsonb('commitment_ids').$type<number[]>().notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspection_findings_inspection').on(t.inspectionId)],
);
