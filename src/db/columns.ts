import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Columns every editable record has; `version` is what catches an edit saved over a newer one. */
export const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
export const version = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
