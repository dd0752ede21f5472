import type { FastifyPluginCallback } from 'fastify';
import { getQuarter, listQuarterSummaries } from '../../db/case-audits/queries.ts';
import { listHistory } from '../../db/plan/queries.ts';
import { gradeNames, needsFinding } from '../../domain/case-audits/grades.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { paths, type RouteParams } from '../paths.ts';
import { historyRows } from '../plan/history-pages.ts';
import { caseAuditFormRoutes } from './form-routes.ts';
import { caseAuditLoaders, caseAuditResource, crumbs } from './loaders.ts';

/** Case audits: a plan's quarters, a quarter's audits and open findings, and an audit's page. */
export const caseAuditRoutes: FastifyPluginCallback = (app, _options, done) => {
  const load = caseAuditLoaders(app);

  app.get<{ Params: RouteParams<typeof paths.planCaseAudits> }>(
    paths.planCaseAudits.pattern,
    async (request, reply) => {
      const plan = await load.plan(request, reply, request.params.planId);
      const user = authorize(request, reply, 'read', caseAuditResource);
      const quarters = await listQuarterSummaries(app.db, user.organisationId, plan.id, app.clock.today());
      return reply.page('case-audits/quarters.njk', {
        title: `Case audits: ${plan.title}`,
        plan,
        quarters,
        canChangeScale: can(user, 'edit', { type: 'case-audit-settings' }),
        breadcrumbs: crumbs(plan).slice(0, 2),
      });
    },
  );

  app.get<{ Params: RouteParams<typeof paths.caseAuditQuarter> }>(
    paths.caseAuditQuarter.pattern,
    async (request, reply) => {
      const { plan, quarter, settings } = await load.planQuarter(request, reply);
      const user = authorize(request, reply, 'read', caseAuditResource);
      const data = await getQuarter(app.db, user.organisationId, plan.id, quarter.key);
      return reply.page('case-audits/quarter.njk', {
        title: `Case audits: ${quarter.label}`,
        plan,
        quarter,
        ...data,
        gradeNames: gradeNames(settings),
        canEdit: can(user, 'edit', caseAuditResource),
        breadcrumbs: crumbs(plan),
      });
    },
  );

  app.get<{ Params: RouteParams<typeof paths.caseAudit> }>(
    paths.caseAudit.pattern,
    async (request, reply) => {
      const ctx = await load.audit(request, reply);
      const user = authorize(request, reply, 'read', caseAuditResource);
      const history = await listHistory(app.db, ctx.plan.organisationId, 'case-audit', ctx.audit.id);
      return reply.page('case-audits/audit.njk', {
        title: `Case audit ${ctx.audit.caseReference}`,
        ...ctx,
        gradeNames: gradeNames(ctx.settings),
        missingFinding: needsFinding(ctx.audit.grade, ctx.findings.length),
        history: historyRows(history.slice(0, 10)),
        canEdit: can(user, 'edit', caseAuditResource),
        breadcrumbs: crumbs(ctx.plan, ctx.quarter),
      });
    },
  );

  caseAuditFormRoutes(app, load);
  done();
};
