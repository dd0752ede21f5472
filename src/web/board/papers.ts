import { createHash } from 'node:crypto';
import { issuePapers, type IssuedVersion } from '../../db/board/commands.ts';
import { getMeeting, loadBoardPackRows, type MeetingContext } from '../../db/board/queries.ts';
import type { IssuedPaperRow } from '../../db/board/queries.ts';
import type { Db } from '../../db/client.ts';
import { loadActionLogRows } from '../../db/meetings/queries.ts';
import type { Actor } from '../../domain/changes.ts';
import type { Clock } from '../../domain/clock.ts';
import {
  assembleBoardPack,
  renderBoardPack,
  type BoardPack,
  type BoardPackFormat,
} from '../../reports/board-pack/index.ts';
import { renderJob, type Render } from '../../reports/render-job.ts';

/*
 * A meeting's papers: the live pack (marked DRAFT) until they are issued, then the issued
 * documents exactly as stored. The route, the command line and the demo all issue through
 * issueMeetingPapers, so the three issue the same pack.
 */

/** The pack as the data stands now, its figures bounded by the meeting date. */
export async function currentBoardPack(
  db: Db,
  organisationId: number,
  ctx: MeetingContext,
  clock: Clock,
): Promise<BoardPack> {
  const [rows, actions] = await Promise.all([
    loadBoardPackRows(db, organisationId, ctx, clock.today()),
    loadActionLogRows(db, organisationId, ctx),
  ]);
  // The action log goes into the pack, so issuing the papers freezes it with the rest.
  return assembleBoardPack({ ...rows, actions }, { generatedAt: clock.now() });
}

/** The live pack before issue: every page says DRAFT. */
export async function draftBoardPack(
  db: Db,
  organisationId: number,
  ctx: MeetingContext,
  clock: Clock,
): Promise<BoardPack> {
  return { ...(await currentBoardPack(db, organisationId, ctx, clock)), draft: true };
}

/**
 * Issues a meeting's papers: the pack is assembled and rendered as HTML, DOCX and PDF, then stored
 * as the next version with its reason (required when issuing again: IssueError otherwise). The web
 * makes the Word and PDF in its render pool; the command line and the demo on their own thread.
 */
export async function issueMeetingPapers(
  db: Db,
  organisationId: number,
  meetingId: number,
  input: { reason?: string; clock: Clock; render?: Render },
  actor: Actor,
): Promise<IssuedVersion> {
  const render = input.render ?? renderJob;
  const ctx = await getMeeting(db, organisationId, meetingId);
  if (!ctx) throw new Error(`Meeting ${meetingId} not found in council ${organisationId}`);
  const pack = await currentBoardPack(db, organisationId, ctx, input.clock);
  const [html, docx, pdf] = await Promise.all([
    renderBoardPack(pack, 'html'),
    render({ kind: 'board-pack', format: 'docx', pack }),
    render({ kind: 'board-pack', format: 'pdf', pack }),
  ]);
  return issuePapers(
    db,
    organisationId,
    {
      kind: 'board-pack',
      subjectId: ctx.meeting.id,
      reason: input.reason ?? '',
      content: pack as unknown as Record<string, unknown>,
      html,
      docx,
      pdf,
    },
    actor,
  );
}

/** The issued pack's content, as it was assembled. */
export const issuedPack = (row: IssuedPaperRow): BoardPack => row.content as unknown as BoardPack;

/** The stored document of an issued version, byte for byte. */
export function issuedDocument(row: IssuedPaperRow, format: BoardPackFormat): Buffer | string {
  if (format === 'html') return row.html ?? '';
  return format === 'docx' ? row.docx : row.pdf;
}

/**
 * A Content-Security-Policy for stored HTML: it was rendered without a request's nonce, so its
 * one inline stylesheet is allowed by its hash instead, and nothing else is.
 */
export function storedHtmlPolicy(html: string): string {
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return `default-src 'none'; style-src ${styles.join(' ') || "'none'"}; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;
}
