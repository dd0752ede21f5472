import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { createExpectation, updateExpectation } from '../../db/programmes/commands.ts';
import { evidenceChoices, getExpectation, listExpectations } from '../../db/programmes/queries.ts';
import { listHistory } from '../../db/plan/queries.ts';
import {
  expectationCounts,
  expectationStatusNames,
  expectationStrengthNames,
  groupExpectations,
} from '../../domain/programmes/expectations.ts';
import { allowedActions, can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { loaders } from '../plan/loaders.ts';
import { historyRows } from '../plan/history-pages.ts';
import { expectationForm, type ExpectationFormContext } from './forms.ts';

const resource = { type: 'expectation' } as const;
const labels = { expectationStatusNames, expectationStrengthNames };
const planCrumbs = (plan: { id: number; title: string }) => [
  { text: 'Plans', href: paths.plans() },
  { text: plan.title, href: paths.plan(plan.id) },
];

async function formContext(app: FastifyInstance, organisationId: number): Promise<ExpectationFormContext> {
  const choices = await evidenceChoices(app.db, organisationId);
  return {
    commitments: choices.commitments.map((c) => ({
      id: c.id,
      text: `${c.planTitle}, priority ${c.priorityNumber}: ${c.text}`,
    })),
    measures: choices.measures.map((m) => ({ id: m.id, text: m.name })),
  };
}

/** A reform programme's expectations: the checklist, each expectation's page and history, its forms. */
export const expectationRoutes: FastifyPluginCallback = (app, _options, done) => {
  const plans = loaders(app);
  const load = async (
    request: FastifyRequest<{ Params: { expectationId: string } }>,
    reply: FastifyReply,
  ) => {
    const user = requireUser(request, reply);
    const ctx = await getExpectation(
      app.db,
      user.organisationId,
      parseId(request.params.expectationId, 'Expectation'),
    );
    if (!ctx) throw new NotFoundError('Expectation');
    return ctx;
  };

  app.get<{ Params: RouteParams<typeof paths.planExpectations> }>(
    paths.planExpectations.pattern,
    async (request, reply) => {
      const plan = await plans.plan(request, reply);
      const user = authorize(request, reply, 'read', resource);
      const items = await listExpectations(app.db, user.organisationId, plan.id);
      return reply.page('programmes/expectations.njk', {
        title: `Expectations: ${plan.title}`,
        plan,
        groups: groupExpectations(items),
        counts: expectationCounts(items),
        ...labels,
        canCreate: can(user, 'create', resource),
        breadcrumbs: planCrumbs(plan),
      });
    },
  );

  createRoute(app, {
    path: paths.newExpectation.pattern,
    action: 'create',
    load: plans.plan,
    resource: () => resource,
    form: expectationForm,
    formContext: (plan) => formContext(app, plan.organisationId),
    initialValues: () => ({ strength: 'required', status: 'not-started' }),
    page: (plan) => ({
      title: 'Add an expectation',
      caption: plan.title,
      cancelLink: paths.planExpectations(plan.id),
      breadcrumbs: planCrumbs(plan),
    }),
    create: (plan, data, actor) => createExpectation(app.db, plan, data, actor),
    done: (plan) => paths.planExpectations(plan.id),
  });

  app.get<{ Params: RouteParams<typeof paths.expectation> }>(
    paths.expectation.pattern,
    async (request, reply) => {
      const ctx = await load(request, reply);
      const user = authorize(request, reply, 'read', resource);
      const history = await listHistory(app.db, ctx.plan.organisationId, 'expectation', ctx.expectation.id);
      return reply.page('programmes/expectation.njk', {
        title: ctx.expectation.text,
        ...ctx,
        ...labels,
        history: historyRows(history),
        can: allowedActions(user, resource),
        breadcrumbs: [
          ...planCrumbs(ctx.plan),
          { text: 'Expectations', href: paths.planExpectations(ctx.plan.id) },
        ],
      });
    },
  );

  editRoute(app, {
    path: paths.editExpectation.pattern,
    action: 'edit',
    load,
    resource: () => resource,
    form: expectationForm,
    formContext: (ctx) => formContext(app, ctx.plan.organisationId),
    record: (ctx) => ctx.expectation,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'expectation',
      recordId: ctx.expectation.id,
    }),
    page: (ctx) => ({
      title: 'Change the expectation',
      caption: ctx.plan.title,
      cancelLink: paths.expectation(ctx.expectation.id),
      breadcrumbs: planCrumbs(ctx.plan),
    }),
    save: (ctx, data, version, actor) => updateExpectation(app.db, ctx, version, data, actor),
    done: (ctx) => paths.expectation(ctx.expectation.id),
  });

  done();
};
