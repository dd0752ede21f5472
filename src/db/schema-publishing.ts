import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { organisations, plans } from './schema-core.ts';

/* "You said, We did": what staff, partners, children and families said, and what was done. */

export const feedbackSources = [
  'staff',
  'partner',
  'child-or-young-person',
  'parent-or-carer',
  'foster-carer',
  'unknown',
] as const;

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    planId: integer('plan_id').references(() => plans.id),
    kind: text('kind', { enum: ['you-said-we-did', 'compliment', 'quote'] }).notNull(),
    source: text('source', { enum: feedbackSources }).notNull().default('unknown'),
    /** "You said", or the comment as written. */
    said: text('said').notNull(),
    /** "We did" */
    response: text('response').notNull().default(''),
    /** Name or signature as written: never published unless consent covers names. */
    attribution: text('attribution').notNull().default(''),
    receivedOn: date('received_on'),
    consent: text('consent', { enum: ['not-asked', 'none', 'anonymous', 'named'] })
      .notNull()
      .default('not-asked'),
    status: text('status', { enum: ['draft', 'approved', 'published'] })
      .notNull()
      .default('draft'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('feedback_organisation').on(t.organisationId)],
);
