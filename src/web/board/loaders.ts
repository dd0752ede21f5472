import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getBoard, getMeeting, getReport } from '../../db/board/queries.ts';
import type { PolicyResource } from '../../domain/policies.ts';
import {
  decide,
  participantOf,
  type ReportAction,
  type ReportDecision,
  type ReportParticipant,
  type ReportState,
} from '../../domain/workflows/highlight-report.ts';
import { requireUser } from '../auth.ts';
import { ForbiddenError, NotFoundError, parseId } from '../errors/http-errors.ts';

/*
 * Find a board, meeting or report by the id in the URL, within the signed-in person's council.
 * Boards and meetings are the programme office's to run, which the policies express as creating
 * highlight reports with no priority (only programme managers and administrators may).
 */

/** A request to a route whose pattern names the parameter `N` (`/boards/:boardId`). */
type WithParam<N extends string> = FastifyRequest<{ Params: Record<N, string> }>;

export const runTheCycle: PolicyResource = { type: 'highlight-report' };

export function boardLoaders(app: FastifyInstance) {
  return {
    board: async (request: WithParam<'boardId'>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const board = await getBoard(app.db, user.organisationId, parseId(request.params.boardId, 'Board'));
      if (!board) throw new NotFoundError('Board');
      return board;
    },
    meeting: async (request: WithParam<'meetingId'>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getMeeting(app.db, user.organisationId, parseId(request.params.meetingId, 'Meeting'));
      if (!ctx) throw new NotFoundError('Meeting');
      return ctx;
    },
    report: async (request: WithParam<'reportId'>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getReport(
        app.db,
        user.organisationId,
        parseId(request.params.reportId, 'Highlight report'),
      );
      if (!ctx) throw new NotFoundError('Highlight report');
      return ctx;
    },
  };
}

export const reportResource = (ctx: { sponsorUserIds: number[] }): PolicyResource => ({
  type: 'highlight-report',
  sponsorUserIds: ctx.sponsorUserIds,
});

/**
 * The workflow's answer for this person, this report and this action. What the machine never lets
 * the person do (a sponsor approving, a board member editing) is refused here with a 403; what
 * they may do but not in this state is returned for the route to explain.
 */
export function authorizeReport(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: { report: { state: ReportState }; sponsorUserIds: readonly number[] },
  action: ReportAction,
): { user: ReturnType<typeof requireUser>; who: ReportParticipant; decision: ReportDecision } {
  const user = requireUser(request, reply);
  const who = participantOf(user, ctx.sponsorUserIds);
  const decision = decide(ctx.report.state, action, who);
  if (!decision.ok && decision.refusal === 'not-yours') throw new ForbiddenError();
  return { user, who, decision };
}
