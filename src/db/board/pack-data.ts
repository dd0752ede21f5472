import { eq } from 'drizzle-orm';
import { findStatus, ragDirection } from '../../domain/rag-scale.ts';
import type { BoardPack, BoardPackPriority, Direction } from '../../reports/board-pack/types.ts';
import { itemsToTree } from './items.ts';
import { latestWithPeriod } from './measures.ts';
import { loadRagScale, packScale } from './rag-scale.ts';
import { loadReportDetail } from './report-detail.ts';
import { listMeetingReports, type MeetingContext } from './queries.ts';
import type { Db } from '../client.ts';
import { organisations } from '../schema.ts';

/*
 * A meeting's reports as the board pack renderers take them. Stored RAG values may be a code
 * ("amber") or a word as imported ("Amber"); both are read through the council's scale so the pack
 * shows the council's own wording.
 */

export async function buildBoardPack(
  db: Db,
  organisationId: number,
  ctx: MeetingContext,
  options: { today: string; generatedAt: Date },
): Promise<BoardPack> {
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const scale = await loadRagScale(db, organisationId);
  const code = (value: string | null) => (value ? (findStatus(scale, value)?.code ?? value) : undefined);
  const rows = await listMeetingReports(db, ctx.meeting.id);
  const priorities: BoardPackPriority[] = [];
  for (const row of rows) {
    const detail = await loadReportDetail(db, {
      report: row.report,
      meetingOn: ctx.meeting.meetingOn,
      scale,
      today: options.today,
    });
    const previousRag = code(row.report.previousRag);
    const currentRag = code(row.report.currentRag);
    const direction: Direction =
      previousRag === undefined && currentRag !== undefined
        ? 'new'
        : ragDirection(previousRag, currentRag, scale);
    priorities.push({
      number: row.priority.number,
      title: row.priority.title,
      ...(row.priority.ambition ? { ambition: row.priority.ambition } : {}),
      sponsor: row.assignee,
      ...(previousRag ? { previousRag } : {}),
      ...(currentRag ? { currentRag } : {}),
      direction,
      reason: row.report.reason,
      completedBy: row.report.completedBy,
      state: row.report.state,
      areas: detail.areas.map((a) => ({
        title: a.title,
        progress: itemsToTree(a.progress),
        nextPeriod: itemsToTree(a.nextPeriod),
      })),
      evidenceWarnings: detail.warnings,
      measures: detail.measures.map((m) => ({
        name: m.name,
        latest: latestWithPeriod(m),
        ...(m.target ? { target: m.target } : {}),
        rating: m.rating,
        direction: m.direction,
        narrative: m.narrative,
      })),
    });
  }
  return withUnknownStatuses({
    council: organisation?.name ?? '',
    board: ctx.board.name,
    meeting: { date: ctx.meeting.meetingOn, title: `${ctx.plan?.title ?? ctx.board.name} Highlight Report` },
    generatedAt: options.generatedAt.toISOString(),
    ragScale: packScale(scale),
    priorities,
  });
}

/** Codes the pack's scale does not know (a council's old local status) still get an entry, uncoloured. */
export function withUnknownStatuses(pack: BoardPack): BoardPack {
  const known = new Set(pack.ragScale.map((s) => s.code));
  const extra = [
    ...new Set(
      pack.priorities
        .flatMap((p) => [p.previousRag, p.currentRag])
        .filter((c): c is string => !!c && !known.has(c)),
    ),
  ];
  return {
    ...pack,
    ragScale: [
      ...pack.ragScale,
      ...extra.map((c) => ({
        code: c,
        label: c,
        definition: 'A status no longer in the council’s RAG scale.',
        colour: '#b1b4b6',
      })),
    ],
  };
}
