import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/* The core: councils, people, the plan and its history, and imports. */

import { createdAt, id, updatedAt, version } from './columns.ts';

// Roles are a domain fact (the policies decide what each may do); the schema stores them.
export { roles, type Role } from '../domain/policies.ts';
import { roles } from '../domain/policies.ts';

export const planStatuses = ['draft', 'adopted', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const commitmentStatuses = ['not-started', 'in-progress', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

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

export const plans = pgTable('plans', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  title: text('title').notNull(),
  /** As the council writes it, e.g. "2024 to 2026" or "2022/23". */
  period: text('period').notNull().default(''),
  status: text('status', { enum: planStatuses }).notNull().default('draft'),
  adoptedOn: date('adopted_on'),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const priorities = pgTable(
  'priorities',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    ambition: text('ambition').notNull().default(''),
    impactForChildren: text('impact_for_children').notNull().default(''),
    whatWeWillDo: text('what_we_will_do').notNull().default(''),
    /** The sponsor as a person who signs in; sponsors edit only the priorities they sponsor. */
    sponsorUserId: integer('sponsor_user_id').references(() => users.id),
    /** The sponsor's name as written, kept when they have no account (for example from an import). */
    sponsorName: text('sponsor_name').notNull().default(''),
    /** Plain-language title for the child-friendly version (publishing); blank when not yet written. */
    plainTitle: text('plain_title').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('priorities_plan_number_unique').on(t.planId, t.number)],
);

export const improvementAreas = pgTable(
  'improvement_areas',
  {
    id: id(),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id),
    /** "What needs to improve" */
    title: text('title').notNull(),
    /** Where it came from, e.g. "Ofsted ILACS inspection, December 2023: recommendation". */
    source: text('source').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('improvement_areas_priority').on(t.priorityId)],
);

export const commitments = pgTable(
  'commitments',
  {
    id: id(),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id),
    improvementAreaId: integer('improvement_area_id').references(() => improvementAreas.id),
    /** "We said" */
    text: text('text').notNull(),
    owner: text('owner').notNull().default(''),
    dueOn: date('due_on'),
    status: text('status', { enum: commitmentStatuses }).notNull().default('not-started'),
    /** Set by an import when pairing with outcomes was not one-to-one. */
    needsReview: text('needs_review').notNull().default(''),
    /** Plain-language "We said" for the child-friendly version (publishing); blank when not yet written. */
    plainText: text('plain_text').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('commitments_priority').on(t.priorityId), index('commitments_area').on(t.improvementAreaId)],
);

export interface EvidenceLink {
  title: string;
  url: string;
}

export const outcomes = pgTable(
  'outcomes',
  {
    id: id(),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    /** "We did" */
    text: text('text').notNull(),
    achievedOn: date('achieved_on'),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    /** Plain-language "We did" for the child-friendly version (publishing); blank when not yet written. */
    plainText: text('plain_text').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('outcomes_commitment').on(t.commitmentId)],
);

export const standards = pgTable('standards', {
  id: id(),
  planId: integer('plan_id')
    .notNull()
    .references(() => plans.id),
  /** e.g. "Common core", "Safeguarding Standards" */
  groupName: text('group_name').notNull().default(''),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const comments = pgTable(
  'comments',
  {
    id: id(),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comments_record').on(t.recordType, t.recordId)],
);

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
    action: text('action', { enum: ['create', 'update', 'delete', 'import', 'undo-import'] }).notNull(),
    /** Null when the system made the change (demo load, import from the command line). */
    userId: integer('user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [index('change_history_record').on(t.recordType, t.recordId)],
);

/* Imports: what each document became, so an import can be previewed, traced and undone. */

export const documentImports = pgTable(
  'document_imports',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the normalised text: the same document imported twice is found by this. */
    contentHash: text('content_hash').notNull(),
    kind: text('kind').notNull(),
    /** pending: previewed, not yet written; imported: records written; undone: records removed again. */
    status: text('status', { enum: ['pending', 'imported', 'undone'] })
      .notNull()
      .default('pending'),
    /** Non-blank lines in the source: placed plus unplaced must come to this. */
    nonBlankLines: integer('non_blank_lines').notNull().default(0),
    /** The structured document as extracted, sections and unplaced lines included. */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** Unplaced lines a person has placed or dismissed: { line: { action, note } }. */
    resolutions: jsonb('resolutions')
      .$type<Record<string, { action: string; note: string }>>()
      .notNull()
      .default({}),
    importedBy: integer('imported_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('document_imports_hash').on(t.organisationId, t.contentHash)],
);

export const importedRecords = pgTable(
  'imported_records',
  {
    id: id(),
    importId: integer('import_id')
      .notNull()
      .references(() => documentImports.id),
    recordType: text('record_type').notNull(),
    recordId: integer('record_id').notNull(),
    /** Source line numbers this record was read from. */
    lines: jsonb('lines').$type<number[]>().notNull(),
  },
  (t) => [index('imported_records_import').on(t.importId)],
);
