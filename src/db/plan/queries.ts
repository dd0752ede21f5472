import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  lt,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../client.ts';
import { countOf } from '../counts.ts';
import { liveArea, liveCommitment, liveOutcome, livePriority } from './archived.ts';
import { overdueCondition } from './overview.ts';
import {
  changeHistory,
  comments,
  commitments,
  improvementAreas,
  outcomes,
  plans,
  priorities,
  standards,
  users,
} from '../schema.ts';
import { openCommitmentStatuses, type CommitmentStatus } from '../../domain/plan.ts';
import type { FrameworkOutcome } from '../../domain/national-framework.ts';
import { commitmentOutcomeIs } from './framework-reads.ts';

/*
 * Reads for the plan pages and API. Every lookup by id also checks the record belongs to the
 * asker's organisation, so an id from another council is simply not found.
 */

export {
  archivedNote,
  archiveReach,
  listArchived,
  liveArea,
  liveCommitment,
  liveOutcome,
  livePriority,
} from './archived.ts';
export { latestRags, overdueCondition, planOverview } from './overview.ts';
export type { PriorityHeadline, PriorityOverview } from './overview.ts';
export { commitmentOutcomeIs, planCommitmentOutcomes, type OutcomeCommitmentRow } from './framework-reads.ts';

export type Plan = typeof plans.$inferSelect;
export type Priority = typeof priorities.$inferSelect;
export type ImprovementArea = typeof improvementAreas.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
export type Outcome = typeof outcomes.$inferSelect;
export type Standard = typeof standards.$inferSelect;
/** One row of the change history: who changed what, with the record before and after. */
export type HistoryEntry = typeof changeHistory.$inferSelect;

export const openStatuses: readonly CommitmentStatus[] = openCommitmentStatuses;

export async function listPlans(db: Db, organisationId: number) {
  return (
    db
      .select({
        ...getTableColumns(plans),
        priorities: countOf(priorities.planId, plans.id, priorities.archivedAt),
      })
      .from(plans)
      .where(eq(plans.organisationId, organisationId))
      // Improvement plans first, newest first: pages that start from "the plan" take the first, and a
      // reform programme run beside the plan must not take its place.
      .orderBy(asc(sql`${plans.kind} <> 'improvement-plan'`), desc(plans.id))
  );
}

export async function getPlan(db: Db, organisationId: number, planId: number): Promise<Plan | null> {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.organisationId, organisationId)));
  return plan ?? null;
}

const sponsorDisplayName = sql<string>`coalesce(${users.name}, nullif(${priorities.sponsorName}, ''), '')`;

export interface PriorityRow extends Priority {
  sponsorDisplayName: string;
}

export async function listPriorities(db: Db, planId: number): Promise<PriorityRow[]> {
  return db
    .select({ ...priorityColumns(), sponsorDisplayName })
    .from(priorities)
    .leftJoin(users, eq(users.id, priorities.sponsorUserId))
    .where(and(eq(priorities.planId, planId), livePriority()))
    .orderBy(asc(priorities.number));
}

const priorityColumns = () => getTableColumns(priorities);

export interface PriorityContext {
  plan: Plan;
  priority: PriorityRow;
  sponsorUserIds: number[];
}

export async function getPriorityContext(
  db: Db,
  organisationId: number,
  priorityId: number,
): Promise<PriorityContext | null> {
  const [row] = await db
    .select({ priority: { ...priorityColumns(), sponsorDisplayName }, plan: plans })
    .from(priorities)
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .leftJoin(users, eq(users.id, priorities.sponsorUserId))
    .where(and(eq(priorities.id, priorityId), eq(plans.organisationId, organisationId)));
  if (!row) return null;
  const priority: PriorityRow = row.priority;
  return { plan: row.plan, priority, sponsorUserIds: priority.sponsorUserId ? [priority.sponsorUserId] : [] };
}

export async function listAreas(db: Db, priorityId: number): Promise<ImprovementArea[]> {
  return db
    .select()
    .from(improvementAreas)
    .where(and(eq(improvementAreas.priorityId, priorityId), liveArea()))
    .orderBy(asc(improvementAreas.position), asc(improvementAreas.id));
}

/** The live improvement areas of many priorities in plan order, in one query. */
export async function listAreasOf(
  db: Db,
  priorityIds: readonly number[],
): Promise<Map<number, ImprovementArea[]>> {
  const out = new Map<number, ImprovementArea[]>(priorityIds.map((id) => [id, []]));
  if (priorityIds.length === 0) return out;
  const rows = await db
    .select()
    .from(improvementAreas)
    .where(and(inArray(improvementAreas.priorityId, [...priorityIds]), liveArea()))
    .orderBy(asc(improvementAreas.position), asc(improvementAreas.id));
  for (const row of rows) out.get(row.priorityId)!.push(row);
  return out;
}

export async function getArea(db: Db, organisationId: number, areaId: number) {
  const [area] = await db.select().from(improvementAreas).where(eq(improvementAreas.id, areaId));
  if (!area) return null;
  const context = await getPriorityContext(db, organisationId, area.priorityId);
  return context ? { ...context, area } : null;
}

export async function getCommitment(db: Db, organisationId: number, commitmentId: number) {
  const [commitment] = await db.select().from(commitments).where(eq(commitments.id, commitmentId));
  if (!commitment) return null;
  const context = await getPriorityContext(db, organisationId, commitment.priorityId);
  if (!context) return null;
  const [area] = commitment.improvementAreaId
    ? await db.select().from(improvementAreas).where(eq(improvementAreas.id, commitment.improvementAreaId))
    : [];
  return { ...context, commitment, area: area ?? null };
}

export async function getOutcome(db: Db, organisationId: number, outcomeId: number) {
  const [outcome] = await db.select().from(outcomes).where(eq(outcomes.id, outcomeId));
  if (!outcome) return null;
  const context = await getCommitment(db, organisationId, outcome.commitmentId);
  return context ? { ...context, outcome } : null;
}

export async function listOutcomes(db: Db, commitmentIds: number[]): Promise<Outcome[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .select()
    .from(outcomes)
    .where(and(inArray(outcomes.commitmentId, commitmentIds), liveOutcome()))
    .orderBy(asc(outcomes.position), asc(outcomes.id));
}

/** A plan's priorities, their commitments and those commitments' outcomes, each in the plan's order. */
export async function planContents(db: Db, planId: number) {
  const priorities = await listPriorities(db, planId);
  const planCommitments = priorities.length
    ? await db
        .select()
        .from(commitments)
        .where(
          and(
            inArray(
              commitments.priorityId,
              priorities.map((p) => p.id),
            ),
            liveCommitment(),
          ),
        )
        .orderBy(asc(commitments.position), asc(commitments.id))
    : [];
  const planOutcomes = await listOutcomes(
    db,
    planCommitments.map((c) => c.id),
  );
  return { priorities, commitments: planCommitments, outcomes: planOutcomes };
}

export async function listStandards(db: Db, planId: number): Promise<Standard[]> {
  return db
    .select()
    .from(standards)
    .where(eq(standards.planId, planId))
    .orderBy(asc(standards.position), asc(standards.id));
}

export async function getStandard(db: Db, organisationId: number, standardId: number) {
  const [row] = await db
    .select({ standard: standards, plan: plans })
    .from(standards)
    .innerJoin(plans, eq(plans.id, standards.planId))
    .where(and(eq(standards.id, standardId), eq(plans.organisationId, organisationId)));
  return row ?? null;
}

export interface CommitmentFilter {
  planId?: number;
  priorityId?: number;
  areaId?: number;
  status?: CommitmentStatus;
  owner?: string;
  overdue?: boolean;
  /** Read under this National Framework outcome, their own or inherited. */
  outcome?: FrameworkOutcome;
  today: string;
  page: number;
  pageSize: number;
}

export interface CommitmentListRow extends Commitment {
  priorityNumber: number;
  priorityTitle: string;
  overdue: boolean;
  outcomeCount: number;
}

/** Commitments filtered by status, owner and overdue, a page at a time. */
export async function listCommitments(
  db: Db,
  filter: CommitmentFilter,
): Promise<{ items: CommitmentListRow[]; total: number }> {
  const conditions: SQL[] = [liveCommitment()];
  if (filter.planId !== undefined) conditions.push(eq(priorities.planId, filter.planId));
  if (filter.priorityId !== undefined) conditions.push(eq(commitments.priorityId, filter.priorityId));
  if (filter.areaId !== undefined) conditions.push(eq(commitments.improvementAreaId, filter.areaId));
  if (filter.status) conditions.push(eq(commitments.status, filter.status));
  if (filter.owner) conditions.push(ilike(commitments.owner, filter.owner.replace(/[%_\\]/g, '\\$&')));
  if (filter.overdue) conditions.push(overdueCondition(filter.today));
  if (filter.outcome) conditions.push(commitmentOutcomeIs(filter.outcome));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .where(where);
  const rows = await db
    .select({
      commitment: commitments,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
      overdue: sql<boolean>`coalesce(${commitments.dueOn} < ${filter.today} and ${commitments.status} in ('not-started', 'in-progress'), false)`,
      outcomeCount: countOf(outcomes.commitmentId, commitments.id, outcomes.archivedAt),
    })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .where(where)
    .orderBy(asc(priorities.number), asc(commitments.position), asc(commitments.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return {
    total,
    items: rows.map((r) => ({
      ...r.commitment,
      priorityNumber: r.priorityNumber,
      priorityTitle: r.priorityTitle,
      overdue: r.overdue,
      outcomeCount: r.outcomeCount,
    })),
  };
}

/** Distinct owners named in a plan, for the owner filter. */
export async function listOwners(db: Db, planId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ owner: commitments.owner })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .where(and(eq(priorities.planId, planId), sql`${commitments.owner} <> ''`, liveCommitment()))
    .orderBy(asc(commitments.owner));
  return rows.map((r) => r.owner);
}

export async function listHistory(
  db: Db,
  organisationId: number,
  recordType: string,
  recordId: number,
): Promise<HistoryEntry[]> {
  return db
    .select()
    .from(changeHistory)
    .where(
      and(
        eq(changeHistory.organisationId, organisationId),
        eq(changeHistory.recordType, recordType),
        eq(changeHistory.recordId, recordId),
      ),
    )
    .orderBy(desc(changeHistory.id));
}

export interface CommentRow {
  id: number;
  text: string;
  createdAt: Date;
  author: string;
}

/** The comments on a record, oldest first, with their authors' names. */
export async function listComments(db: Db, recordType: string, recordId: number): Promise<CommentRow[]> {
  return db
    .select({ id: comments.id, text: comments.text, createdAt: comments.createdAt, author: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .where(and(eq(comments.recordType, recordType), eq(comments.recordId, recordId)))
    .orderBy(asc(comments.id));
}

export interface DueCommitmentRow {
  id: number;
  text: string;
  owner: string;
  dueOn: string;
  status: CommitmentStatus;
  priorityId: number;
  priorityNumber: number;
  priorityTitle: string;
  planId: number;
  planTitle: string;
}

export interface DueCommitments {
  items: DueCommitmentRow[];
  /** All that match, beyond the first `limit`. */
  total: number;
  /** Of those, how many are past their date. */
  overdue: number;
}

/**
 * Open commitments overdue, or due by `through` as well when given, in the council's plans still in
 * use (not closed), soonest first: of the priorities one sponsor sponsors, or of all. The first
 * `limit`, with how many there are in all, in one query.
 */
export async function commitmentsDueBefore(
  db: Db,
  organisationId: number,
  options: { today: string; through?: string; sponsorUserId?: number; limit: number },
): Promise<DueCommitments> {
  const rows = await db
    .select({
      id: commitments.id,
      text: commitments.text,
      owner: commitments.owner,
      dueOn: commitments.dueOn,
      status: commitments.status,
      priorityId: priorities.id,
      priorityNumber: priorities.number,
      priorityTitle: priorities.title,
      planId: plans.id,
      planTitle: plans.title,
      total: sql<number>`(count(*) over ())::int`,
      overdue: sql<number>`(count(*) filter (where ${commitments.dueOn} < ${options.today}) over ())::int`,
    })
    .from(commitments)
    .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        sql`${plans.status} <> 'closed'`,
        options.sponsorUserId === undefined ? undefined : eq(priorities.sponsorUserId, options.sponsorUserId),
        options.through === undefined
          ? lt(commitments.dueOn, options.today)
          : lte(commitments.dueOn, options.through),
        inArray(commitments.status, [...openStatuses]),
        liveCommitment(),
      ),
    )
    .orderBy(asc(commitments.dueOn), asc(priorities.number), asc(commitments.position), asc(commitments.id))
    .limit(options.limit);
  const [first] = rows;
  return {
    // Every row has a date: the condition compares it.
    items: rows.map(({ total: _total, overdue: _overdue, dueOn, ...row }) => ({ ...row, dueOn: dueOn! })),
    total: first?.total ?? 0,
    overdue: first?.overdue ?? 0,
  };
}
