import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { boardMeetings, highlightReports } from '../board/schema.ts';
import { measures } from '../measures/schema.ts';
import { users } from '../people/schema.ts';
import { priorities } from '../plan/schema.ts';
import { actionStatuses, attendanceKinds, attendeeRoles } from '../../domain/meetings/vocabulary.ts';

/*
 * A meeting of record: its agenda (with the minutes and decisions of each item), who attended or
 * sent apologies, and the actions arising with their dated updates. Once a later meeting approves
 * the minutes, triggers refuse changes to the agenda items (migration *-meetings-sql.sql).
 */

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** What the item is about: at most one record, or a deep-dive topic in the board's words. */
    priorityId: integer('priority_id').references(() => priorities.id),
    measureId: integer('measure_id').references(() => measures.id),
    highlightReportId: integer('highlight_report_id').references(() => highlightReports.id),
    topic: text('topic').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('agenda_items_meeting').on(t.meetingId),
    check(
      'agenda_items_one_target',
      sql`num_nonnulls(${t.priorityId}, ${t.measureId}, ${t.highlightReportId}, nullif(${t.topic}, '')) <= 1`,
    ),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    /** A person with an account, or by name alone (partners from other agencies often have none). */
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull().default(''),
    role: text('role', { enum: attendeeRoles }).notNull(),
    attendance: text('attendance', { enum: attendanceKinds }).notNull().default('present'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_attendees_meeting').on(t.meetingId)],
);

export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: id(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    /** The item the action arose from. */
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id),
    description: text('description').notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    ownerName: text('owner_name').notNull().default(''),
    dueOn: date('due_on'),
    /** The due date as minutes wrote it ("end of March", "w/c 6 Jan"), when it came from a document. */
    dueText: text('due_text').notNull().default(''),
    status: text('status', { enum: actionStatuses }).notNull().default('open'),
    /** The day it was done or dropped, for the pack's "closed since the last meeting". */
    closedOn: date('closed_on'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_actions_meeting').on(t.meetingId)],
);

/** Dated updates on an action: append-only (a trigger refuses UPDATE and DELETE). */
export const actionUpdates = pgTable(
  'action_updates',
  {
    id: id(),
    actionId: integer('action_id')
      .notNull()
      .references(() => meetingActions.id),
    text: text('text').notNull(),
    updatedOn: date('updated_on').notNull(),
    userId: integer('user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('action_updates_action').on(t.actionId)],
);
