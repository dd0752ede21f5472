import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createImprovementArea,
  createPriority,
  PlanRuleError,
  updatePriority,
} from '../../db/plan/commands.ts';
import { listAreas, listCommitments, latestRags, type PriorityContext } from '../../db/plan/queries.ts';
import { listUsers } from '../../db/people/queries.ts';
import { commitmentStatuses } from '../../domain/plan.ts';
import { allowedActions, can, type Role } from '../../domain/policies.ts';
import { keptView, view } from '../kept-views.ts';
import { authorize } from '../auth.ts';
import { ForbiddenError } from '../errors/http-errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { FieldError } from '../forms/parse.ts';
import { areaForm, priorityForm, type PriorityFormContext } from './forms.ts';
import { commitmentStatusNames, commitmentStatusTagClasses } from './labels.ts';
import { loaders } from './loaders.ts';
import { filterQuery, pagination, readCommitmentFilter } from './plan-pages.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { archiveBanner } from './archive-pages.ts';

const sponsorRoles: Role[] = ['sponsor', 'programme-manager', 'administrator'];

export function priorityPages(app: FastifyInstance): void {
  const load = loaders(app);
  const resourceOf = (ctx: PriorityContext) => ({
    type: 'priority' as const,
    sponsorUserIds: ctx.sponsorUserIds,
  });
  const crumbs = (ctx: PriorityContext) => [
    { text: 'Plans', href: paths.plans() },
    { text: ctx.plan.title, href: paths.plan(ctx.plan.id) },
  ];

  const priorityFormContext = async (request: FastifyRequest): Promise<PriorityFormContext> => {
    const user = request.user!;
    const canChooseSponsor = can(user, 'create', { type: 'priority' });
    const people = canChooseSponsor ? await listUsers(app.db, user.organisationId) : [];
    return { canChooseSponsor, sponsors: people.filter((p) => sponsorRoles.includes(p.role)) };
  };

  app.get<{ Params: RouteParams<typeof paths.priority>; Querystring: Record<string, string | undefined> }>(
    paths.priority.pattern,
    keptView(async (request, reply) => {
      const ctx = await load.priority(request, reply);
      const user = authorize(request, reply, 'read', resourceOf(ctx));
      const filter = readCommitmentFilter(request.query);
      const today = app.clock.today();
      // Kept per council data version, by everything the lists depend on: the filter and the date.
      const [areas, list, rags] = await app.keptReads.get(
        request,
        `priority ${ctx.priority.id} ${today} ${JSON.stringify(filter)}`,
        () =>
          Promise.all([
            listAreas(app.db, ctx.priority.id),
            listCommitments(app.db, { priorityId: ctx.priority.id, ...filter, today, pageSize: 25 }),
            latestRags(app.db, [ctx.priority.id]),
          ]),
      );
      const childResource = { type: 'commitment' as const, sponsorUserIds: ctx.sponsorUserIds };
      return view('plan/priority.njk', {
        title: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
        ...ctx,
        areas,
        items: list.items,
        total: list.total,
        filter,
        latestRag: rags.get(ctx.priority.id) ?? null,
        archive: await archiveBanner(app, user, { ...ctx.priority, type: 'priority' }, ctx.sponsorUserIds),
        pagination: pagination(list.total, filter.page, (page) =>
          paths.priority(ctx.priority.id, { ...filterQuery(filter), page }),
        ),
        commitmentStatuses,
        commitmentStatusNames,
        commitmentStatusTagClasses,
        can: {
          priority: allowedActions(user, resourceOf(ctx)),
          area: allowedActions(user, { type: 'improvement-area', sponsorUserIds: ctx.sponsorUserIds }),
          commitment: allowedActions(user, childResource),
        },
        breadcrumbs: crumbs(ctx),
      });
    }),
  );

  createRoute(app, {
    path: paths.newPriority.pattern,
    action: 'create',
    load: load.plan,
    resource: () => ({ type: 'priority' }),
    form: priorityForm,
    formContext: (_plan, request) => priorityFormContext(request),
    page: (plan) => ({ title: 'Add a priority', caption: plan.title, cancelLink: paths.plan(plan.id) }),
    create: (plan, { number, ...data }, actor) => {
      // Only those who arrange the plan may add a priority, and their form always asks the number.
      if (number === undefined) throw new ForbiddenError();
      return createPriority(app.db, plan, { ...data, number }, actor).catch(toFieldError);
    },
    done: (_plan, created) => paths.priority(created.id),
  });

  editRoute(app, {
    path: paths.editPriority.pattern,
    action: 'edit',
    load: load.priority,
    resource: resourceOf,
    form: priorityForm,
    formContext: (_ctx, request) => priorityFormContext(request),
    record: (ctx) => ctx.priority,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'priority',
      recordId: ctx.priority.id,
    }),
    page: (ctx) => ({
      title: 'Change the priority',
      caption: `Priority ${ctx.priority.number}`,
      cancelLink: paths.priority(ctx.priority.id),
    }),
    save: (ctx, data, version, actor) =>
      updatePriority(app.db, ctx, version, data, actor).catch(toFieldError),
    done: (ctx) => paths.priority(ctx.priority.id),
  });

  createRoute(app, {
    path: paths.newArea.pattern,
    doneMessage: 'Improvement area added',
    action: 'create',
    load: load.priority,
    resource: (ctx) => ({ type: 'improvement-area', sponsorUserIds: ctx.sponsorUserIds }),
    form: areaForm,
    formContext: () => undefined,
    page: (ctx) => ({
      title: 'Add what needs to improve',
      caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
      cancelLink: paths.priority(ctx.priority.id),
    }),
    create: (ctx, data, actor) => createImprovementArea(app.db, ctx, data, actor),
    done: (_ctx, created) => paths.area(created.id),
  });
}

/** A rule of the plan the change would break, shown by the field it concerns. */
export function toFieldError(error: unknown): never {
  if (error instanceof PlanRuleError) throw new FieldError(error.field, error.message);
  throw error;
}
