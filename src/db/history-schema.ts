import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations, users } from './people/schema.ts';

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE, so the history can be trusted
 * as the record of who changed what.
 */
export const changeHistory = pgTable(
  'change_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    action: text('action', {
      enum: ['create', 'update', 'delete', 'import', 'undo-import', 'archive', 'restore', 'resolve-review'],
    }).notNull(),
    /** Null when the system made the change (demo load, import from the command line). */
    userId: integer('user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [index('change_history_record').on(t.recordType, t.recordId)],
);
