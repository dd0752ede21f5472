import type { FastifyPluginAsync } from 'fastify';
import { listProjects } from '../../db/projects/queries.ts';
import { poundsOf } from '../../domain/projects/money.ts';
import { projectKinds } from '../../domain/projects/vocabulary.ts';
import { authorize } from '../auth.ts';
import { parseId } from '../errors/http-errors.ts';
import { list } from './schemas.ts';

const tags = ['Projects'];

const projectSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    planId: { type: 'integer' },
    title: { type: 'string' },
    phase: { type: 'string', description: 'The council’s words for the phase; empty when not set' },
    kind: { type: 'string', enum: projectKinds, description: 'A project, or an investable proposition' },
    priorities: { type: 'array', items: { type: 'integer' }, description: 'Ids of the priorities it serves' },
    measures: { type: 'array', items: { type: 'integer' }, description: 'Ids of the linked measures' },
    lead: { type: 'string', description: 'The lead’s name (an account’s, or as written)' },
    rag: {
      type: 'string',
      nullable: true,
      description: 'A code of the council’s RAG scale (red, amber, green, blue or its own); null until rated',
    },
    ragReason: { type: 'string' },
    budget: {
      type: 'object',
      description: 'The project’s budget lines added up, in pounds',
      properties: {
        planned: { type: 'number', description: 'Planned across its budget lines' },
        actual: { type: 'number', description: 'Spend recorded so far' },
        currency: { type: 'string', enum: ['GBP'] },
      },
    },
    version: { type: 'integer' },
  },
} as const;

/** Projects and propositions with their budgets, within the caller's council. */
export const projectApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Querystring: { plan?: string } }>(
    '/projects',
    {
      schema: {
        tags,
        summary: 'The council’s projects and investable propositions, with planned and actual spend',
        querystring: {
          type: 'object',
          properties: {
            plan: { type: 'string', pattern: '^[1-9][0-9]{0,9}$', description: 'Only this plan’s projects' },
          },
        },
        response: { 200: list(projectSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'project' });
      const filter = request.query.plan ? { planId: parseId(request.query.plan, 'Plan') } : {};
      const rows = await listProjects(app.db, user.organisationId, filter);
      return {
        items: rows.map((p) => ({
          id: p.id,
          planId: p.planId,
          title: p.title,
          phase: p.phase,
          kind: p.kind,
          priorities: p.priorityIds,
          measures: p.measureIds,
          lead: p.leadDisplayName,
          rag: p.rag,
          ragReason: p.ragReason,
          budget: {
            planned: poundsOf(p.budget.plannedPence),
            actual: poundsOf(p.budget.actualPence),
            currency: 'GBP',
          },
          version: p.version,
        })),
      };
    },
  );
  return Promise.resolve();
};
