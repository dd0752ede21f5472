import { noonOf } from '../../domain/clock.ts';
import { and, asc, eq } from 'drizzle-orm';
import { checkEvidence, type EvidenceWarning, type ReportArea } from '../../domain/evidence-check.ts';
import type { RagScale } from '../../domain/rag-scale.ts';
import type { FlatItem } from './items.ts';
import { latestWithPeriod, reportMeasures, type PriorityMeasure } from './measures.ts';
import {
  listItems,
  listLinks,
  previousApprovedReport,
  type HighlightReport,
  type ReportItem,
} from './queries.ts';
import type { Db } from '../client.ts';
import { listAreas, overdueCondition } from '../plan/queries.ts';
import { commitments } from '../schema.ts';

/*
 * One report with everything shown beside it: its areas and lists, its links, and the evidence
 * check. Shared by the report page, the API and the board pack so all three say the same.
 */

export interface DetailArea {
  /** Null for items not filed under an improvement area. */
  id: number | null;
  title: string;
  progress: FlatItem[];
  nextPeriod: FlatItem[];
}

export interface ReportDetail {
  areas: DetailArea[];
  links: Awaited<ReturnType<typeof listLinks>>;
  measures: PriorityMeasure[];
  warnings: EvidenceWarning[];
}

export const otherArea = 'Other progress';

/** The priority's improvement areas in plan order, each with its items from this report. */
export async function reportAreas(
  db: Db,
  priorityId: number,
  items: readonly ReportItem[],
): Promise<DetailArea[]> {
  const areas: DetailArea[] = (await listAreas(db, priorityId)).map((a) => ({
    id: a.id,
    title: a.title,
    progress: [],
    nextPeriod: [],
  }));
  for (const item of items) {
    let area = areas.find((a) => a.id === item.improvementAreaId);
    if (!area) {
      area = areas.find((a) => a.id === null) ?? { id: null, title: otherArea, progress: [], nextPeriod: [] };
      if (!areas.includes(area)) areas.push(area);
    }
    (item.section === 'progress' ? area.progress : area.nextPeriod).push({
      text: item.text,
      depth: item.depth,
    });
  }
  return areas;
}

const forCheck = (areas: readonly DetailArea[]): ReportArea[] =>
  areas.map((a) => ({
    title: a.title,
    progress: a.progress.map((i) => i.text),
    nextPeriod: a.nextPeriod.map((i) => i.text),
  }));

/**
 * The evidence is judged as at the meeting for a meeting already past, otherwise as at today: a
 * commitment that fell due after the board met was not overdue when the board read the report.
 */
export async function loadReportDetail(
  db: Db,
  input: { report: HighlightReport; meetingOn: string; scale: RagScale; today: string },
): Promise<ReportDetail> {
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
    .where(and(eq(commitments.priorityId, report.priorityId), overdueCondition(asAt)))
    .orderBy(asc(commitments.dueOn), asc(commitments.id));
  const measures = await reportMeasures(
    db,
    report.priorityId,
    links.measures.map((m) => m.id),
    noonOf(input.today),
  );
  const warnings = checkEvidence(
    {
      currentRag: report.currentRag,
      previousRag: report.previousRag,
      reason: report.reason,
      areas: forCheck(areas),
      overdueCommitments: overdue.map((c) => ({ ...c, dueOn: c.dueOn! })),
      offTargetMeasures: measures
        .filter((m) => m.offTarget)
        .map((m) => ({
          id: m.id,
          name: m.name,
          rating: m.rating === 'red' ? 'red' : 'amber',
          value: latestWithPeriod(m),
          target: m.target ?? 'not set',
        })),
      previousReport:
        previous && previousAreas ? { reason: previous.reason, areas: forCheck(previousAreas) } : undefined,
    },
    input.scale,
  );
  return { areas, links, measures, warnings };
}

/** Commitments and measures a sponsor may link, for the form's checkboxes. */
export async function linkableCommitments(db: Db, priorityId: number) {
  return db
    .select({ id: commitments.id, text: commitments.text })
    .from(commitments)
    .where(eq(commitments.priorityId, priorityId))
    .orderBy(asc(commitments.position), asc(commitments.id));
}
