import type { FastifyInstance } from 'fastify';
import {
  createCommitment,
  createOutcome,
  updateCommitment,
  updateImprovementArea,
  updateOutcome,
  resolveReview,
} from '../../db/plan/commands.ts';
import {
  listAreas,
  listComments,
  listCommitments,
  listHistory,
  listOutcomes,
} from '../../db/plan/queries.ts';
import { isOverdue } from '../../domain/commitments.ts';
import { outcomeAndSource } from '../../domain/national-framework.ts';
import { allowedActions } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { paths, type RouteParams } from '../paths.ts';
import { areaForm, commitmentForm, outcomeForm, reviewNoteForm } from './forms.ts';
import { commitmentStatusNames, commitmentStatusTagClasses } from './labels.ts';
import { loaders } from './loaders.ts';
import { toFieldError } from './priority-pages.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { historyRows } from './history-pages.ts';
import { NotFoundError } from '../errors/http-errors.ts';
import { archiveBanner } from './archive-pages.ts';

export function commitmentPages(app: FastifyInstance): void {
  const load = loaders(app);
  type Ctx = Awaited<ReturnType<typeof load.commitment>>;
  type AreaCtx = Awaited<ReturnType<typeof load.area>>;
  const sponsorsOf = (ctx: { sponsorUserIds: number[] }) => ctx.sponsorUserIds;
  const crumbs = (ctx: Omit<AreaCtx, 'area'>) => [
    { text: 'Plans', href: paths.plans() },
    { text: ctx.plan.title, href: paths.plan(ctx.plan.id) },
    { text: `Priority ${ctx.priority.number}`, href: paths.priority(ctx.priority.id) },
  ];

  app.get<{ Params: RouteParams<typeof paths.area> }>(paths.area.pattern, async (request, reply) => {
    const ctx = await load.area(request, reply);
    const user = authorize(request, reply, 'read', {
      type: 'improvement-area',
      sponsorUserIds: sponsorsOf(ctx),
    });
    const list = await listCommitments(app.db, {
      areaId: ctx.area.id,
      today: app.clock.today(),
      page: 1,
      pageSize: 200,
    });
    return reply.page('plan/area.njk', {
      title: ctx.area.title,
      ...ctx,
      archive: await archiveBanner(app, user, { ...ctx.area, type: 'improvement-area' }, sponsorsOf(ctx), [
        { type: 'priority', archivedAt: ctx.priority.archivedAt },
      ]),
      items: list.items,
      total: list.total,
      commitmentStatusNames,
      commitmentStatusTagClasses,
      can: {
        area: allowedActions(user, { type: 'improvement-area', sponsorUserIds: sponsorsOf(ctx) }),
        commitment: allowedActions(user, { type: 'commitment', sponsorUserIds: sponsorsOf(ctx) }),
      },
      breadcrumbs: crumbs(ctx),
    });
  });

  editRoute(app, {
    path: paths.editArea.pattern,
    action: 'edit',
    load: load.area,
    resource: (ctx) => ({ type: 'improvement-area', sponsorUserIds: sponsorsOf(ctx) }),
    form: areaForm,
    formContext: () => undefined,
    record: (ctx) => ctx.area,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'improvement-area',
      recordId: ctx.area.id,
    }),
    page: (ctx) => ({
      title: 'Change what needs to improve',
      caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
      cancelLink: paths.area(ctx.area.id),
    }),
    save: (ctx, data, version, actor) => updateImprovementArea(app.db, ctx, version, data, actor),
    done: (ctx) => paths.area(ctx.area.id),
  });

  createRoute(app, {
    path: paths.newCommitment.pattern,
    action: 'create',
    load: load.priority,
    resource: (ctx) => ({ type: 'commitment', sponsorUserIds: sponsorsOf(ctx) }),
    form: commitmentForm,
    formContext: async (ctx) => ({ areas: await listAreas(app.db, ctx.priority.id) }),
    initialValues: (_ctx, request) => ({
      status: 'not-started',
      improvementAreaId: String((request.query as { area?: string }).area ?? ''),
    }),
    page: (ctx) => ({
      title: 'Add a commitment',
      caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
      cancelLink: paths.priority(ctx.priority.id),
    }),
    create: (ctx, data, actor) => createCommitment(app.db, ctx, data, actor).catch(toFieldError),
    done: (_ctx, created) => paths.commitment(created.id),
  });

  app.get<{ Params: RouteParams<typeof paths.commitment> }>(
    paths.commitment.pattern,
    async (request, reply) => {
      const ctx = await load.commitment(request, reply);
      const user = authorize(request, reply, 'read', { type: 'commitment', sponsorUserIds: sponsorsOf(ctx) });
      const [outcomeRows, history, comments] = await Promise.all([
        listOutcomes(app.db, [ctx.commitment.id]),
        listHistory(app.db, ctx.plan.organisationId, 'commitment', ctx.commitment.id),
        listComments(app.db, 'commitment', ctx.commitment.id),
      ]);
      return reply.page('plan/commitment.njk', {
        title: 'Commitment',
        ...ctx,
        archive: await archiveBanner(app, user, { ...ctx.commitment, type: 'commitment' }, sponsorsOf(ctx), [
          { type: 'priority', archivedAt: ctx.priority.archivedAt },
          { type: 'improvement-area', archivedAt: ctx.area?.archivedAt ?? null },
        ]),
        overdue: isOverdue(ctx.commitment, app.clock.today()),
        outcome: outcomeAndSource(
          ctx.commitment.frameworkOutcome,
          ctx.area?.frameworkOutcome,
          ctx.priority.frameworkOutcome,
        ),
        outcomes: outcomeRows,
        history: historyRows(history.slice(0, 10)),
        moreHistory: history.length > 10,
        comments,
        commitmentStatusNames,
        commitmentStatusTagClasses,
        can: {
          commitment: allowedActions(user, { type: 'commitment', sponsorUserIds: sponsorsOf(ctx) }),
          outcome: allowedActions(user, { type: 'outcome', sponsorUserIds: sponsorsOf(ctx) }),
        },
        breadcrumbs: [
          ...crumbs(ctx),
          ...(ctx.area ? [{ text: 'What needs to improve', href: paths.area(ctx.area.id) }] : []),
        ],
      });
    },
  );

  editRoute(app, {
    path: paths.editCommitment.pattern,
    action: 'edit',
    load: load.commitment,
    resource: (ctx: Ctx) => ({ type: 'commitment', sponsorUserIds: sponsorsOf(ctx) }),
    form: commitmentForm,
    formContext: async (ctx) => ({ areas: await listAreas(app.db, ctx.priority.id) }),
    record: (ctx) => ctx.commitment,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'commitment',
      recordId: ctx.commitment.id,
    }),
    page: (ctx) => ({
      title: 'Change the commitment',
      caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
      cancelLink: paths.commitment(ctx.commitment.id),
    }),
    save: (ctx, data, version, actor) =>
      updateCommitment(app.db, ctx, version, data, actor).catch(toFieldError),
    done: (ctx) => paths.commitment(ctx.commitment.id),
  });

  // Only a commitment that carries the flag has one to resolve.
  const flagged = async (
    request: Parameters<typeof load.commitment>[0],
    reply: Parameters<typeof load.commitment>[1],
  ) => {
    const ctx = await load.commitment(request, reply);
    if (!ctx.commitment.needsReview) throw new NotFoundError('Review flag');
    return ctx;
  };

  editRoute(app, {
    path: paths.resolveReview.pattern,
    doneMessage: 'Review resolved',
    action: 'edit',
    load: flagged,
    resource: (ctx: Ctx) => ({ type: 'commitment', sponsorUserIds: sponsorsOf(ctx) }),
    form: reviewNoteForm,
    formContext: () => undefined,
    record: (ctx) => ctx.commitment,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'commitment',
      recordId: ctx.commitment.id,
    }),
    page: (ctx) => ({
      title: 'Resolve the review',
      caption: `Needs review: ${ctx.commitment.needsReview}`,
      cancelLink: paths.commitment(ctx.commitment.id),
    }),
    save: (ctx, data, version, actor) => resolveReview(app.db, ctx, version, data.note, actor),
    done: (ctx) => paths.commitment(ctx.commitment.id),
  });

  createRoute(app, {
    path: paths.newOutcome.pattern,
    doneMessage: 'What we did recorded',
    action: 'create',
    load: load.commitment,
    resource: (ctx) => ({ type: 'outcome', sponsorUserIds: sponsorsOf(ctx) }),
    form: outcomeForm,
    formContext: () => undefined,
    page: (ctx) => ({
      title: 'Record what we did',
      caption:
        ctx.commitment.text.length > 120 ? ctx.commitment.text.slice(0, 117) + '…' : ctx.commitment.text,
      cancelLink: paths.commitment(ctx.commitment.id),
    }),
    create: (ctx, data, actor) => createOutcome(app.db, ctx, data, actor),
    done: (ctx) => paths.commitment(ctx.commitment.id),
  });

  editRoute(app, {
    path: paths.editOutcome.pattern,
    action: 'edit',
    load: load.outcome,
    resource: (ctx) => ({ type: 'outcome', sponsorUserIds: sponsorsOf(ctx) }),
    form: outcomeForm,
    formContext: () => undefined,
    record: (ctx) => ctx.outcome,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'outcome',
      recordId: ctx.outcome.id,
    }),
    page: (ctx) => ({
      title: 'Change what we did',
      caption:
        ctx.commitment.text.length > 120 ? ctx.commitment.text.slice(0, 117) + '…' : ctx.commitment.text,
      cancelLink: paths.commitment(ctx.commitment.id),
    }),
    save: (ctx, data, version, actor) => updateOutcome(app.db, ctx, version, data, actor),
    done: (ctx) => paths.commitment(ctx.commitment.id),
  });
}
