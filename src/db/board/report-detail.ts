import { and, asc, eq } from 'drizzle-orm';
import { noonOf } from '../../domain/clock.ts';
import type { OverdueCommitment, ReportEvidence } from '../../domain/evidence-check.ts';
import { groupItemsByArea, type DetailArea } from '../../domain/report-items.ts';
import { reportMeasures, type PriorityMeasure } from './measures.ts';
import {
  listItems,
  listLinks,
  previousApprovedReport,
  type HighlightReport,
  type ReportItem,
} from './queries.ts';
import type { Db } from '../client.ts';
import { listAreas, liveCommitment, overdueCondition } from '../plan/queries.ts';
import { commitments } from '../schema.ts';

/*
 * One report with the rows shown beside it: its areas and lists, its links, the measures, the
 * commitments overdue and the last approved report. The evidence check over these rows is
 * src/domain/evidence-check.ts (checkReportEvidence); the report page, the API and the board pack
 * all read these rows, so all three say the same.
 */

export type { DetailArea };

export interface ReportDetailRows extends ReportEvidence {
  areas: DetailArea[];
  links: Awaited<ReturnType<typeof listLinks>>;
  measures: PriorityMeasure[];
}

/** The priority's improvement areas in plan order, each with its items from this report. */
export async function reportAreas(
  db: Db,
  priorityId: number,
  items: readonly ReportItem[],
): Promise<DetailArea[]> {
  return groupItemsByArea(await listAreas(db, priorityId), items);
}

/**
 * The evidence is judged as at the meeting for a meeting already past, otherwise as at today: a
 * commitment that fell due after the board met was not overdue when the board read the report,
 * and a figure for a month after the meeting was not before the board either.
 */
export async function loadReportDetail(
  db: Db,
  input: { report: HighlightReport; meetingOn: string; today: string },
): Promise<ReportDetailRows> {
  const { report } = input;
  const asAt = input.meetingOn < input.today ? input.meetingOn : input.today;
  const [items, links, previous] = await Promise.all([
    listItems(db, [report.id]),
    listLinks(db, report.id),
    previousApprovedReport(db, report.priorityId, input.meetingOn),
  ]);
  const areas = await reportAreas(db, report.priorityId, items);
  const previousAreas = previous
    ? await reportAreas(db, previous.priorityId, await listItems(db, [previous.id]))
    : undefined;
  const overdue = await db
    .select({
      id: commitments.id,
      text: commitments.text,
      dueOn: commitments.dueOn,
      owner: commitments.owner,
    })
    .from(commitments)
    .where(and(eq(commitments.priorityId, report.priorityId), overdueCondition(asAt), liveCommitment()))
    .orderBy(asc(commitments.dueOn), asc(commitments.id));
  const measures = await reportMeasures(
    db,
    report.priorityId,
    links.measures.map((m) => m.id),
    noonOf(asAt),
  );
  return {
    report: { currentRag: report.currentRag, previousRag: report.previousRag, reason: report.reason },
    areas,
    links,
    measures,
    overdueCommitments: overdue.map((c): OverdueCommitment => ({ ...c, dueOn: c.dueOn! })),
    ...(previous && previousAreas
      ? { previousReport: { reason: previous.reason, areas: previousAreas } }
      : {}),
  };
}

/** Commitments and measures a sponsor may link, for the form's checkboxes. */
export async function linkableCommitments(db: Db, priorityId: number) {
  return db
    .select({ id: commitments.id, text: commitments.text })
    .from(commitments)
    .where(and(eq(commitments.priorityId, priorityId), liveCommitment()))
    .orderBy(asc(commitments.position), asc(commitments.id));
}
