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

const param = (request: FastifyRequest, name: string): unknown =>
  typeof request.params === 'object' && request.params !== null
    ? (request.params as Record<string, unknown>)[name]
    : undefined;

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
    plan: (request: FastifyRequest, reply: FastifyReply) =>
      byId.planById(request, reply, param(request, 'planId')),
    priority: (request: FastifyRequest, reply: FastifyReply) =>
      byId.priorityById(request, reply, param(request, 'priorityId')),
    area: (request: FastifyRequest, reply: FastifyReply) =>
      byId.areaById(request, reply, param(request, 'areaId')),
    commitment: (request: FastifyRequest, reply: FastifyReply) =>
      byId.commitmentById(request, reply, param(request, 'commitmentId')),
    outcome: (request: FastifyRequest, reply: FastifyReply) =>
      byId.outcomeById(request, reply, param(request, 'outcomeId')),
    standard: (request: FastifyRequest, reply: FastifyReply) =>
      byId.standardById(request, reply, param(request, 'standardId')),
  };
}
