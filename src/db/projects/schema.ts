import { bigint, date, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { users } from '../people/schema.ts';
import { plans } from '../plan/schema.ts';
import { milestoneStatuses, projectKinds, recurrences } from '../../domain/projects/vocabulary.ts';

/* A plan's projects and investable propositions, their milestones, and the money behind them. */

export const projects = pgTable(
  'projects',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: projectKinds }).notNull().default('project'),
    /** The council's words for the phase: "Phase one: sustainability project". */
    phase: text('phase').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    /** The lead as a person who signs in, or by name when they have none. */
    leadUserId: integer('lead_user_id').references(() => users.id),
    leadName: text('lead_name').notNull().default(''),
    /** Links kept on the row (as risks keep theirs), so linking is a versioned edit in the history. */
    priorityIds: jsonb('priority_ids').$type<number[]>().notNull().default([]),
    measureIds: jsonb('measure_ids').$type<number[]>().notNull().default([]),
    /** A code of the council's RAG scale; null until rated. */
    rag: text('rag'),
    ragReason: text('rag_reason').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('projects_plan').on(t.planId)],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: id(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    status: text('status', { enum: milestoneStatuses }).notNull().default('not-started'),
    completedOn: date('completed_on'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('project_milestones_project').on(t.projectId)],
);

/**
 * Money for a project, or for the plan as a whole (no project): where it comes from, whether it
 * recurs, its financial year ("2024-25"; empty when the papers state none) and the sum planned.
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    projectId: integer('project_id').references(() => projects.id),
    fundingSource: text('funding_source').notNull(),
    recurrence: text('recurrence', { enum: recurrences }).notNull(),
    financialYear: text('financial_year').notNull().default(''),
    plannedPence: bigint('planned_pence', { mode: 'number' }).notNull(),
    description: text('description').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('budget_lines_plan').on(t.planId), index('budget_lines_project').on(t.projectId)],
);

/** A line's planned and actual spend in one quarter of its year (Q1 is April to June). */
export const budgetSpend = pgTable(
  'budget_spend',
  {
    id: id(),
    budgetLineId: integer('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    quarter: integer('quarter').notNull(),
    plannedPence: bigint('planned_pence', { mode: 'number' }),
    actualPence: bigint('actual_pence', { mode: 'number' }),
    /**
     * The data load that last wrote it. Not a foreign key: data loads belong to src/db/measures,
     * which writes these rows, and a reference back would tie the two folders in a cycle.
     */
    dataLoadId: integer('data_load_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('budget_spend_line_quarter').on(t.budgetLineId, t.quarter)],
);
