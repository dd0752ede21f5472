import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { organisations, users } from '../people/schema.ts';
import { plans } from '../plan/schema.ts';
import { riskStatuses } from '../../domain/risks/scoring.ts';

/* The risk register: a plan's risks, scored before and after controls, and each council's scale. */

export const risks = pgTable(
  'risks',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    /*
     * The priorities the risk threatens, as a list on the row rather than a join table, so that
     * linking and unlinking is an edit like any other: versioned, and in the risk's history.
     */
    priorityIds: jsonb('priority_ids').$type<number[]>().notNull().default([]),
    title: text('title').notNull(),
    cause: text('cause').notNull().default(''),
    effect: text('effect').notNull().default(''),
    controls: text('controls').notNull().default(''),
    /** The owner as a person who signs in, or by name when they have none (a partner, a team). */
    ownerUserId: integer('owner_user_id').references(() => users.id),
    ownerName: text('owner_name').notNull().default(''),
    /** Before controls. */
    inherentLikelihood: integer('inherent_likelihood').notNull(),
    inherentImpact: integer('inherent_impact').notNull(),
    /** After controls: what the rating, the threshold and the direction are read from. */
    residualLikelihood: integer('residual_likelihood').notNull(),
    residualImpact: integer('residual_impact').notNull(),
    /** The residual score at the review before the latest one; null until the risk is reviewed again. */
    previousResidualScore: integer('previous_residual_score'),
    reviewedOn: date('reviewed_on').notNull(),
    nextReviewOn: date('next_review_on'),
    status: text('status', { enum: riskStatuses }).notNull().default('open'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('risks_plan').on(t.planId)],
);

/** One row per council that changed its scale; a council without one uses the default 5 × 5. */
export const riskSettings = pgTable('risk_settings', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .unique()
    .references(() => organisations.id),
  scaleSize: integer('scale_size').notNull().default(5),
  mediumFrom: integer('medium_from').notNull().default(5),
  highFrom: integer('high_from').notNull().default(10),
  veryHighFrom: integer('very_high_from').notNull().default(16),
  threshold: integer('threshold').notNull().default(12),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
