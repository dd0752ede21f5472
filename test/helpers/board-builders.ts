import { systemActor } from '../../src/db/changes.ts';
import type { Db } from '../../src/db/client.ts';
import { createBoard, createMeeting } from '../../src/db/board/commands.ts';
import { boardMeetings, highlightReports } from '../../src/db/schema.ts';

/*
 * Board cycle builders: a board over a plan, a meeting, and an approved report from an earlier
 * meeting (so "previous RAG" has something to carry), with fixed dates.
 */

const actor = systemActor('Test');

export async function buildBoard(db: Db, organisationId: number, planId: number, name = 'Improvement Board') {
  return createBoard(db, organisationId, { name, kind: 'improvement-board', planId }, actor);
}

export async function buildMeeting(
  db: Db,
  organisationId: number,
  boardId: number,
  overrides: Partial<typeof boardMeetings.$inferInsert> = {},
) {
  return createMeeting(
    db,
    organisationId,
    boardId,
    { meetingOn: '2024-10-15', papersDueOn: '2024-10-08', reminderDaysBefore: 3, ...overrides },
    actor,
  );
}

/** A meeting already held, with an approved report for the priority. */
export async function buildApprovedReport(
  db: Db,
  organisationId: number,
  boardId: number,
  priorityId: number,
  overrides: Partial<typeof highlightReports.$inferInsert> = {},
) {
  const meeting = await buildMeeting(db, organisationId, boardId, {
    meetingOn: '2024-09-10',
    papersDueOn: '2024-09-03',
    status: 'held',
  });
  const [report] = await db
    .insert(highlightReports)
    .values({
      meetingId: meeting.id,
      priorityId,
      previousRag: 'amber',
      currentRag: 'amber',
      reason: 'Progress not as expected in some areas.',
      completedBy: 'Sam Sponsor',
      state: 'approved',
      ...overrides,
    })
    .returning();
  return { meeting, report: report! };
}
