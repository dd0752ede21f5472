import type { FastifyPluginAsync } from 'fastify';
import { getMeasure, planTargetsOf } from '../../db/measures/queries.ts';
import { planKinds } from '../../domain/plan.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { idParams } from './schemas.ts';

/* A measure shared by plans, each holding it to its own target, as JSON within the caller's council. */

const targetSchema = {
  type: 'object',
  properties: {
    planId: { type: 'integer' },
    planTitle: { type: 'string' },
    planKind: { type: 'string', enum: planKinds },
    target: { type: 'number' },
    targetDate: { type: 'string', format: 'date', nullable: true },
    period: { type: 'string', description: 'The period as the plan writes it, e.g. "by March 2026"' },
    note: { type: 'string' },
    version: { type: 'integer' },
  },
} as const;

export const measureTargetApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Params: { measureId: string } }>(
    '/measures/:measureId/targets',
    {
      schema: {
        tags: ['Scorecard'],
        summary: 'Each plan’s own target for a measure, beside the measure’s own',
        params: idParams('measureId'),
        response: {
          200: {
            type: 'object',
            properties: {
              measureId: { type: 'integer' },
              target: {
                type: 'number',
                nullable: true,
                description: 'The measure’s own target, which a plan without its own shows',
              },
              items: { type: 'array', items: targetSchema },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      const measure = await getMeasure(
        app.db,
        user.organisationId,
        parseId(request.params.measureId, 'Measure'),
      );
      if (!measure) throw new NotFoundError('Measure');
      const rows = await planTargetsOf(app.db, user.organisationId, measure.id);
      return {
        measureId: measure.id,
        target: measure.target,
        items: rows.map((r) => ({
          planId: r.planId,
          planTitle: r.planTitle,
          planKind: r.planKind,
          target: r.target.target,
          targetDate: r.target.targetDate,
          period: r.target.period,
          note: r.target.note,
          version: r.target.version,
        })),
      };
    },
  );
  return Promise.resolve();
};
