import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getBoard, getMeeting, getReport } from '../../db/board/queries.ts';
import type { PolicyResource } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';

/*
 * Find a board, meeting or report by the id in the URL, within the signed-in person's council.
 * Boards and meetings are the programme office's to run, which the policies express as creating
 * highlight reports with no priority (only programme managers and administrators may).
 */

const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name];

export const runTheCycle: PolicyResource = { type: 'highlight-report' };

export function boardLoaders(app: FastifyInstance) {
  return {
    async board(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const board = await getBoard(app.db, user.organisationId, parseId(param(request, 'boardId'), 'Board'));
      if (!board) throw new NotFoundError('Board');
      return board;
    },
    async meeting(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getMeeting(
        app.db,
        user.organisationId,
        parseId(param(request, 'meetingId'), 'Meeting'),
      );
      if (!ctx) throw new NotFoundError('Meeting');
      return ctx;
    },
    async report(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getReport(
        app.db,
        user.organisationId,
        parseId(param(request, 'reportId'), 'Highlight report'),
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
