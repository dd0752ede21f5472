import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt, version } from '../columns.ts';
import { commitments, improvementAreas, plans, priorities } from '../plan/schema.ts';
import { organisations, users } from '../people/schema.ts';
import { measures } from '../measures/schema.ts';
import {
  boardKinds,
  issuedPaperKinds,
  meetingStatuses,
  reminderKinds,
  reportSections,
  type BoardKind,
  type MeetingStatus,
} from '../../domain/board-cycle.ts';
import {
  reportStates,
  reportTransitions,
  type ReportState,
} from '../../domain/workflows/highlight-report.ts';
import { meetingKinds } from '../../domain/meetings/vocabulary.ts';

export { boardKinds, issuedPaperKinds, meetingStatuses, reportStates };
export type { BoardKind, MeetingStatus, ReportState };

/* Board cycle: boards and their members, meetings, highlight reports, the RAG scale and reminders. */

export const boards = pgTable('boards', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: boardKinds }).notNull().default('improvement-board'),
  /** The plan whose priorities report to this board; a reporting cycle opens a report per priority. */
  planId: integer('plan_id').references(() => plans.id),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const boardMembers = pgTable(
  'board_members',
  {
    id: id(),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id),
    /** Set when the member signs in to Wesaid; partners from other agencies often do not. */
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    /** As the board's terms of reference put it: "Independent chair", "Director of Children's Services". */
    role: text('role').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('board_members_board').on(t.boardId)],
);

export const boardMeetings = pgTable('board_meetings', {
  id: id(),
  boardId: integer('board_id')
    .notNull()
    .references(() => boards.id),
  meetingOn: date('meeting_on').notNull(),
  papersDueOn: date('papers_due_on'),
  /** Sponsors are reminded this many days before the papers deadline. */
  reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
  status: text('status', { enum: meetingStatuses }).notNull().default('planned'),
  cycleOpenedAt: timestamp('cycle_opened_at', { withTimezone: true }),
  kind: text('kind', { enum: meetingKinds }).notNull().default('board'),
  /**
   * Set when a later meeting approves these minutes; from then the record is frozen (the command
   * refuses edits, and a trigger refuses them in the database: see src/db/meetings/).
   */
  minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
  minutesApprovedByMeetingId: integer('minutes_approved_by_meeting_id').references(
    (): AnyPgColumn => boardMeetings.id,
  ),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The plans a meeting's pack covers beside the board's own plan (a reform programme governed by the
 * same board, for example): each is a part of the pack with its own sections, in this order.
 */
export const meetingPlans = pgTable(
  'meeting_plans',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('meeting_plans_meeting_plan').on(t.meetingId, t.planId)],
);

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
    /** Who writes it: the priority's sponsor when the cycle opened. */
    assignedUserId: integer('assigned_user_id').references(() => users.id),
    state: text('state', { enum: reportStates }).notNull().default('draft'),
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
    section: text('section', { enum: reportSections }).notNull(),
    position: integer('position').notNull(),
    /** 0 for a top-level bullet, 1 for a bullet under it, and so on. */
    depth: integer('depth').notNull().default(0),
    text: text('text').notNull(),
  },
  (t) => [index('highlight_report_items_report').on(t.reportId)],
);

/** What a report points the board to: commitments of its priority and measures of the scorecard. */
export const highlightReportLinks = pgTable(
  'highlight_report_links',
  {
    id: id(),
    reportId: integer('report_id')
      .notNull()
      .references(() => highlightReports.id),
    commitmentId: integer('commitment_id').references(() => commitments.id),
    measureId: integer('measure_id').references(() => measures.id),
  },
  (t) => [
    index('highlight_report_links_report').on(t.reportId),
    check('highlight_report_links_one_target', sql`num_nonnulls(${t.commitmentId}, ${t.measureId}) = 1`),
  ],
);

/**
 * The workflow's record: each submission, return (with the programme office's comments) and
 * approval. The return comment is what the sponsor reads and the e-mail quotes.
 */
export const highlightReportEvents = pgTable(
  'highlight_report_events',
  {
    id: id(),
    reportId: integer('report_id')
      .notNull()
      .references(() => highlightReports.id),
    action: text('action', { enum: reportTransitions }).notNull(),
    userId: integer('user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('highlight_report_events_report').on(t.reportId)],
);

/**
 * A council's own RAG scale. No rows means the default (src/domain/rag-scale.ts, worded as in the
 * council's highlight report of 10 September 2024); the first edit stores the whole scale.
 */
export const ragStatuses = pgTable(
  'rag_statuses',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    meaning: text('meaning').notNull().default(''),
    definition: text('definition').notNull(),
    /** Higher is better, for direction of travel; null for statuses off the line (not started). */
    rank: integer('rank'),
    stance: text('stance', { enum: ['off-track', 'at-risk', 'on-track', 'complete', 'local'] }).notNull(),
    /** Hex colour for charts and packs. */
    colour: text('colour').notNull(),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('rag_statuses_org_code').on(t.organisationId, t.code)],
);

/**
 * Every reminder e-mail sent, one row per event and person. The unique key is claimed before
 * sending, so running the reminders twice (or on two instances) never sends the same one twice.
 */
export const reminderLog = pgTable(
  'reminder_log',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** e.g. "cycle-opened:12:34" or "returned:56": what happened, not when the job ran. */
    eventKey: text('event_key').notNull(),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    sentAt: createdAt(),
  },
  (t) => [uniqueIndex('reminder_log_event_recipient').on(t.eventKey, sql`lower(${t.recipient})`)],
);

/**
 * Papers as issued: what the board (or Cabinet, or a committee) was sent, kept exactly. A meeting's
 * pack or a committee report is issued as version 1; reissuing adds version 2 with its reason, and
 * so on. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), because minutes, advisers
 * and inspectors refer to these papers long after the figures and reports behind them have moved on.
 */
export const issuedPapers = pgTable(
  'issued_papers',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: issuedPaperKinds }).notNull(),
    /** The meeting (board pack) or committee report (committee report) the papers are for. */
    subjectId: integer('subject_id').notNull(),
    version: integer('version').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: integer('issued_by').references(() => users.id),
    issuedByName: text('issued_by_name').notNull(),
    /** Why the papers were issued again; empty only for the first issue. */
    reason: text('reason').notNull().default(''),
    /** The assembled content the documents were rendered from, for the API. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    html: text('html'),
    docx: bytea('docx').notNull(),
    pdf: bytea('pdf').notNull(),
  },
  (t) => [
    uniqueIndex('issued_papers_kind_subject_version').on(t.kind, t.subjectId, t.version),
    check('issued_papers_reason_on_reissue', sql`${t.version} = 1 or ${t.reason} <> ''`),
  ],
);
