import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organisations } from './schema-core.ts';

/* Measures and their observations (the scorecard builds on these). */

export const measures = pgTable(
  'measures',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    unit: text('unit', { enum: ['count', 'percentage', 'rate-per-10000', 'days'] }).notNull(),
    polarity: text('polarity', { enum: ['higher-is-better', 'lower-is-better', 'context'] })
      .notNull()
      .default('context'),
    frequency: text('frequency', { enum: ['monthly', 'quarterly', 'annual'] })
      .notNull()
      .default('monthly'),
    rolling12Months: boolean('rolling_12_months').notNull().default(false),
    target: doublePrecision('target'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('measures_org_name_unique').on(t.organisationId, sql`lower(${t.name})`)],
);

export const observations = pgTable(
  'observations',
  {
    id: id(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id),
    /** YYYY-MM for monthly figures, YYYY-MM-DD when a day is stated. */
    period: text('period').notNull(),
    area: text('area').notNull().default('council'),
    value: doublePrecision('value'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('observations_measure_period_area').on(t.measureId, t.period, t.area)],
);
