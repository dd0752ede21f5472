import type { FastifyPluginAsync } from 'fastify';
import { getPlan } from '../../db/plan/queries.ts';
import { listExpectations } from '../../db/programmes/queries.ts';
import {
  expectationCounts,
  expectationStatuses,
  expectationStrengths,
} from '../../domain/programmes/expectations.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { idParams } from './schemas.ts';

/* A reform programme's expectations checklist as JSON, within the caller's council. */

const tags = ['Programmes'];

const expectationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    planId: { type: 'integer' },
    title: { type: 'string', description: 'What the programme expects (the same words as text)' },
    text: { type: 'string' },
    strength: { type: 'string', enum: expectationStrengths },
    reference: { type: 'string', description: 'The grant line or guidance reference; may be empty' },
    status: { type: 'string', enum: expectationStatuses },
    met: { type: 'boolean' },
    evidence: { type: 'string' },
    commitments: {
      type: 'array',
      description: 'The commitments of the plan that meet it',
      items: { type: 'object', properties: { id: { type: 'integer' }, text: { type: 'string' } } },
    },
    measures: {
      type: 'array',
      description: 'The measures that evidence it',
      items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
    },
    version: { type: 'integer' },
  },
} as const;

const countsSchema = {
  type: 'object',
  description: 'How many of each strength there are and how many are met',
  properties: {
    required: { type: 'integer' },
    requiredMet: { type: 'integer' },
    recommended: { type: 'integer' },
    recommendedMet: { type: 'integer' },
  },
} as const;

export const programmeApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Params: { planId: string } }>(
    '/plans/:planId/expectations',
    {
      schema: {
        tags,
        summary: 'A reform programme’s expectations, required then recommended, with what meets each',
        params: idParams('planId'),
        response: {
          200: {
            type: 'object',
            properties: { counts: countsSchema, items: { type: 'array', items: expectationSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'expectation' });
      const plan = await getPlan(app.db, user.organisationId, parseId(request.params.planId, 'Plan'));
      if (!plan) throw new NotFoundError('Plan');
      const rows = await listExpectations(app.db, user.organisationId, plan.id);
      return {
        counts: expectationCounts(rows),
        items: rows.map((e) => ({
          id: e.id,
          planId: e.planId,
          title: e.text,
          text: e.text,
          strength: e.strength,
          reference: e.reference,
          status: e.status,
          met: e.status === 'met',
          evidence: e.evidence,
          commitments: e.commitmentId === null ? [] : [{ id: e.commitmentId, text: e.commitmentText ?? '' }],
          measures: e.measureId === null ? [] : [{ id: e.measureId, name: e.measureName ?? '' }],
          version: e.version,
        })),
      };
    },
  );
  return Promise.resolve();
};
