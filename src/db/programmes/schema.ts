import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { commitments, plans } from '../plan/schema.ts';
import { measures } from '../measures/schema.ts';
import { expectationStatuses, expectationStrengths } from '../../domain/programmes/expectations.ts';

/* A reform programme's expectations checklist, each expectation with its status and evidence. */

export const expectations = pgTable(
  'expectations',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    text: text('text').notNull(),
    strength: text('strength', { enum: expectationStrengths }).notNull(),
    /** The grant line or reference in the programme's guidance, as the council writes it. */
    reference: text('reference').notNull().default(''),
    status: text('status', { enum: expectationStatuses }).notNull().default('not-started'),
    evidence: text('evidence').notNull().default(''),
    /** Evidence in the plan itself: a commitment of the council's, a measure of the council's. */
    commitmentId: integer('commitment_id').references(() => commitments.id),
    measureId: integer('measure_id').references(() => measures.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('expectations_plan').on(t.planId)],
);
