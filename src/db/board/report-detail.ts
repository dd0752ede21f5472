import { and, asc, eq, inArray } from 'drizzle-orm';
import { noonOf } from '../../domain/clock.ts';
import type { OverdueCommitment, ReportEvidence } from '../../domain/evidence-check.ts';
import { groupItemsByArea, type DetailArea } from '../../domain/report-items.ts';
import type { PriorityMeasure } from './measures.ts';
import {
  listItems,
  listLinksOf,
  previousApprovedReports,
  type HighlightReport,
  type ReportItem,
  type ReportLinks,
} from './queries.ts';
import type { Db } from '../client.ts';
import { listAreas, listAreasOf, liveCommitment, overdueCondition } from '../plan/queries.ts';
import { measuresForPriorities } from '../measures/queries.ts';
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
  links: ReportLinks;
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
  const [detail] = await loadReportDetails(db, { ...input, reports: [input.report] });
  return detail!;
}

/**
 * The same for every report of a meeting at once, in a fixed number of queries however many
 * priorities there are: the board pack of a 50-priority plan is one call, not 50.
 */
export async function loadReportDetails(
  db: Db,
  input: { reports: readonly HighlightReport[]; meetingOn: string; today: string },
): Promise<ReportDetailRows[]> {
  const { reports } = input;
  const asAt = input.meetingOn < input.today ? input.meetingOn : input.today;
  const priorityIds = [...new Set(reports.map((r) => r.priorityId))];
  const [links, previousByPriority, areasByPriority, overdue, measuresByPriority] = await Promise.all([
    listLinksOf(
      db,
      reports.map((r) => r.id),
    ),
    previousApprovedReports(db, priorityIds, input.meetingOn),
    listAreasOf(db, priorityIds),
    priorityIds.length === 0
      ? []
      : db
          .select({
            priorityId: commitments.priorityId,
            id: commitments.id,
            text: commitments.text,
            dueOn: commitments.dueOn,
            owner: commitments.owner,
          })
          .from(commitments)
          .where(and(inArray(commitments.priorityId, priorityIds), overdueCondition(asAt), liveCommitment()))
          .orderBy(asc(commitments.dueOn), asc(commitments.id)),
    measuresForPriorities(db, priorityIds, noonOf(asAt)),
  ]);
  const previousIds = [...previousByPriority.values()].map((r) => r.id);
  const items = await listItems(db, [...reports.map((r) => r.id), ...previousIds]);
  const itemsOf = (reportId: number) => items.filter((i) => i.reportId === reportId);
  return reports.map((report): ReportDetailRows => {
    const areas = areasByPriority.get(report.priorityId) ?? [];
    const previous = previousByPriority.get(report.priorityId);
    const reportLinks = links.get(report.id)!;
    const linkedMeasureIds = reportLinks.measures.map((m) => m.id);
    const measures = measuresByPriority.get(report.priorityId) ?? [];
    return {
      report: { currentRag: report.currentRag, previousRag: report.previousRag, reason: report.reason },
      areas: groupItemsByArea(areas, itemsOf(report.id)),
      links: reportLinks,
      // The measures a report shows: the ones its sponsor linked (all of the priority's when none
      // are), and always those off target, so a measure going wrong cannot be kept from the board.
      measures:
        linkedMeasureIds.length === 0
          ? measures
          : measures.filter((m) => linkedMeasureIds.includes(m.id) || m.offTarget),
      overdueCommitments: overdue
        .filter((c) => c.priorityId === report.priorityId)
        .map(({ priorityId: _, ...c }): OverdueCommitment => ({ ...c, dueOn: c.dueOn! })),
      ...(previous
        ? {
            previousReport: { reason: previous.reason, areas: groupItemsByArea(areas, itemsOf(previous.id)) },
          }
        : {}),
    };
  });
}

/** Commitments and measures a sponsor may link, for the form's checkboxes. */
export async function linkableCommitments(db: Db, priorityId: number) {
  return db
    .select({ id: commitments.id, text: commitments.text })
    .from(commitments)
    .where(and(eq(commitments.priorityId, priorityId), liveCommitment()))
    .orderBy(asc(commitments.position), asc(commitments.id));
}
