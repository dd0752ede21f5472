import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertRecord, updateRecord } from '../../db/changes.ts';
import { nextPosition } from '../../db/plan/positions.ts';
import {
  getPlan,
  listAreas,
  listCommitments,
  latestRags,
  type PriorityContext,
} from '../../db/plan/queries.ts';
import { commitmentStatuses, improvementAreas, priorities, type Role } from '../../db/schema.ts';
import { listUsers } from '../../db/people/queries.ts';
import { allowedActions, can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';
import { FieldError } from '../forms/parse.ts';
import { areaForm, priorityForm, type PriorityFormContext } from './forms.ts';
import { commitmentStatusNames, commitmentStatusTagClasses } from './labels.ts';
import { loaders } from './loaders.ts';
import { filterQuery, pagination, readCommitmentFilter } from './plan-pages.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';

const sponsorRoles: Role[] = ['sponsor', 'programme-manager', 'administrator'];

export async function priorityPages(app: FastifyInstance) {
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

  app.get<{ Params: { priorityId: string }; Querystring: Record<string, string | undefined> }>(
    '/priorities/:priorityId',
    async (request, reply) => {
      const ctx = await load.priority(request, reply);
      const user = authorize(request, reply, 'read', resourceOf(ctx));
      const filter = readCommitmentFilter(request.query);
      const [areas, list, rags] = await Promise.all([
        listAreas(app.db, ctx.priority.id),
        listCommitments(app.db, {
          priorityId: ctx.priority.id,
          ...filter,
          today: app.clock.today(),
          pageSize: 25,
        }),
        latestRags(app.db, [ctx.priority.id]),
      ]);
      const childResource = { type: 'commitment' as const, sponsorUserIds: ctx.sponsorUserIds };
      return reply.page('plan/priority.njk', {
        title: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
        ...ctx,
        areas,
        items: list.items,
        total: list.total,
        filter,
        latestRag: rags.get(ctx.priority.id) ?? null,
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
    },
  );

  createRoute(app, {
    path: '/plans/:planId/priorities/new',
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
    resource: () => ({ type: 'priority' }),
    form: priorityForm,
    formContext: (_plan, request) => priorityFormContext(request),
    page: (plan) => ({ title: 'Add a priority', caption: plan.title, cancelLink: paths.plan(plan.id) }),
    create: async (plan, data, actor) =>
      insertRecord(
        app.db,
        priorities,
        'priority',
        plan.organisationId,
        { ...data, planId: plan.id },
        actor,
      ).catch((error) => {
        throw duplicateNumber(error);
      }),
    done: (_plan, created) => paths.priority(created.id),
  });

  editRoute(app, {
    path: '/priorities/:priorityId/edit',
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
      updateRecord(
        app.db,
        priorities,
        'priority',
        ctx.plan.organisationId,
        ctx.priority.id,
        version,
        data,
        actor,
      ).catch((error) => {
        throw duplicateNumber(error);
      }),
    done: (ctx) => paths.priority(ctx.priority.id),
  });

  createRoute(app, {
    path: '/priorities/:priorityId/areas/new',
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
    create: async (ctx, data, actor) => {
      const position = await nextPosition(
        app.db,
        improvementAreas,
        improvementAreas.priorityId,
        ctx.priority.id,
      );
      return insertRecord(
        app.db,
        improvementAreas,
        'improvement-area',
        ctx.plan.organisationId,
        { ...data, priorityId: ctx.priority.id, position },
        actor,
      );
    },
    done: (_ctx, created) => paths.area(created.id),
  });
}

/** Two priorities with one number would make the plan ambiguous; say so by the field. */
function duplicateNumber(error: unknown): unknown {
  const cause = (error as { cause?: unknown }).cause ?? error;
  if ((cause as { code?: string }).code === '23505') {
    return new FieldError('number', 'This plan already has a priority with that number');
  }
  return error;
}
