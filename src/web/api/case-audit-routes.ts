import type { FastifyPluginAsync } from 'fastify';
import { quarterSummary } from '../../db/case-audits/queries.ts';
import { getPlan } from '../../db/plan/queries.ts';
import { quarterByKey } from '../../domain/case-audits/quarters.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError, parseId } from '../errors/http-errors.ts';

const tags = ['Case audits'];

const percent = (description: string) => ({ type: 'number', nullable: true, description });

const summarySchema = {
  type: 'object',
  required: ['audits', 'goodOrBetter', 'percentGoodOrBetter', 'target', 'inadequate'],
  properties: {
    audits: { type: 'integer', description: 'Case audits recorded in the quarter' },
    goodOrBetter: { type: 'integer', description: 'Of those, graded good or outstanding' },
    percentGoodOrBetter: percent('Their share, per cent to one decimal place; null when none were audited'),
    target: percent(
      'The share aimed at: the programme’s own target, or the previous quarter’s share raised by the council’s rise (20% unless it chose otherwise), at most 100; null when neither is known',
    ),
    inadequate: { type: 'integer', description: 'Case audits graded inadequate' },
  },
} as const;

/** A quarter's case audits in figures, within the caller's council. */
export const caseAuditApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Querystring: { quarter: string; plan?: string } }>(
    '/case-audits/summary',
    {
      schema: {
        tags,
        summary: 'A quarter’s case audits: how many, the share good or better, its target, and inadequate',
        querystring: {
          type: 'object',
          required: ['quarter'],
          properties: {
            quarter: {
              type: 'string',
              description: 'The financial-year quarter, for example 2024-25-q2 (July to September 2024)',
            },
            plan: { type: 'string', pattern: '^[1-9][0-9]{0,9}$', description: 'Only this plan’s audits' },
          },
        },
        response: { 200: summarySchema },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'case-audit' });
      const quarter = quarterByKey(request.query.quarter);
      if (!quarter)
        throw new BadRequestError('Give the quarter as a financial-year quarter, for example 2024-25-q2');
      let planId: number | undefined;
      if (request.query.plan) {
        const plan = await getPlan(app.db, user.organisationId, parseId(request.query.plan, 'Plan'));
        if (!plan) throw new NotFoundError('Plan');
        planId = plan.id;
      }
      const s = await quarterSummary(app.db, user.organisationId, planId, quarter.key);
      return {
        audits: s.audits,
        goodOrBetter: s.goodOrBetter,
        percentGoodOrBetter: s.percentGoodOrBetter,
        target: s.target,
        inadequate: s.inadequate,
      };
    },
  );
  return Promise.resolve();
};
