import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { createRisk, saveRiskSettings, updateRisk } from '../../db/risks/commands.ts';
import { getRiskSettings, listRisks } from '../../db/risks/queries.ts';
import { listHistory } from '../../db/plan/queries.ts';
import { defaultRiskSettings } from '../../domain/risks/scoring.ts';
import { allowedActions, can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { loaders } from '../plan/loaders.ts';
import { historyRows } from '../plan/history-pages.ts';
import { riskForm, riskSettingsForm } from './forms.ts';
import { riskBandNames, riskBandTagClasses, riskDirectionNames, riskStatusNames } from './labels.ts';
import { loadRisk, riskFormContext, riskResource } from './loaders.ts';

const labels = { riskBandNames, riskBandTagClasses, riskDirectionNames, riskStatusNames };

/** The risk register: a plan's risks, each risk's page and history, its forms, and the council's scale. */
export const riskRoutes: FastifyPluginCallback = (app, _options, done) => {
  const plans = loaders(app);
  const load = (request: FastifyRequest<{ Params: { riskId: string } }>, reply: FastifyReply) =>
    loadRisk(app, request, reply, request.params.riskId);
  const planCrumbs = (plan: { id: number; title: string }) => [
    { text: 'Plans', href: paths.plans() },
    { text: plan.title, href: paths.plan(plan.id) },
  ];

  app.get<{ Params: RouteParams<typeof paths.planRisks> }>(
    paths.planRisks.pattern,
    async (request, reply) => {
      const plan = await plans.plan(request, reply);
      const user = authorize(request, reply, 'read', riskResource());
      const [risks, { settings }] = await Promise.all([
        listRisks(app.db, user.organisationId, { planId: plan.id }),
        getRiskSettings(app.db, user.organisationId),
      ]);
      return reply.page('risks/register.njk', {
        title: `Risk register: ${plan.title}`,
        plan,
        risks,
        settings,
        ...labels,
        canCreate: can(user, 'create', riskResource()),
        canChangeScale: can(user, 'edit', { type: 'risk-settings' }),
        breadcrumbs: planCrumbs(plan),
      });
    },
  );

  createRoute(app, {
    path: paths.newRisk.pattern,
    action: 'create',
    load: plans.plan,
    resource: () => riskResource(),
    form: riskForm,
    formContext: (plan) => riskFormContext(app, plan.organisationId, plan.id),
    initialValues: () => ({ status: 'open' }),
    page: (plan) => ({ title: 'Add a risk', caption: plan.title, cancelLink: paths.planRisks(plan.id) }),
    create: (plan, data, actor) => createRisk(app.db, plan, data, actor),
    done: (_plan, created) => paths.risk(created.id),
  });

  app.get<{ Params: RouteParams<typeof paths.risk> }>(paths.risk.pattern, async (request, reply) => {
    const ctx = await load(request, reply);
    const user = authorize(request, reply, 'read', riskResource(ctx));
    const history = await listHistory(app.db, ctx.plan.organisationId, 'risk', ctx.risk.id);
    return reply.page('risks/risk.njk', {
      title: ctx.risk.title,
      ...ctx,
      ...labels,
      history: historyRows(history.slice(0, 10)),
      moreHistory: history.length > 10,
      can: allowedActions(user, riskResource(ctx)),
      breadcrumbs: [...planCrumbs(ctx.plan), { text: 'Risk register', href: paths.planRisks(ctx.plan.id) }],
    });
  });

  editRoute(app, {
    path: paths.editRisk.pattern,
    action: 'edit',
    load,
    resource: (ctx) => riskResource(ctx),
    form: riskForm,
    formContext: (ctx) => riskFormContext(app, ctx.plan.organisationId, ctx.plan.id),
    record: (ctx) => ctx.risk,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'risk',
      recordId: ctx.risk.id,
    }),
    page: (ctx) => ({
      title: 'Change the risk',
      caption: ctx.plan.title,
      cancelLink: paths.risk(ctx.risk.id),
    }),
    save: (ctx, data, version, actor) => updateRisk(app.db, ctx, version, data, actor),
    done: (ctx) => paths.risk(ctx.risk.id),
  });

  editRoute(app, {
    path: paths.riskSettings.pattern,
    action: 'edit',
    load: async (request, reply) => {
      const user = requireUser(request, reply);
      return { user, ...(await getRiskSettings(app.db, user.organisationId)) };
    },
    resource: () => ({ type: 'risk-settings' }),
    form: riskSettingsForm,
    formContext: () => undefined,
    // A council still on the defaults has no row yet: the form starts at version 1 all the same.
    record: (ctx) => ({
      ...(ctx.row ?? defaultRiskSettings),
      version: ctx.row?.version ?? 1,
      // Only a saved row can be newer than the form, so the epoch never reaches a conflict panel.
      updatedAt: ctx.row?.updatedAt ?? new Date(0),
    }),
    historyKey: (ctx) => ({
      organisationId: ctx.user.organisationId,
      recordType: 'risk-settings',
      recordId: ctx.row?.id ?? 0,
    }),
    page: () => ({
      title: 'Risk scale',
      caption: 'Risk register',
      cancelLink: paths.plans(),
      section: 'plan',
    }),
    save: (ctx, data, version, actor) =>
      saveRiskSettings(app.db, ctx.user.organisationId, ctx.row, version, data, actor),
    done: () => paths.plans(),
  });

  done();
};
