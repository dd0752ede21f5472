import { date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.ts';
import { improvementAreas, organisations, priorities } from './schema-core.ts';

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
