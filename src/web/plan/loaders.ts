import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getArea,
  getCommitment,
  getOutcome,
  getPlan,
  getPriorityContext,
  getStandard,
} from '../../db/plan/queries.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';

/*
 * Each loader finds a record by the id in the URL, within the signed-in person's council, with
 * what the policy needs to know (the sponsors of the priority above it). Not found means 404.
 * `x(request, reply)` reads the id from the route parameter its own routes use (`:priorityId`);
 * `xById(request, reply, id)` takes the id from wherever the caller found it.
 */

/** A request to a route whose pattern names the parameter `N` (`/priorities/:priorityId`). */
type WithParam<N extends string> = FastifyRequest<{ Params: Record<N, string> }>;

export function loaders(app: FastifyInstance) {
  const found = <T>(record: T | null, name: string): T => {
    if (!record) throw new NotFoundError(name);
    return record;
  };
  const byId = {
    planById: async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
      const user = requireUser(request, reply);
      return found(await getPlan(app.db, user.organisationId, parseId(id, 'Plan')), 'Plan');
    },
    priorityById: async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
      const user = requireUser(request, reply);
      return found(
        await getPriorityContext(app.db, user.organisationId, parseId(id, 'Priority')),
        'Priority',
      );
    },
    areaById: async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
      const user = requireUser(request, reply);
      return found(
        await getArea(app.db, user.organisationId, parseId(id, 'Improvement area')),
        'Improvement area',
      );
    },
    commitmentById: async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
      const user = requireUser(request, reply);
      return found(await getCommitment(app.db, user.organisationId, parseId(id, 'Commitment')), 'Commitment');
    },
    outcomeById: async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
      const user = requireUser(request, reply);
      return found(await getOutcome(app.db, user.organisationId, parseId(id, 'Outcome')), 'Outcome');
    },
    standardById: async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
      const user = requireUser(request, reply);
      return found(await getStandard(app.db, user.organisationId, parseId(id, 'Standard')), 'Standard');
    },
  };
  return {
    ...byId,
    plan: (request: WithParam<'planId'>, reply: FastifyReply) =>
      byId.planById(request, reply, request.params.planId),
    priority: (request: WithParam<'priorityId'>, reply: FastifyReply) =>
      byId.priorityById(request, reply, request.params.priorityId),
    area: (request: WithParam<'areaId'>, reply: FastifyReply) =>
      byId.areaById(request, reply, request.params.areaId),
    commitment: (request: WithParam<'commitmentId'>, reply: FastifyReply) =>
      byId.commitmentById(request, reply, request.params.commitmentId),
    outcome: (request: WithParam<'outcomeId'>, reply: FastifyReply) =>
      byId.outcomeById(request, reply, request.params.outcomeId),
    standard: (request: WithParam<'standardId'>, reply: FastifyReply) =>
      byId.standardById(request, reply, request.params.standardId),
  };
}
