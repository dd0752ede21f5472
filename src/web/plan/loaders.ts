import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getArea,
  getCommitment,
  getOutcome,
  getPriorityContext,
  getStandard,
} from '../../db/plan/queries.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';

/*
 * Each loader finds a record by the id in the URL, within the signed-in person's council, with
 * what the policy needs to know (the sponsors of the priority above it). Not found means 404.
 */

const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name];

export function loaders(app: FastifyInstance) {
  return {
    async priority(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getPriorityContext(
        app.db,
        user.organisationId,
        parseId(param(request, 'priorityId'), 'Priority'),
      );
      if (!ctx) throw new NotFoundError('Priority');
      return ctx;
    },
    async area(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getArea(
        app.db,
        user.organisationId,
        parseId(param(request, 'areaId'), 'Improvement area'),
      );
      if (!ctx) throw new NotFoundError('Improvement area');
      return ctx;
    },
    async commitment(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getCommitment(
        app.db,
        user.organisationId,
        parseId(param(request, 'commitmentId'), 'Commitment'),
      );
      if (!ctx) throw new NotFoundError('Commitment');
      return ctx;
    },
    async outcome(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getOutcome(
        app.db,
        user.organisationId,
        parseId(param(request, 'outcomeId'), 'Outcome'),
      );
      if (!ctx) throw new NotFoundError('Outcome');
      return ctx;
    },
    async standard(request: FastifyRequest, reply: FastifyReply) {
      const user = requireUser(request, reply);
      const ctx = await getStandard(
        app.db,
        user.organisationId,
        parseId(param(request, 'standardId'), 'Standard'),
      );
      if (!ctx) throw new NotFoundError('Standard');
      return ctx;
    },
  };
}
