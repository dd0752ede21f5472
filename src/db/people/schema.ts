import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt, version } from '../columns.ts';

/* People: councils, their accounts and API tokens. */

// Roles are a domain fact (the policies decide what each may do); the schema stores them.
export { roles, type Role } from '../../domain/policies.ts';
import { roles } from '../../domain/policies.ts';

export const organisations = pgTable('organisations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/**
 * How a council's pages look: its brand colour (checked for contrast before it is stored) and its
 * logo, kept as uploaded and served only as an image. One row per council, once it has set any.
 */
export const councilBranding = pgTable('council_branding', {
  organisationId: integer('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** `#rrggbb`, or blank for the service's own header colour. */
  brandColour: text('brand_colour').notNull().default(''),
  logo: bytea('logo'),
  /** image/png or image/svg+xml; blank when there is no logo. */
  logoType: text('logo_type').notNull().default(''),
  version: version(),
  updatedAt: updatedAt(),
});
