import type { FastifyInstance, FastifyReply } from 'fastify';
import { savePlanTarget, setMeasureLinks } from '../../db/measures/commands.ts';
import { getMeasure, linksOf, planTargetFor } from '../../db/measures/queries.ts';
import { getPlan, listPriorities } from '../../db/plan/queries.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { editRoute, type RouteRequest } from '../forms/record-routes.ts';
import { paths } from '../paths.ts';
import { planTargetForm } from './plan-target-form.ts';

/*
 * Setting one plan's own target for a measure: the measure and the plan are both found in the
 * asker's council (another council's id is not found), and the first save adds the target.
 */
export function planTargetPages(app: FastifyInstance) {
  const load = async (request: RouteRequest<typeof paths.measurePlanTarget.pattern>, reply: FastifyReply) => {
    const user = requireUser(request, reply);
    const [row, plan] = await Promise.all([
      getMeasure(app.db, user.organisationId, parseId(request.params.measureId, 'Measure')),
      getPlan(app.db, user.organisationId, parseId(request.params.planId, 'Plan')),
    ]);
    if (!row) throw new NotFoundError('Measure');
    if (!plan) throw new NotFoundError('Plan');
    const [current, links] = await Promise.all([
      planTargetFor(app.db, user.organisationId, row.id, plan.id),
      linksOf(app.db, row.id),
    ]);
    const linked = links.some((l) => l.planId === plan.id);
    const priorities = linked ? [] : await listPriorities(app.db, plan.id);
    return { user, row, plan, current, links, priorities };
  };

  editRoute(app, {
    path: paths.measurePlanTarget.pattern,
    action: 'edit',
    load,
    // Which target each plan holds the figure to is the programme office's call, as a new measure is.
    resource: () => ({ type: 'measure' }),
    form: planTargetForm,
    formContext: (ctx) => ({
      priorities: ctx.priorities.map((p) => ({ id: p.id, text: `Priority ${p.number}, ${p.title}` })),
    }),
    // A plan without its own target yet has no row: the form starts at version 1 all the same.
    record: (ctx) => ({
      target: ctx.current?.target ?? null,
      targetDate: ctx.current?.targetDate ?? null,
      period: ctx.current?.period ?? '',
      note: ctx.current?.note ?? '',
      version: ctx.current?.version ?? 1,
      updatedAt: ctx.current?.updatedAt ?? new Date(0),
    }),
    historyKey: (ctx) => ({
      organisationId: ctx.user.organisationId,
      recordType: 'measure-plan-target',
      recordId: ctx.current?.id ?? 0,
    }),
    page: (ctx) => ({
      title: `Target for ${ctx.plan.title}`,
      caption: ctx.row.name,
      section: 'scorecard',
      cancelLink: paths.measure(ctx.row.id),
      breadcrumbs: [
        { text: 'Scorecard', href: paths.scorecard() },
        { text: ctx.row.name, href: paths.measure(ctx.row.id) },
      ],
    }),
    save: async (ctx, data, version, actor) => {
      const { priorityId, ...input } = data;
      const saved = await savePlanTarget(
        app.db,
        {
          organisationId: ctx.user.organisationId,
          measureId: ctx.row.id,
          planId: ctx.plan.id,
          current: ctx.current,
        },
        version,
        input,
        actor,
      );
      if (saved.ok && priorityId !== null) {
        const kept = ctx.links.map((l) => ({
          priorityId: l.priorityId,
          improvementAreaId: l.improvementAreaId,
        }));
        await setMeasureLinks(
          app.db,
          ctx.user.organisationId,
          ctx.row.id,
          [...kept, { priorityId, improvementAreaId: null }],
          actor,
        );
      }
      return saved;
    },
    done: (ctx) => paths.measure(ctx.row.id) + '#targets-by-plan',
  });
}
