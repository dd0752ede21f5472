import type { FastifyInstance } from 'fastify';
import { insertRecord, updateRecord } from '../../db/changes.ts';
import { nextPosition } from '../../db/plan/positions.ts';
import { getPlan } from '../../db/plan/queries.ts';
import { standards } from '../../db/schema.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';
import { standardForm } from './forms.ts';
import { loaders } from './loaders.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';

/** The plan's practice standards (such as Tameside's seven core standards), set by the programme office. */
export async function standardPages(app: FastifyInstance) {
  const load = loaders(app);

  createRoute(app, {
    path: '/plans/:planId/standards/new',
    action: 'create',
    load: async (request, reply) => {
      const user = requireUser(request, reply);
      const plan = await getPlan(
        app.db,
        user.organisationId,
        parseId((request.params as { planId: string }).planId, 'Plan'),
      );
      if (!plan) throw new NotFoundError('Plan');
      return plan;
    },
    resource: () => ({ type: 'standard' }),
    form: standardForm,
    formContext: () => undefined,
    page: (plan) => ({
      title: 'Add a standard',
      caption: plan.title,
      cancelLink: paths.plan(plan.id) + '#standards',
    }),
    create: async (plan, data, actor) => {
      const position = await nextPosition(app.db, standards, standards.planId, plan.id);
      return insertRecord(
        app.db,
        standards,
        'standard',
        plan.organisationId,
        { ...data, planId: plan.id, position },
        actor,
      );
    },
    done: (plan) => paths.plan(plan.id) + '#standards',
  });

  editRoute(app, {
    path: '/standards/:standardId/edit',
    action: 'edit',
    load: load.standard,
    resource: () => ({ type: 'standard' }),
    form: standardForm,
    formContext: () => undefined,
    record: (ctx) => ctx.standard,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'standard',
      recordId: ctx.standard.id,
    }),
    page: (ctx) => ({
      title: 'Change the standard',
      caption: ctx.plan.title,
      cancelLink: paths.plan(ctx.plan.id) + '#standards',
    }),
    save: (ctx, data, version, actor) =>
      updateRecord(
        app.db,
        standards,
        'standard',
        ctx.plan.organisationId,
        ctx.standard.id,
        version,
        data,
        actor,
      ),
    done: (ctx) => paths.plan(ctx.plan.id) + '#standards',
  });
}
