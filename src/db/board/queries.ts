import type { FrameworkTag } from '../../domain/national-framework.ts';
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../changes.ts';
import { countOf } from '../counts.ts';
import type { Db } from '../client.ts';
import { getPriorityContext, type Plan, type PriorityRow } from '../plan/queries.ts';
import {
  boardMeetings,
  boardMembers,
  boards,
  commitments,
  highlightReportEvents,
  highlightReportItems,
  highlightReportLinks,
  highlightReports,
  measures,
  organisations,
  plans,
  priorities,
  comments,
  users,
} from '../schema.ts';
import { listUsers } from '../people/queries.ts';
import { otherPlansOf } from './meeting-plans.ts';

/* Reads of the board cycle kept in their own files, offered here: this is the one way in. */
export { loadRagScale, type CouncilRagStatus } from './rag-scale.ts';
export {
  linkableCommitments,
  loadReportDetail,
  reportAreas,
  type DetailArea,
  type ReportDetailRows,
} from './report-detail.ts';
export { measuresForPriority, type PriorityMeasure } from './measures.ts';
export { loadBoardPackRows, type BoardPackRows } from './pack-data.ts';
export { plansToCover } from './meeting-plans.ts';
export {
  getIssuedPapers,
  listIssuedVersions,
  type IssuedPaperRow,
  type IssuedVersion,
} from './issued-papers.ts';
export { openCycleMeetings, programmeOffice, reportsToRemind, returnEvents } from './reminders.ts';
export {
  boardsSatOn,
  meetingReadiness,
  nextMeeting,
  reportsAwaitingApproval,
  reportsOwedBy,
  type MeetingReadiness,
  type NextMeeting,
  type OwedReport,
  type SubmittedReport,
} from './attention.ts';

/*
 * Reads for the board cycle. As in the plan, every lookup by id is joined to the asker's council,
 * so another council's id is simply not found.
 */

export type Board = typeof boards.$inferSelect;
export type BoardMember = typeof boardMembers.$inferSelect;
export type Meeting = typeof boardMeetings.$inferSelect;
export type HighlightReport = typeof highlightReports.$inferSelect;
export type ReportItem = typeof highlightReportItems.$inferSelect;
export type ReportEvent = typeof highlightReportEvents.$inferSelect;

export async function listBoards(db: Db, organisationId: number) {
  return db
    .select({
      id: boards.id,
      name: boards.name,
      kind: boards.kind,
      meetings: countOf(boardMeetings.boardId, boards.id),
      members: countOf(boardMembers.boardId, boards.id),
    })
    .from(boards)
    .where(eq(boards.organisationId, organisationId))
    .orderBy(asc(boards.name));
}

export async function getBoard(db: Db, organisationId: number, boardId: number): Promise<Board | null> {
  const [board] = await db
    .select()
    .from(boards)
    .where(and(eq(boards.id, boardId), eq(boards.organisationId, organisationId)));
  return board ?? null;
}

export async function listMembers(db: Db, boardId: number): Promise<BoardMember[]> {
  return db
    .select()
    .from(boardMembers)
    .where(eq(boardMembers.boardId, boardId))
    .orderBy(asc(boardMembers.id));
}

export async function listMeetings(db: Db, boardId: number) {
  return db
    .select({
      meeting: boardMeetings,
      reports: countOf(highlightReports.meetingId, boardMeetings.id),
    })
    .from(boardMeetings)
    .where(eq(boardMeetings.boardId, boardId))
    .orderBy(desc(boardMeetings.meetingOn));
}

export interface MeetingContext {
  meeting: Meeting;
  board: Board;
  /** The plan the board oversees; for an imported meeting, the plan its reports belong to. */
  plan: Plan | null;
  /** The plans the meeting's pack covers beside the board's own, each a part of the pack. */
  otherPlans: Plan[];
}

export async function getMeeting(
  db: Db,
  organisationId: number,
  meetingId: number,
): Promise<MeetingContext | null> {
  const [row] = await db
    .select({ meeting: boardMeetings, board: boards })
    .from(boardMeetings)
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(and(eq(boardMeetings.id, meetingId), eq(boards.organisationId, organisationId)));
  if (!row) return null;
  const [plan, otherPlans] = await Promise.all([
    meetingPlan(db, row.board, row.meeting.id),
    otherPlansOf(db, organisationId, row.meeting.id),
  ]);
  return { ...row, plan, otherPlans };
}

async function meetingPlan(db: Db, board: Board, meetingId: number): Promise<Plan | null> {
  if (board.planId) {
    const [plan] = await db.select().from(plans).where(eq(plans.id, board.planId));
    if (plan) return plan;
  }
  const [viaReport] = await db
    .select({ plan: plans })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(eq(highlightReports.meetingId, meetingId))
    .limit(1);
  return viaReport?.plan ?? null;
}

/** Meetings held on a day, for the API and the pack command; several boards may meet on one day. */
export async function findMeetingsOn(db: Db, organisationId: number, isoDate: string) {
  return db
    .select({ meeting: boardMeetings, board: boards })
    .from(boardMeetings)
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(and(eq(boards.organisationId, organisationId), eq(boardMeetings.meetingOn, isoDate)))
    .orderBy(asc(boards.name));
}

export interface ReportRow {
  report: HighlightReport;
  priority: {
    id: number;
    /** A meeting's pack may cover several plans; their priorities are told apart by plan. */
    planId: number;
    number: number;
    title: string;
    ambition: string;
    sponsorUserId: number | null;
    sponsorName: string;
    frameworkOutcome: FrameworkTag;
  };
  assignee: string;
  /** The priority's sponsor and the person the report was assigned to: both may write it. */
  sponsorUserIds: number[];
}

const writersOf = (sponsorUserId: number | null, assignedUserId: number | null) => [
  ...new Set([sponsorUserId, assignedUserId].filter((id): id is number => id !== null)),
];

/** A meeting's reports in priority order, with who writes each. */
export async function listMeetingReports(db: Db, meetingId: number): Promise<ReportRow[]> {
  const rows = await db
    .select({
      report: highlightReports,
      priority: {
        id: priorities.id,
        planId: priorities.planId,
        number: priorities.number,
        title: priorities.title,
        ambition: priorities.ambition,
        sponsorUserId: priorities.sponsorUserId,
        sponsorName: priorities.sponsorName,
        frameworkOutcome: priorities.frameworkOutcome,
      },
      assignee: sql<string>`coalesce(${users.name}, nullif(${priorities.sponsorName}, ''), '')`,
    })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .leftJoin(
      users,
      eq(users.id, sql`coalesce(${highlightReports.assignedUserId}, ${priorities.sponsorUserId})`),
    )
    .where(eq(highlightReports.meetingId, meetingId))
    .orderBy(asc(priorities.number));
  return rows.map((row) => ({
    ...row,
    sponsorUserIds: writersOf(row.priority.sponsorUserId, row.report.assignedUserId),
  }));
}

export interface ReportContext extends MeetingContext {
  report: HighlightReport;
  priority: PriorityRow;
  plan: Plan;
  /** The priority's sponsor and the person the report was assigned to: both may write it. */
  sponsorUserIds: number[];
}

export async function getReport(
  db: Db,
  organisationId: number,
  reportId: number,
): Promise<ReportContext | null> {
  const [report] = await db.select().from(highlightReports).where(eq(highlightReports.id, reportId));
  if (!report) return null;
  const meeting = await getMeeting(db, organisationId, report.meetingId);
  const priority = await getPriorityContext(db, organisationId, report.priorityId);
  if (!meeting || !priority) return null;
  const sponsorUserIds = [
    ...new Set([...priority.sponsorUserIds, ...writersOf(null, report.assignedUserId)]),
  ];
  return { ...meeting, report, priority: priority.priority, plan: priority.plan, sponsorUserIds };
}

export async function listItems(db: Db, reportIds: number[]): Promise<ReportItem[]> {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(highlightReportItems)
    .where(inArray(highlightReportItems.reportId, reportIds))
    .orderBy(
      asc(highlightReportItems.reportId),
      asc(highlightReportItems.section),
      asc(highlightReportItems.position),
      asc(highlightReportItems.id),
    );
}

export async function listLinks(db: Db, reportId: number) {
  return (await listLinksOf(db, [reportId])).get(reportId)!;
}

export interface ReportLinks {
  commitments: {
    id: number;
    text: string;
    dueOn: string | null;
    status: (typeof commitments.$inferSelect)['status'];
  }[];
  measures: { id: number; name: string }[];
}

/** The commitments and measures each report links, for many reports in two queries. */
export async function listLinksOf(db: Db, reportIds: readonly number[]): Promise<Map<number, ReportLinks>> {
  const out = new Map<number, ReportLinks>(reportIds.map((id) => [id, { commitments: [], measures: [] }]));
  if (reportIds.length === 0) return out;
  const ids = [...reportIds];
  const [linkedCommitments, linkedMeasures] = await Promise.all([
    db
      .select({
        reportId: highlightReportLinks.reportId,
        id: commitments.id,
        text: commitments.text,
        dueOn: commitments.dueOn,
        status: commitments.status,
      })
      .from(highlightReportLinks)
      .innerJoin(commitments, eq(commitments.id, highlightReportLinks.commitmentId))
      .where(inArray(highlightReportLinks.reportId, ids))
      .orderBy(asc(commitments.position), asc(commitments.id)),
    db
      .select({ reportId: highlightReportLinks.reportId, id: measures.id, name: measures.name })
      .from(highlightReportLinks)
      .innerJoin(measures, eq(measures.id, highlightReportLinks.measureId))
      .where(inArray(highlightReportLinks.reportId, ids))
      .orderBy(asc(measures.name), asc(measures.id)),
  ]);
  for (const { reportId, ...commitment } of linkedCommitments)
    out.get(reportId)!.commitments.push(commitment);
  for (const { reportId, ...measure } of linkedMeasures) out.get(reportId)!.measures.push(measure);
  return out;
}

export async function listEvents(db: Db, reportId: number): Promise<ReportEvent[]> {
  return db
    .select()
    .from(highlightReportEvents)
    .where(eq(highlightReportEvents.reportId, reportId))
    .orderBy(asc(highlightReportEvents.id));
}

/** The priority's last approved report before this meeting: where "previous RAG" and "unchanged text" come from. */
export async function previousApprovedReport(
  db: DbOrTx,
  priorityId: number,
  beforeDate: string,
): Promise<HighlightReport | null> {
  return (await previousApprovedReports(db, [priorityId], beforeDate)).get(priorityId) ?? null;
}

/** The same for many priorities in one query. */
export async function previousApprovedReports(
  db: DbOrTx,
  priorityIds: readonly number[],
  beforeDate: string,
): Promise<Map<number, HighlightReport>> {
  if (priorityIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([highlightReports.priorityId], { report: highlightReports })
    .from(highlightReports)
    .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
    .where(
      and(
        inArray(highlightReports.priorityId, [...priorityIds]),
        eq(highlightReports.state, 'approved'),
        lt(boardMeetings.meetingOn, beforeDate),
      ),
    )
    .orderBy(asc(highlightReports.priorityId), desc(boardMeetings.meetingOn), desc(highlightReports.id));
  return new Map(rows.map((r) => [r.report.priorityId, r.report]));
}

/** The council's highlight reports for some priorities, latest meeting first (a visit's evidence). */
export async function reportsForPriorities(db: Db, organisationId: number, priorityIds: readonly number[]) {
  if (priorityIds.length === 0) return [];
  return db
    .select({
      id: highlightReports.id,
      priorityId: priorities.id,
      priorityNumber: priorities.number,
      meetingOn: boardMeetings.meetingOn,
      currentRag: highlightReports.currentRag,
      state: highlightReports.state,
    })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(and(eq(boards.organisationId, organisationId), inArray(priorities.id, [...priorityIds])))
    .orderBy(desc(boardMeetings.meetingOn), asc(priorities.number));
}

/** Every approved rating of a plan's priorities, meeting by meeting, for RAG history. */
export async function ragHistory(db: Db, planId: number, priorityId?: number) {
  return db
    .select({
      priorityId: priorities.id,
      number: priorities.number,
      title: priorities.title,
      meetingOn: boardMeetings.meetingOn,
      board: boards.name,
      rag: highlightReports.currentRag,
    })
    .from(highlightReports)
    .innerJoin(priorities, eq(priorities.id, highlightReports.priorityId))
    .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .where(
      and(
        eq(priorities.planId, planId),
        eq(highlightReports.state, 'approved'),
        priorityId ? eq(priorities.id, priorityId) : undefined,
      ),
    )
    .orderBy(asc(boardMeetings.meetingOn), asc(priorities.number));
}

export async function countReportsByState(db: Db, meetingId: number) {
  return db
    .select({ state: highlightReports.state, n: count() })
    .from(highlightReports)
    .where(eq(highlightReports.meetingId, meetingId))
    .groupBy(highlightReports.state);
}

/** Comments on a highlight report, oldest first, with who wrote each. */
export async function listReportComments(db: Db, reportId: number) {
  return db
    .select({ id: comments.id, text: comments.text, createdAt: comments.createdAt, author: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .where(and(eq(comments.recordType, 'highlight-report'), eq(comments.recordId, reportId)))
    .orderBy(asc(comments.id));
}

/** The council's people with accounts, to choose a board member from. */
export async function listPeople(db: Db, organisationId: number) {
  return (await listUsers(db, organisationId)).map((u) => ({ id: u.id, name: u.name, email: u.email }));
}

/** Meetings held on a day in any council, with the board and council, for `wesaid pack`. */
export async function meetingsOnAnyCouncil(db: Db, isoDate: string) {
  return db
    .select({
      meetingId: boardMeetings.id,
      organisationId: boards.organisationId,
      board: boards.name,
      council: organisations.name,
    })
    .from(boardMeetings)
    .innerJoin(boards, eq(boards.id, boardMeetings.boardId))
    .innerJoin(organisations, eq(organisations.id, boards.organisationId))
    .where(eq(boardMeetings.meetingOn, isoDate))
    .orderBy(asc(boards.name), asc(boardMeetings.id));
}
