import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getFinding, getInspection, getJudgement } from '../../db/inspections/queries.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';

/* Records of the inspection record by the id in the URL, within the person's council; another council's is not found. */

export const inspectionResource = { type: 'inspection' } as const;

export function inspectionLoaders(app: FastifyInstance) {
  return {
    inspection: async (
      request: FastifyRequest<{ Params: { inspectionId: string } }>,
      reply: FastifyReply,
    ) => {
      const user = requireUser(request, reply);
      const found = await getInspection(
        app.db,
        user.organisationId,
        parseId(request.params.inspectionId, 'Inspection'),
      );
      if (!found) throw new NotFoundError('Inspection');
      return found;
    },
    judgement: async (request: FastifyRequest<{ Params: { judgementId: string } }>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const found = await getJudgement(
        app.db,
        user.organisationId,
        parseId(request.params.judgementId, 'Judgement'),
      );
      if (!found) throw new NotFoundError('Judgement');
      return found;
    },
    finding: async (request: FastifyRequest<{ Params: { findingId: string } }>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const found = await getFinding(
        app.db,
        user.organisationId,
        parseId(request.params.findingId, 'Finding'),
      );
      if (!found) throw new NotFoundError('Finding');
      return found;
    },
  };
}
