import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { liveCommitment, livePriority } from './archived.ts';
import { boardMeetings, commitments, highlightReports, priorities, users } from '../schema.ts';
import { openCommitmentStatuses, type CommitmentStatus } from '../../domain/plan.ts';
import type { FrameworkOutcome } from '../../domain/national-framework.ts';
import { commitmentOutcomeIs } from './framework-reads.ts';

/** What the overview shows of a priority: its place, its title and who sponsors it. */
export interface PriorityHeadline {
  id: number;
  number: number;
  title: string;
  sponsorDisplayName: string;
  frameworkOutcome: FrameworkOutcome | null;
}

export interface PriorityOverview {
  priority: PriorityHeadline;
  counts: Record<CommitmentStatus, number>;
  total: number;
  overdue: number;
  latestRag: string | null;
  latestRagOn: string | null;
}

export function overdueCondition(today: string): SQL {
  return and(lt(commitments.dueOn, today), inArray(commitments.status, [...openCommitmentStatuses]))!;
}

const countWhere = (condition: SQL) =>
  sql<number>`(count(${commitments.id}) filter (where ${condition}))::int`;
const withStatus = (status: CommitmentStatus) => countWhere(sql`${commitments.status} = ${status}`);

/**
 * The plan overview: each priority with its commitments counted by status, overdue, and latest RAG.
 * Counted by the database in one grouped read of the columns the page shows (two round trips in
 * all): a 350-priority plan used to bring every priority's full text and three reads of ids back
 * to be counted here, and the overview's time was almost all PGlite decoding rows (issue 13).
 * Read for one National Framework outcome, only the commitments read under it are counted, and a
 * priority with none of them (nor that tag itself) is left out.
 */
export async function planOverview(
  db: Db,
  planId: number,
  today: string,
  outcome?: FrameworkOutcome,
): Promise<PriorityOverview[]> {
  const rows = await db
    .select({
      id: priorities.id,
      number: priorities.number,
      title: priorities.title,
      frameworkOutcome: priorities.frameworkOutcome,
      sponsorDisplayName: sql<string>`coalesce(${users.name}, nullif(${priorities.sponsorName}, ''), '')`,
      notStarted: withStatus('not-started'),
      inProgress: withStatus('in-progress'),
      done: withStatus('done'),
      dropped: withStatus('dropped'),
      overdue: countWhere(overdueCondition(today)),
    })
    .from(priorities)
    .leftJoin(users, eq(users.id, priorities.sponsorUserId))
    .leftJoin(
      commitments,
      and(
        eq(commitments.priorityId, priorities.id),
        liveCommitment(),
        outcome ? commitmentOutcomeIs(outcome) : undefined,
      ),
    )
    .where(and(eq(priorities.planId, planId), livePriority()))
    .groupBy(priorities.id, users.name)
    .orderBy(asc(priorities.number));
  const shown = outcome
    ? rows.filter(
        (row) =>
          row.frameworkOutcome === outcome || row.notStarted + row.inProgress + row.done + row.dropped > 0,
      )
    : rows;
  if (shown.length === 0) return [];
  const rags = await latestRags(
    db,
    shown.map((row) => row.id),
  );
  return shown.map((row) => {
    const { id, number, title, frameworkOutcome, sponsorDisplayName } = row;
    const { notStarted, inProgress, done, dropped, overdue } = row;
    const rag = rags.get(id);
    return {
      priority: { id, number, title, frameworkOutcome, sponsorDisplayName },
      counts: { 'not-started': notStarted, 'in-progress': inProgress, done, dropped },
      total: notStarted + inProgress + done + dropped,
      overdue,
      latestRag: rag?.rag ?? null,
      latestRagOn: rag?.on ?? null,
    };
  });
}

/** The current RAG of each priority's most recent approved highlight report. */
export async function latestRags(
  db: Db,
  priorityIds: number[],
): Promise<Map<number, { rag: string; on: string }>> {
  if (priorityIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([highlightReports.priorityId], {
      priorityId: highlightReports.priorityId,
      rag: highlightReports.currentRag,
      on: boardMeetings.meetingOn,
    })
    .from(highlightReports)
    .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
    .where(and(inArray(highlightReports.priorityId, priorityIds), eq(highlightReports.state, 'approved')))
    .orderBy(highlightReports.priorityId, desc(boardMeetings.meetingOn));
  return new Map(rows.filter((r) => r.rag).map((r) => [r.priorityId, { rag: r.rag!, on: r.on }]));
}
