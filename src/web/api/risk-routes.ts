import type { FastifyPluginAsync } from 'fastify';
import { listRisks } from '../../db/risks/queries.ts';
import { riskBands, riskDirections, riskStatuses } from '../../domain/risks/scoring.ts';
import { authorize } from '../auth.ts';
import { parseId } from '../errors/http-errors.ts';
import { list } from './schemas.ts';

const tags = ['Risks'];

const score = (when: string) => ({
  type: 'integer',
  minimum: 1,
  description: `${when}, from 1 to the council’s scale (5 unless it chose otherwise)`,
});
const rating = { type: 'string', enum: riskBands } as const;

const riskSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    planId: { type: 'integer' },
    title: { type: 'string' },
    priorities: { type: 'array', items: { type: 'integer' }, description: 'Ids of the priorities at risk' },
    owner: { type: 'string', description: 'The owner’s name (an account’s, or as written)' },
    ownerUserId: { type: 'integer', nullable: true },
    likelihood: score('Likelihood before controls'),
    impact: score('Impact before controls'),
    score: { type: 'integer', description: 'Likelihood times impact, before controls' },
    rating: { ...rating, description: 'The band of the score before controls' },
    residual: {
      type: 'object',
      description: 'After controls: what the board threshold and the direction are read from',
      properties: {
        likelihood: score('Likelihood after controls'),
        impact: score('Impact after controls'),
        score: { type: 'integer' },
        rating,
      },
    },
    direction: {
      type: 'string',
      enum: riskDirections,
      description: 'The score after controls against the previous review’s',
    },
    aboveThreshold: { type: 'boolean', description: 'Open, and at or above the council’s threshold' },
    reviewDate: { type: 'string', format: 'date', description: 'When the risk was last reviewed' },
    nextReviewDate: { type: 'string', format: 'date', nullable: true },
    status: { type: 'string', enum: riskStatuses },
    version: { type: 'integer' },
  },
} as const;

/** The risk register as JSON, within the caller's council. */
export const riskApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Querystring: { plan?: string } }>(
    '/risks',
    {
      schema: {
        tags,
        summary: 'The council’s risks, highest score after controls first',
        querystring: {
          type: 'object',
          properties: {
            plan: { type: 'string', pattern: '^[1-9][0-9]{0,9}$', description: 'Only this plan’s risks' },
          },
        },
        response: { 200: list(riskSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'risk' });
      // parseId: a number beyond what an id column holds names no plan (404), never a 500.
      const filter = request.query.plan ? { planId: parseId(request.query.plan, 'Plan') } : {};
      const rows = await listRisks(app.db, user.organisationId, filter);
      return {
        items: rows.map((r) => ({
          id: r.id,
          planId: r.planId,
          title: r.title,
          priorities: r.priorityIds,
          owner: r.ownerDisplayName,
          ownerUserId: r.ownerUserId,
          likelihood: r.inherentLikelihood,
          impact: r.inherentImpact,
          score: r.inherent.score,
          rating: r.inherent.band,
          residual: {
            likelihood: r.residualLikelihood,
            impact: r.residualImpact,
            score: r.residual.score,
            rating: r.residual.band,
          },
          direction: r.direction,
          aboveThreshold: r.aboveThreshold,
          reviewDate: r.reviewedOn,
          nextReviewDate: r.nextReviewOn,
          status: r.status,
          version: r.version,
        })),
      };
    },
  );
  return Promise.resolve();
};
