import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import {
  listAreas,
  listCommitments,
  listOutcomes,
  listPlans,
  listPriorities,
  listStandards,
  latestRags,
} from '../../db/plan/queries.ts';
import { isOverdue } from '../../domain/commitments.ts';
import { inheritedOutcome } from '../../domain/national-framework.ts';
import { authorize } from '../auth.ts';
import { keptJson } from '../kept-views.ts';
import { loaders } from '../plan/loaders.ts';
import {
  areaSchema,
  commitmentSchema,
  idParams,
  list,
  outcomeSchema,
  planSchema,
  prioritySchema,
  standardSchema,
} from './schemas.ts';

const tags = ['Plan'];

/** Read-only JSON for every record the plan pages show, with the same role rules. */
export const planApiRoutes: FastifyPluginCallback = (app, _options, done) => {
  const load = loaders(app);
  const planOf = async (request: FastifyRequest<{ Params: { planId: string } }>, reply: FastifyReply) => {
    const plan = await load.plan(request, reply);
    authorize(request, reply, 'read', { type: 'plan' });
    return plan;
  };
  const withSponsor = async (rows: Awaited<ReturnType<typeof listPriorities>>) => {
    const rags = await latestRags(
      app.db,
      rows.map((r) => r.id),
    );
    return rows.map((p) => ({ ...p, sponsor: p.sponsorDisplayName, latestRag: rags.get(p.id)?.rag ?? null }));
  };

  app.get(
    '/plans',
    { schema: { tags, summary: 'List the council’s plans', response: { 200: list(planSchema) } } },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'plan' });
      return { items: await listPlans(app.db, user.organisationId) };
    },
  );

  app.get<{ Params: { planId: string } }>(
    '/plans/:planId',
    { schema: { tags, summary: 'One plan', params: idParams('planId'), response: { 200: planSchema } } },
    planOf,
  );

  app.get<{ Params: { planId: string } }>(
    '/plans/:planId/priorities',
    {
      schema: {
        tags,
        summary: 'The plan’s priorities',
        params: idParams('planId'),
        response: { 200: list(prioritySchema) },
      },
    },
    keptJson(async (request, reply) => {
      const plan = await planOf(request, reply);
      return { items: await withSponsor(await listPriorities(app.db, plan.id)) };
    }),
  );

  app.get<{ Params: { planId: string } }>(
    '/plans/:planId/standards',
    {
      schema: {
        tags,
        summary: 'The plan’s standards',
        params: idParams('planId'),
        response: { 200: list(standardSchema) },
      },
    },
    async (request, reply) => ({ items: await listStandards(app.db, (await planOf(request, reply)).id) }),
  );

  app.get<{ Params: { priorityId: string } }>(
    '/priorities/:priorityId',
    {
      schema: {
        tags,
        summary: 'One priority',
        params: idParams('priorityId'),
        response: { 200: prioritySchema },
      },
    },
    async (request, reply) => {
      const ctx = await load.priority(request, reply);
      authorize(request, reply, 'read', { type: 'priority', sponsorUserIds: ctx.sponsorUserIds });
      return (await withSponsor([ctx.priority]))[0];
    },
  );

  app.get<{ Params: { priorityId: string } }>(
    '/priorities/:priorityId/improvement-areas',
    {
      schema: {
        tags,
        summary: 'What needs to improve, under a priority',
        params: idParams('priorityId'),
        response: { 200: list(areaSchema) },
      },
    },
    async (request, reply) => {
      const ctx = await load.priority(request, reply);
      authorize(request, reply, 'read', { type: 'improvement-area', sponsorUserIds: ctx.sponsorUserIds });
      return { items: await listAreas(app.db, ctx.priority.id) };
    },
  );

  app.get<{ Params: { priorityId: string } }>(
    '/priorities/:priorityId/commitments',
    {
      schema: {
        tags,
        summary: 'Commitments ("We said") under a priority',
        params: idParams('priorityId'),
        response: { 200: list(commitmentSchema) },
      },
    },
    async (request, reply) => {
      const ctx = await load.priority(request, reply);
      authorize(request, reply, 'read', { type: 'commitment', sponsorUserIds: ctx.sponsorUserIds });
      const [{ items }, areas] = await Promise.all([
        listCommitments(app.db, {
          priorityId: ctx.priority.id,
          today: app.clock.today(),
          page: 1,
          pageSize: 10000,
        }),
        listAreas(app.db, ctx.priority.id),
      ]);
      const areaTag = new Map(areas.map((a) => [a.id, a.frameworkOutcome]));
      return {
        items: items.map((c) => ({
          ...c,
          readUnderOutcome: inheritedOutcome(
            c.frameworkOutcome,
            c.improvementAreaId === null ? null : areaTag.get(c.improvementAreaId),
            ctx.priority.frameworkOutcome,
          ),
        })),
      };
    },
  );

  app.get<{ Params: { areaId: string } }>(
    '/improvement-areas/:areaId',
    {
      schema: {
        tags,
        summary: 'One improvement area',
        params: idParams('areaId'),
        response: { 200: areaSchema },
      },
    },
    async (request, reply) => {
      const ctx = await load.area(request, reply);
      authorize(request, reply, 'read', { type: 'improvement-area', sponsorUserIds: ctx.sponsorUserIds });
      return ctx.area;
    },
  );

  app.get<{ Params: { commitmentId: string } }>(
    '/commitments/:commitmentId',
    {
      schema: {
        tags,
        summary: 'One commitment',
        params: idParams('commitmentId'),
        response: { 200: commitmentSchema },
      },
    },
    async (request, reply) => {
      const ctx = await load.commitment(request, reply);
      authorize(request, reply, 'read', { type: 'commitment', sponsorUserIds: ctx.sponsorUserIds });
      return {
        ...ctx.commitment,
        overdue: isOverdue(ctx.commitment, app.clock.today()),
        readUnderOutcome: inheritedOutcome(
          ctx.commitment.frameworkOutcome,
          ctx.area?.frameworkOutcome,
          ctx.priority.frameworkOutcome,
        ),
      };
    },
  );

  app.get<{ Params: { commitmentId: string } }>(
    '/commitments/:commitmentId/outcomes',
    {
      schema: {
        tags,
        summary: 'Outcomes ("We did") of a commitment',
        params: idParams('commitmentId'),
        response: { 200: list(outcomeSchema) },
      },
    },
    async (request, reply) => {
      const ctx = await load.commitment(request, reply);
      authorize(request, reply, 'read', { type: 'outcome', sponsorUserIds: ctx.sponsorUserIds });
      return { items: await listOutcomes(app.db, [ctx.commitment.id]) };
    },
  );

  app.get<{ Params: { outcomeId: string } }>(
    '/outcomes/:outcomeId',
    {
      schema: {
        tags,
        summary: 'One outcome',
        params: idParams('outcomeId'),
        response: { 200: outcomeSchema },
      },
    },
    async (request, reply) => {
      const ctx = await load.outcome(request, reply);
      authorize(request, reply, 'read', { type: 'outcome', sponsorUserIds: ctx.sponsorUserIds });
      return ctx.outcome;
    },
  );
  done();
};
