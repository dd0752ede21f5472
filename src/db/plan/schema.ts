import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { organisations, users } from '../people/schema.ts';

/* The plan: plans, priorities, improvement areas, commitments, outcomes, standards and comments. */

// The plan's vocabulary is a domain fact; the schema stores it.
export {
  commitmentStatuses,
  planKinds,
  planStatuses,
  type CommitmentStatus,
  type PlanKind,
  type EvidenceLink,
  type PlanStatus,
} from '../../domain/plan.ts';
import { commitmentStatuses, planKinds, planStatuses, type EvidenceLink } from '../../domain/plan.ts';
import { frameworkOutcomes } from '../../domain/national-framework.ts';

/** The National Framework outcome or enabler a record serves; null when not tagged. */
const frameworkOutcome = () => text('framework_outcome', { enum: frameworkOutcomes });
/**
 * Archived records leave the lists, counts, overviews, packs and publications but are kept, with
 * who archived them and when, and can be restored. Null means the record is in use.
 */
const archived = () => ({
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  archivedBy: integer('archived_by').references(() => users.id),
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
  kind: text('kind', { enum: planKinds }).notNull().default('improvement-plan'),
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
    frameworkOutcome: frameworkOutcome(),
    ...archived(),
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
    frameworkOutcome: frameworkOutcome(),
    ...archived(),
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
    /** As an imported action tracker wrote them: its own number, the due date's words, RAG and latest update. */
    reference: text('reference').notNull().default(''),
    dueText: text('due_text').notNull().default(''),
    rag: text('rag').notNull().default(''),
    progress: text('progress').notNull().default(''),
    /** Plain-language "We said" for the child-friendly version (publishing); blank when not yet written. */
    plainText: text('plain_text').notNull().default(''),
    position: integer('position').notNull().default(0),
    /** Its own tag; without one it is read under its area's, then its priority's (inheritedOutcome). */
    frameworkOutcome: frameworkOutcome(),
    ...archived(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('commitments_priority').on(t.priorityId), index('commitments_area').on(t.improvementAreaId)],
);

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
    ...archived(),
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
