import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { catalogueSources } from '../../domain/measures/indicator-catalogue.ts';
import { measurePolarities, measureUnits } from '../../domain/measures/vocabulary.ts';
import { frameworkOutcomes } from '../../domain/national-framework.ts';
import { createdAt, id, updatedAt } from '../columns.ts';
import { dataLoads } from '../measures/schema.ts';
import { organisations } from '../people/schema.ts';

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
