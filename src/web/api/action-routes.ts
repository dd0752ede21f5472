import type { FastifyPluginAsync } from 'fastify';
import { getMeeting } from '../../db/board/queries.ts';
import { listCouncilActions, listMeetingActions, type ActionRow } from '../../db/meetings/queries.ts';
import { actionStatuses } from '../../domain/meetings/vocabulary.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { idParams, list } from './schemas.ts';

const tags = ['Board'];

const actionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    meetingId: { type: 'integer', description: 'The meeting the action arose at' },
    meetingDate: { type: 'string', format: 'date' },
    agendaItem: { type: 'string', nullable: true, description: 'The agenda item it arose from' },
    description: { type: 'string' },
    owner: { type: 'string', description: 'The owner’s name (an account’s, or as written)' },
    ownerUserId: { type: 'integer', nullable: true },
    dueDate: { type: 'string', format: 'date', nullable: true },
    status: { type: 'string', enum: actionStatuses },
    closedDate: {
      type: 'string',
      format: 'date',
      nullable: true,
      description: 'When it was done or dropped',
    },
    updates: {
      type: 'array',
      description: 'Dated updates, oldest first; never changed once added',
      items: {
        type: 'object',
        properties: {
          date: { type: 'string', format: 'date' },
          text: { type: 'string' },
          by: { type: 'string' },
        },
      },
    },
    version: { type: 'integer' },
  },
} as const;

const asJson = (a: ActionRow) => ({
  id: a.id,
  meetingId: a.meetingId,
  meetingDate: a.raisedOn,
  agendaItem: a.itemTitle,
  description: a.description,
  owner: a.ownerDisplayName,
  ownerUserId: a.ownerUserId,
  dueDate: a.dueOn,
  status: a.status,
  closedDate: a.closedOn,
  updates: a.updates.map((u) => ({ date: u.updatedOn, text: u.text, by: u.actorName })),
  version: a.version,
});

/** Actions arising from meetings, within the caller's council. */
export const actionApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Params: { meetingId: string } }>(
    '/meetings/:meetingId/actions',
    {
      schema: {
        tags,
        summary: 'The actions raised at a meeting',
        params: idParams('meetingId'),
        response: { 200: list(actionSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'meeting-action' });
      const meetingId = parseId(request.params.meetingId, 'Meeting');
      if (!(await getMeeting(app.db, user.organisationId, meetingId))) throw new NotFoundError('Meeting');
      return { items: (await listMeetingActions(app.db, user.organisationId, meetingId)).map(asJson) };
    },
  );

  app.get<{ Querystring: { status?: (typeof actionStatuses)[number] } }>(
    '/actions',
    {
      schema: {
        tags,
        summary: 'The council’s actions from every meeting, oldest meeting first',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: actionStatuses, description: 'Only actions in this status' },
          },
        },
        response: { 200: list(actionSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'meeting-action' });
      return {
        items: (await listCouncilActions(app.db, user.organisationId, request.query.status)).map(asJson),
      };
    },
  );
  return Promise.resolve();
};
