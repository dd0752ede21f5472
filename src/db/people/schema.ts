import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt, version } from '../columns.ts';

/* People: councils, their accounts, sessions, password resets and API tokens. */

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
  // An address is unique within a council, not across councils: otherwise adding a person would tell
  // one council's administrator that another council has them (issue 14, cross-council enumeration).
  (t) => [uniqueIndex('users_organisation_email_unique').on(t.organisationId, sql`lower(${t.email})`)],
);

export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  /** What the person called it, to tell their tokens apart when revoking one. */
  name: text('name').notNull().default('API token'),
  /** read: GET only; write: also the API's write routes. Never accepted on pages. */
  scope: text('scope', { enum: tokenScopes }).notNull().default('read'),
  createdAt: createdAt(),
  // Times compared with the app's clock are written from it (tests and demos set the date).
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/**
 * Signed-in sessions. The cookie carries a random id; only its SHA-256 is kept, so a copy of this
 * table signs nobody in. Deleting a row signs that browser out at once, wherever the cookie went.
 * Times are the app's clock's (idle and absolute limits are checked against it).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    idHash: text('id_hash').notNull().unique(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The absolute end: the session stops then however busy it is. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** A short summary (browser and system), so a person can tell their sessions apart. */
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Links to set a new password: single use, an hour long; only the token's SHA-256 is kept. */
export const passwordResets = pgTable('password_resets', {
  id: id(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
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

/**
 * How a council's people sign in: its identity provider over OpenID Connect (blank fields take the
 * service's OIDC_* defaults) and whether passwords are still allowed. The client secret is never
 * stored: only the name of the environment variable that holds it.
 */
export const councilSignIn = pgTable('council_sign_in', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .unique()
    .references(() => organisations.id),
  /** What the sign-in button calls the provider ("Sign in with Tameside Council account"). */
  providerName: text('provider_name').notNull().default(''),
  issuer: text('issuer').notNull().default(''),
  clientId: text('client_id').notNull().default(''),
  secretVariable: text('secret_variable').notNull().default(''),
  emailClaim: text('email_claim').notNull().default(''),
  groupsClaim: text('groups_claim').notNull().default(''),
  /** In order: the first row whose group a new person is in gives their role. */
  groupRoles: jsonb('group_roles')
    .$type<{ group: string; role: (typeof roles)[number] }[]>()
    .notNull()
    .default([]),
  allowPasswords: boolean('allow_passwords').notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
