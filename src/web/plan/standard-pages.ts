import type { FastifyInstance } from 'fastify';
import { createStandard, updateStandard } from '../../db/plan/commands.ts';
import { paths } from '../paths.ts';
import { standardForm } from './forms.ts';
import { loaders } from './loaders.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';

/** The plan's practice standards (such as Tameside's seven core standards), set by the programme office. */
export function standardPages(app: FastifyInstance): void {
  const load = loaders(app);

  createRoute(app, {
    path: paths.newStandard.pattern,
    action: 'create',
    load: load.plan,
    resource: () => ({ type: 'standard' }),
    form: standardForm,
    formContext: () => undefined,
    page: (plan) => ({
      title: 'Add a standard',
      caption: plan.title,
      cancelLink: paths.plan(plan.id) + '#standards',
    }),
    create: (plan, data, actor) => createStandard(app.db, plan, data, actor),
    done: (plan) => paths.plan(plan.id) + '#standards',
  });

  editRoute(app, {
    path: paths.editStandard.pattern,
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
    save: (ctx, data, version, actor) => updateStandard(app.db, ctx, version, data, actor),
    done: (ctx) => paths.plan(ctx.plan.id) + '#standards',
  });
}
