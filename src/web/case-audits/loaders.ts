import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getCaseAudit,
  getCaseAuditSettings,
  getFinding,
  getProgramme,
} from '../../db/case-audits/queries.ts';
import { getPlan } from '../../db/plan/queries.ts';
import { quarterByKey } from '../../domain/case-audits/quarters.ts';
import type { PolicyResource } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';

/* Case audit records by the ids in the URL, within the signed-in person's council; anything else is not found. */

export const caseAuditResource: PolicyResource = { type: 'case-audit' };

type PlanQuarterRequest = FastifyRequest<{ Params: { planId: string; quarter: string } }>;

export function caseAuditLoaders(app: FastifyInstance) {
  const plan = async (request: FastifyRequest, reply: FastifyReply, id: unknown) => {
    const user = requireUser(request, reply);
    const found = await getPlan(app.db, user.organisationId, parseId(id, 'Plan'));
    if (!found) throw new NotFoundError('Plan');
    return found;
  };
  return {
    plan,
    /** A plan and one of its quarters ('2024-25-q2'), with the quarter's programme and the council's scale. */
    planQuarter: async (request: PlanQuarterRequest, reply: FastifyReply) => {
      const found = await plan(request, reply, request.params.planId);
      const quarter = quarterByKey(request.params.quarter);
      if (!quarter) throw new NotFoundError('Quarter');
      const [programme, { settings, row }] = await Promise.all([
        getProgramme(app.db, found.id, quarter.key),
        getCaseAuditSettings(app.db, found.organisationId),
      ]);
      return { plan: found, quarter, programme, settings, settingsRow: row };
    },
    audit: async (request: FastifyRequest<{ Params: { auditId: string } }>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getCaseAudit(
        app.db,
        user.organisationId,
        parseId(request.params.auditId, 'Case audit'),
      );
      if (!ctx) throw new NotFoundError('Case audit');
      const quarter = quarterByKey(ctx.audit.quarter)!;
      const { settings } = await getCaseAuditSettings(app.db, user.organisationId);
      return { ...ctx, quarter, settings };
    },
    finding: async (request: FastifyRequest<{ Params: { findingId: string } }>, reply: FastifyReply) => {
      const user = requireUser(request, reply);
      const ctx = await getFinding(app.db, user.organisationId, parseId(request.params.findingId, 'Finding'));
      if (!ctx) throw new NotFoundError('Finding');
      return ctx;
    },
  };
}

export const crumbs = (plan: { id: number; title: string }, quarter?: { key: string; label: string }) => [
  { text: 'Plans', href: paths.plans() },
  { text: plan.title, href: paths.plan(plan.id) },
  { text: 'Case audits', href: paths.planCaseAudits(plan.id) },
  ...(quarter ? [{ text: quarter.label, href: paths.caseAuditQuarter(plan.id, quarter.key) }] : []),
];
