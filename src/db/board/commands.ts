import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { BoardKind } from '../../domain/board-cycle.ts';
import type { MeetingKind } from '../../domain/meetings/vocabulary.ts';
import { findStatus, type RagScale } from '../../domain/rag-scale.ts';
import type { FlatItem } from '../../domain/report-items.ts';
import {
  decide,
  type ReportAction,
  type ReportParticipant,
  type ReportRefusal,
  type ReportState,
  type ReportTransition,
} from '../../domain/workflows/highlight-report.ts';
import { previousApprovedReport, type HighlightReport } from './queries.ts';
import { insertRecord, recordChange, type Actor, type SaveResult, type Tx } from '../changes.ts';
import type { Db } from '../client.ts';
import {
  boardMeetings,
  boardMembers,
  boards,
  comments,
  highlightReportEvents,
  highlightReportItems,
  highlightReportLinks,
  highlightReports,
  priorities,
} from '../schema.ts';

/*
 * Writes for the board cycle. Each one writes its change and its history row in one transaction.
 * The highlight report workflow (src/domain/workflows/highlight-report.ts) is enforced here, in
 * the transaction that reads the state, with a typed error: the route's own check may be stale.
 */

/* Writes kept in their own files, offered here: this is the one way in. */
export { saveRagScale } from './rag-scale.ts';
/** The reminder log is its own record (one row per e-mail), so it has no change history. */
export { claimReminder, releaseReminder } from './reminders.ts';
export { setMeetingPlans, type MeetingWithPlans } from './meeting-plans-commands.ts';
export { issuePapers, IssueError, type IssueInput, type IssuedVersion } from './issued-papers.ts';

export async function createBoard(
  db: Db,
  organisationId: number,
  values: { name: string; kind: BoardKind; planId: number | null },
  actor: Actor,
) {
  return insertRecord(db, boards, 'board', organisationId, { organisationId, ...values }, actor);
}

export async function addMember(
  db: Db,
  organisationId: number,
  boardId: number,
  values: { userId: number | null; name: string; email: string; role: string },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(boardMembers)
      .values({ boardId, ...values })
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'board-member',
      recordId: row!.id,
      action: 'create',
      actor,
      before: null,
      after: row!,
    });
    return row!;
  });
}

export async function createMeeting(
  db: Db,
  organisationId: number,
  boardId: number,
  values: { meetingOn: string; papersDueOn: string | null; reminderDaysBefore: number; kind?: MeetingKind },
  actor: Actor,
) {
  return insertRecord(db, boardMeetings, 'board-meeting', organisationId, { boardId, ...values }, actor);
}

export type WorkflowErrorCode =
  'not-found' | 'cycle-already-open' | 'meeting-closed' | 'rag-required' | 'comment-required' | ReportRefusal;

/** A board cycle rule refused a write; `code` says which, the message says it in plain English. */
export class WorkflowError extends Error {
  readonly code: WorkflowErrorCode;
  constructor(code: WorkflowErrorCode, message: string) {
    super(message);
    this.name = 'WorkflowError';
    this.code = code;
  }
}

/** The workflow machine refused the action: not in this state, or never for this participant. */
export class ReportTransitionError extends WorkflowError {
  readonly state: ReportState;
  readonly action: ReportAction;
  constructor(code: ReportRefusal, message: string, state: ReportState, action: ReportAction) {
    super(code, message);
    this.name = 'ReportTransitionError';
    this.state = state;
    this.action = action;
  }
}

/** Throws unless the machine lets this participant take the action in the report's state. */
function enforce(state: ReportState, action: ReportAction, who: ReportParticipant) {
  const decision = decide(state, action, who);
  if (!decision.ok) throw new ReportTransitionError(decision.refusal, decision.message, state, action);
  return decision.step;
}

/**
 * Opens the reporting cycle: a draft report for every priority of the plan (and of the other plans
 * the meeting's pack covers), assigned to its
 * sponsor, carrying the RAG of the priority's last approved report as "previous". Opening twice
 * adds nothing, so a double click cannot make two reports.
 */
export async function openCycle(
  db: Db,
  organisationId: number,
  input: { meetingId: number; planId: number; otherPlanIds?: readonly number[]; scale: RagScale },
  actor: Actor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select()
      .from(boardMeetings)
      .where(eq(boardMeetings.id, input.meetingId))
      .for('update');
    if (!meeting) throw new WorkflowError('not-found', 'The meeting no longer exists');
    if (meeting.cycleOpenedAt)
      throw new WorkflowError('cycle-already-open', 'The reporting cycle for this meeting is already open');
    if (meeting.status === 'held' || meeting.status === 'cancelled')
      throw new WorkflowError(
        'meeting-closed',
        `The meeting is ${meeting.status}, so no reports can be asked for`,
      );
    const list = await tx
      .select()
      .from(priorities)
      // An archived priority is no longer reported on.
      .where(
        and(
          inArray(priorities.planId, [input.planId, ...(input.otherPlanIds ?? [])]),
          isNull(priorities.archivedAt),
        ),
      )
      .orderBy(asc(priorities.planId), asc(priorities.number));
    let created = 0;
    for (const priority of list) {
      const [existing] = await tx
        .select({ id: highlightReports.id })
        .from(highlightReports)
        .where(and(eq(highlightReports.meetingId, meeting.id), eq(highlightReports.priorityId, priority.id)));
      if (existing) continue;
      const previous = await previousApprovedReport(tx, priority.id, meeting.meetingOn);
      const status = findStatus(input.scale, previous?.currentRag);
      await insertRecord(
        tx,
        highlightReports,
        'highlight-report',
        organisationId,
        {
          meetingId: meeting.id,
          priorityId: priority.id,
          previousRag: status?.code ?? previous?.currentRag ?? null,
          previousRagDefinition: status?.definition ?? previous?.currentRagDefinition ?? '',
          assignedUserId: priority.sponsorUserId,
          state: 'draft',
        },
        actor,
      );
      created += 1;
    }
    const [after] = await tx
      .update(boardMeetings)
      .set({
        status: 'cycle-open',
        cycleOpenedAt: sql`now()`,
        version: sql`${boardMeetings.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(boardMeetings.id, meeting.id))
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'board-meeting',
      recordId: meeting.id,
      action: 'update',
      actor,
      before: meeting,
      after: after!,
    });
    return created;
  });
}

export interface ReportData {
  currentRag: string;
  currentRagDefinition: string;
  reason: string;
  completedBy: string;
  areas: { areaId: number | null; progress: FlatItem[]; nextPeriod: FlatItem[] }[];
  commitmentIds: number[];
  measureIds: number[];
}

/** Items as the history shows them: one readable line each, so a change reads as a change of text. */
const itemLine = (item: { section: string; depth: number; text: string }) =>
  `${item.section === 'progress' ? 'Progress' : 'Next period'}: ${'  '.repeat(item.depth)}- ${item.text}`;

async function itemsOf(tx: Tx, reportId: number) {
  const rows = await tx
    .select({
      section: highlightReportItems.section,
      depth: highlightReportItems.depth,
      text: highlightReportItems.text,
    })
    .from(highlightReportItems)
    .where(eq(highlightReportItems.reportId, reportId))
    .orderBy(
      asc(highlightReportItems.improvementAreaId),
      asc(highlightReportItems.section),
      asc(highlightReportItems.position),
      asc(highlightReportItems.id),
    );
  return rows.map(itemLine);
}

/**
 * Saves a report only at the version the person loaded, so of two people editing at once the
 * second is shown the first's version rather than overwriting it. Lists and links are replaced
 * with the report, in the same transaction, so a report is never half saved.
 */
export async function saveReport(
  db: Db,
  organisationId: number,
  input: {
    reportId: number;
    expectedVersion: number;
    data: ReportData;
    /** Who the person saving is to the report (workflow participantOf). */
    as: ReportParticipant;
  },
  actor: Actor,
): Promise<SaveResult<HighlightReport>> {
  const { reportId, expectedVersion, data } = input;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(highlightReports)
      .where(eq(highlightReports.id, reportId))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== expectedVersion) return { ok: false, conflict: true, current: before };
    enforce(before.state, 'edit', input.as);
    const beforeItems = await itemsOf(tx, reportId);
    const [after] = await tx
      .update(highlightReports)
      .set({
        currentRag: data.currentRag || null,
        currentRagDefinition: data.currentRagDefinition,
        reason: data.reason,
        completedBy: data.completedBy,
        version: sql`${highlightReports.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(highlightReports.id, reportId), eq(highlightReports.version, expectedVersion)))
      .returning();
    await tx.delete(highlightReportItems).where(eq(highlightReportItems.reportId, reportId));
    const rows = data.areas.flatMap((area) =>
      (['progress', 'next-period'] as const).flatMap((section) =>
        (section === 'progress' ? area.progress : area.nextPeriod).map((item, position) => ({
          reportId,
          improvementAreaId: area.areaId,
          section,
          position,
          depth: item.depth,
          text: item.text,
        })),
      ),
    );
    if (rows.length) await tx.insert(highlightReportItems).values(rows);
    await tx.delete(highlightReportLinks).where(eq(highlightReportLinks.reportId, reportId));
    const links = [
      ...data.commitmentIds.map((commitmentId) => ({ reportId, commitmentId })),
      ...data.measureIds.map((measureId) => ({ reportId, measureId })),
    ];
    if (links.length) await tx.insert(highlightReportLinks).values(links);
    await recordChange(tx, {
      organisationId,
      recordType: 'highlight-report',
      recordId: reportId,
      action: 'update',
      actor,
      before: { ...before, items: beforeItems },
      after: {
        ...after!,
        items: [...rows]
          .sort(
            (a, b) =>
              (a.improvementAreaId ?? 0) - (b.improvementAreaId ?? 0) ||
              a.section.localeCompare(b.section) ||
              a.position - b.position,
          )
          .map(itemLine),
        links: links.map((l) =>
          'commitmentId' in l ? `commitment ${l.commitmentId}` : `measure ${l.measureId}`,
        ),
      },
    });
    return { ok: true, record: after! };
  });
}

/** Moves a report through draft → submitted → returned (with comments) or approved. */
export async function moveReport(
  db: Db,
  organisationId: number,
  input: { reportId: number; action: ReportTransition; comment?: string; as: ReportParticipant },
  actor: Actor,
): Promise<{ report: HighlightReport; eventId: number }> {
  const { reportId, action } = input;
  const comment = input.comment?.trim() ?? '';
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(highlightReports)
      .where(eq(highlightReports.id, reportId))
      .for('update');
    if (!before) throw new WorkflowError('not-found', 'The report no longer exists');
    const step = enforce(before.state, action, input.as);
    if (step.needsComment && comment === '')
      throw new WorkflowError('comment-required', 'Enter what the sponsor needs to change');
    if (action === 'submit' && !before.currentRag)
      throw new WorkflowError('rag-required', 'Choose the current RAG status before submitting the report');
    const [after] = await tx
      .update(highlightReports)
      .set({ state: step.to, version: sql`${highlightReports.version} + 1`, updatedAt: sql`now()` })
      .where(eq(highlightReports.id, reportId))
      .returning();
    const [event] = await tx
      .insert(highlightReportEvents)
      .values({ reportId, action, userId: actor.userId, actorName: actor.name, comment })
      .returning({ id: highlightReportEvents.id });
    await recordChange(tx, {
      organisationId,
      recordType: 'highlight-report',
      recordId: reportId,
      action: 'update',
      actor,
      before,
      after: { ...after!, comment },
    });
    return { report: after!, eventId: event!.id };
  });
}

/** A comment on a highlight report, kept with the report's history. Any state; not by readers. */
export async function addReportComment(
  db: Db,
  organisationId: number,
  input: { reportId: number; userId: number; text: string; as: ReportParticipant },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ state: highlightReports.state })
      .from(highlightReports)
      .where(eq(highlightReports.id, input.reportId));
    if (!report) throw new WorkflowError('not-found', 'The report no longer exists');
    enforce(report.state, 'comment', input.as);
    const [row] = await tx
      .insert(comments)
      .values({
        recordType: 'highlight-report',
        recordId: input.reportId,
        userId: input.userId,
        text: input.text,
      })
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'comment',
      recordId: row!.id,
      action: 'create',
      actor,
      before: null,
      after: row!,
    });
    return row!;
  });
}
