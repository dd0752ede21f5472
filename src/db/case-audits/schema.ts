import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { organisations } from '../people/schema.ts';
import { plans } from '../plan/schema.ts';
import { caseAuditGrades, findingStatuses } from '../../domain/case-audits/grades.ts';

/* Case audits: each quarter's programme, the audits done, the findings that follow, and each council's scale. */

/** What a plan means to audit in a quarter ('2024-25-q2'): one programme per plan and quarter. */
export const caseAuditProgrammes = pgTable(
  'case_audit_programmes',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    quarter: text('quarter').notNull(),
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    plannedCount: integer('planned_count').notNull(),
    /** Auditors by name: many are independent or from a partner, without an account. */
    auditors: jsonb('auditors').$type<string[]>().notNull().default([]),
    moderationNote: text('moderation_note').notNull().default(''),
    /** The share good or better the quarter aims at; null means the previous quarter's share plus the rise. */
    targetPercent: doublePrecision('target_percent'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('case_audit_programmes_plan_quarter').on(t.planId, t.quarter)],
);

/** One audited case. The reference is the council's case number, never the child's name or NHS number. */
export const caseAudits = pgTable(
  'case_audits',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    quarter: text('quarter').notNull(),
    caseReference: text('case_reference').notNull(),
    theme: text('theme').notNull().default(''),
    grade: text('grade', { enum: caseAuditGrades }).notNull(),
    auditor: text('auditor').notNull(),
    moderated: boolean('moderated').notNull().default(false),
    learning: text('learning').notNull().default(''),
    auditedOn: date('audited_on').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('case_audits_plan_quarter').on(t.planId, t.quarter)],
);

/** An action that follows an audit (always at least one after an inadequate grade), tracked to closure. */
export const caseAuditFindings = pgTable(
  'case_audit_findings',
  {
    id: id(),
    auditId: integer('audit_id')
      .notNull()
      .references(() => caseAudits.id),
    description: text('description').notNull(),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: findingStatuses }).notNull().default('open'),
    closedOn: date('closed_on'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('case_audit_findings_audit').on(t.auditId)],
);

/** One row per council that changed its scale; a council without one uses the defaults. */
export const caseAuditSettings = pgTable('case_audit_settings', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .unique()
    .references(() => organisations.id),
  outstandingName: text('outstanding_name').notNull().default('Outstanding'),
  goodName: text('good_name').notNull().default('Good'),
  requiresImprovementName: text('requires_improvement_name').notNull().default('Requires improvement'),
  inadequateName: text('inadequate_name').notNull().default('Inadequate'),
  inadequateCeiling: doublePrecision('inadequate_ceiling').notNull().default(10),
  quarterlyRise: doublePrecision('quarterly_rise').notNull().default(20),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
