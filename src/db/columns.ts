import { customType, integer, timestamp } from 'drizzle-orm/pg-core';

/** Columns every editable record has; `version` is what catches an edit saved over a newer one. */
export const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
export const version = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// PGlite hands bytea back as a Uint8Array and node-postgres as a Buffer: callers always get a Buffer.
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
