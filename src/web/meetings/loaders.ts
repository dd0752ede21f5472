import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getAction, getAgendaItem, getAttendee, meetingById } from '../../db/meetings/queries.ts';
import { MinutesFrozenError } from '../../db/meetings/commands.ts';
import { formatDate } from '../../domain/format.ts';
import { frozenMessage } from '../../domain/meetings/minutes.ts';
import type { PolicyResource } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId, RecordFrozenError } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';
import { boardLoaders } from '../board/loaders.ts';

/*
 * A meeting's record by the id in the URL, within the signed-in person's council: another
 * council's agenda item, attendee or action is simply not found.
 */

type WithParam<N extends string> = FastifyRequest<{ Params: Record<N, string> }>;

export const meetingRecord: PolicyResource = { type: 'meeting-record' };

export const actionResource = (action: { ownerUserId: number | null }): PolicyResource => ({
  type: 'meeting-action',
  ownerUserIds: action.ownerUserId ? [action.ownerUserId] : [],
});

const frozenTitle = 'These minutes are approved';

/** Approved minutes cannot change: the pages say so with a 409 before showing a form that would fail. */
export async function refuseIfApproved(
  app: FastifyInstance,
  meeting: { minutesApprovedAt: Date | null; minutesApprovedByMeetingId: number | null },
) {
  if (!meeting.minutesApprovedAt) return;
  const by = await meetingById(app.db, meeting.minutesApprovedByMeetingId);
  throw new RecordFrozenError(frozenMessage(by ? formatDate(by.meetingOn) : null), frozenTitle);
}

/** The command's refusal (the page's own check may be stale), as the same 409 page. */
export async function unlessFrozen<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MinutesFrozenError) throw new RecordFrozenError(error.message, frozenTitle);
    throw error;
  }
}

export function meetingLoaders(app: FastifyInstance) {
  const board = boardLoaders(app);
  return {
    meeting: board.meeting,
    item: async (request: WithParam<'itemId'>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getAgendaItem(
        app.db,
        user.organisationId,
        parseId(request.params.itemId, 'Agenda item'),
      );
      if (!ctx) throw new NotFoundError('Agenda item');
      return { ...ctx, organisationId: user.organisationId };
    },
    attendee: async (request: WithParam<'attendeeId'>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getAttendee(
        app.db,
        user.organisationId,
        parseId(request.params.attendeeId, 'Attendee'),
      );
      if (!ctx) throw new NotFoundError('Attendee');
      return { ...ctx, organisationId: user.organisationId };
    },
    action: async (request: WithParam<'actionId'>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getAction(app.db, user.organisationId, parseId(request.params.actionId, 'Action'));
      if (!ctx) throw new NotFoundError('Action');
      return { ...ctx, organisationId: user.organisationId };
    },
  };
}

/** Boards › the board › the meeting, above every page of its record. */
export const meetingCrumbs = (ctx: {
  board: { id: number; name: string };
  meeting: { id: number; meetingOn: string };
}) => [
  { text: 'Boards', href: paths.boards() },
  { text: ctx.board.name, href: paths.board(ctx.board.id) },
  { text: `Meeting of ${formatDate(ctx.meeting.meetingOn)}`, href: paths.meeting(ctx.meeting.id) },
];
