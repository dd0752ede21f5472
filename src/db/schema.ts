import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/*
 * One schema for both drivers (PGlite and node-postgres). Every record that people edit carries a
 * `version` so that saving over someone else's newer change is caught rather than lost.
 */

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const version = () => integer('version').notNull().default(1);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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

/* Board cycle: boards, meetings, highlight reports and their list items. */

export const boards = pgTable('boards', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const boardMeetings = pgTable('board_meetings', {
  id: id(),
  boardId: integer('board_id')
    .notNull()
    .references(() => boards.id),
  meetingOn: date('meeting_on').notNull(),
  papersDueOn: date('papers_due_on'),
  status: text('status', { enum: ['planned', 'cycle-open', 'held', 'cancelled'] })
    .notNull()
    .default('planned'),
  createdAt: createdAt(),
});

export const highlightReports = pgTable(
  'highlight_reports',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id),
    previousRag: text('previous_rag'),
    previousRagDefinition: text('previous_rag_definition').notNull().default(''),
    currentRag: text('current_rag'),
    currentRagDefinition: text('current_rag_definition').notNull().default(''),
    reason: text('reason').notNull().default(''),
    completedBy: text('completed_by').notNull().default(''),
    state: text('state', { enum: ['draft', 'submitted', 'returned', 'approved'] })
      .notNull()
      .default('draft'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('highlight_reports_meeting_priority').on(t.meetingId, t.priorityId)],
);

export const highlightReportItems = pgTable(
  'highlight_report_items',
  {
    id: id(),
    reportId: integer('report_id')
      .notNull()
      .references(() => highlightReports.id),
    improvementAreaId: integer('improvement_area_id').references(() => improvementAreas.id),
    section: text('section', { enum: ['progress', 'next-period'] }).notNull(),
    position: integer('position').notNull(),
    /** 0 for a top-level bullet, 1 for a bullet under it, and so on. */
    depth: integer('depth').notNull().default(0),
    text: text('text').notNull(),
  },
  (t) => [index('highlight_report_items_report').on(t.reportId)],
);

/* Measures and their observations (the scorecard builds on these). */

export const measures = pgTable(
  'measures',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    unit: text('unit', { enum: ['count', 'percentage', 'rate-per-10000', 'days'] }).notNull(),
    polarity: text('polarity', { enum: ['higher-is-better', 'lower-is-better', 'context'] })
      .notNull()
      .default('context'),
    frequency: text('frequency', { enum: ['monthly', 'quarterly', 'annual'] })
      .notNull()
      .default('monthly'),
    rolling12Months: boolean('rolling_12_months').notNull().default(false),
    target: doublePrecision('target'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('measures_org_name_unique').on(t.organisationId, sql`lower(${t.name})`)],
);

export const observations = pgTable(
  'observations',
  {
    id: id(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id),
    /** YYYY-MM for monthly figures, YYYY-MM-DD when a day is stated. */
    period: text('period').notNull(),
    area: text('area').notNull().default('council'),
    value: doublePrecision('value'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('observations_measure_period_area').on(t.measureId, t.period, t.area)],
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
    resolutions: jsonb('resolutions').$type<Record<string, { action: string; note: string }>>().notNull().default({}),
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

/* "You said, We did": what staff, partners, children and families said, and what was done. */

export const feedbackSources = ['staff', 'partner', 'child-or-young-person', 'parent-or-carer', 'foster-carer', 'unknown'] as const;

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
