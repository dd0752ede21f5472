import type { FastifyPluginCallback } from 'fastify';
import {
  createBudgetLine,
  createMilestone,
  createProject,
  updateBudgetLine,
  updateMilestone,
  updateProject,
} from '../../db/projects/commands.ts';
import { listBudgetLines, listProjects } from '../../db/projects/queries.ts';
import { loadRagScale } from '../../db/board/queries.ts';
import { listHistory } from '../../db/plan/queries.ts';
import { listMeasureRows } from '../../db/measures/queries.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { loaders } from '../plan/loaders.ts';
import { historyRows } from '../plan/history-pages.ts';
import { budgetLineForm, milestoneForm, projectForm } from './forms.ts';
import {
  loadBudgetLine,
  loadMilestone,
  loadProject,
  projectFormContext,
  projectResource,
} from './loaders.ts';
import { budgetLineView, projectListRow, ragOf } from './view.ts';
import { milestoneStatusNames, projectKindNames, recurrenceNames } from '../../domain/projects/vocabulary.ts';
import { spendSummary, sumTotals } from '../../domain/projects/budget.ts';

const labels = { milestoneStatusNames, projectKindNames, recurrenceNames };

/** A plan's projects and investable propositions: the list, each one's page, milestones and budget lines. */
export const projectRoutes: FastifyPluginCallback = (app, _options, done) => {
  const plans = loaders(app);
  const planCrumbs = (plan: { id: number; title: string }) => [
    { text: 'Plans', href: paths.plans() },
    { text: plan.title, href: paths.plan(plan.id) },
  ];
  const projectCrumbs = (plan: { id: number; title: string }) => [
    ...planCrumbs(plan),
    { text: 'Projects and investment', href: paths.planProjects(plan.id) },
  ];

  app.get<{ Params: RouteParams<typeof paths.planProjects> }>(
    paths.planProjects.pattern,
    async (request, reply) => {
      const plan = await plans.plan(request, reply);
      const user = authorize(request, reply, 'read', projectResource());
      const [projects, lines, scale] = await Promise.all([
        listProjects(app.db, user.organisationId, { planId: plan.id }),
        listBudgetLines(app.db, user.organisationId, plan.id),
        loadRagScale(app.db, user.organisationId),
      ]);
      const planLines = lines.filter((l) => l.projectId === null);
      return reply.page('projects/list.njk', {
        title: `Projects and investment: ${plan.title}`,
        plan,
        projects: projects.map((p) => projectListRow(p, scale)),
        planLines: planLines.map(budgetLineView),
        total: sumTotals(lines),
        totalSpend: spendSummary(sumTotals(lines)),
        ...labels,
        canCreate: can(user, 'create', projectResource()),
        breadcrumbs: planCrumbs(plan),
      });
    },
  );

  createRoute(app, {
    path: paths.newProject.pattern,
    action: 'create',
    load: plans.plan,
    resource: () => projectResource(),
    form: projectForm,
    formContext: (plan) => projectFormContext(app, plan.organisationId, plan.id),
    initialValues: () => ({ kind: 'project', rag: '' }),
    page: (plan) => ({
      title: 'Add a project',
      caption: plan.title,
      cancelLink: paths.planProjects(plan.id),
      breadcrumbs: projectCrumbs(plan),
    }),
    create: (plan, data, actor) => createProject(app.db, plan, data, actor),
    done: (_plan, created) => paths.project(created.id),
  });

  app.get<{ Params: RouteParams<typeof paths.project> }>(paths.project.pattern, async (request, reply) => {
    const ctx = await loadProject(app, request, reply, request.params.projectId);
    const user = authorize(request, reply, 'read', projectResource());
    const [history, scale, measureRows] = await Promise.all([
      listHistory(app.db, ctx.plan.organisationId, 'project', ctx.project.id),
      loadRagScale(app.db, ctx.plan.organisationId),
      listMeasureRows(app.db, ctx.plan.organisationId),
    ]);
    const totals = sumTotals(ctx.budgetLines);
    return reply.page('projects/project.njk', {
      title: ctx.project.title,
      ...ctx,
      ...labels,
      measures: measureRows.filter((m) => ctx.project.measureIds.includes(m.id)),
      rag: ragOf(ctx.project.rag, scale),
      lines: ctx.budgetLines.map(budgetLineView),
      totals,
      spend: spendSummary(totals),
      today: app.clock.today(),
      history: historyRows(history.slice(0, 10)),
      canEdit: can(user, 'edit', projectResource()),
      breadcrumbs: projectCrumbs(ctx.plan),
    });
  });

  editRoute(app, {
    path: paths.editProject.pattern,
    action: 'edit',
    load: (request, reply) => loadProject(app, request, reply, request.params.projectId),
    resource: () => projectResource(),
    form: projectForm,
    formContext: (ctx) => projectFormContext(app, ctx.plan.organisationId, ctx.plan.id),
    record: (ctx) => ctx.project,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'project',
      recordId: ctx.project.id,
    }),
    page: (ctx) => ({
      title: 'Change the project',
      caption: ctx.project.title,
      cancelLink: paths.project(ctx.project.id),
      breadcrumbs: projectCrumbs(ctx.plan),
    }),
    save: (ctx, data, version, actor) => updateProject(app.db, ctx, version, data, actor),
    done: (ctx) => paths.project(ctx.project.id),
  });

  createRoute(app, {
    path: paths.newMilestone.pattern,
    action: 'edit',
    load: (request, reply) => loadProject(app, request, reply, request.params.projectId),
    resource: () => projectResource(),
    form: milestoneForm,
    formContext: () => undefined,
    initialValues: () => ({ status: 'not-started' }),
    page: (ctx) => ({
      title: 'Add a milestone',
      caption: ctx.project.title,
      cancelLink: paths.project(ctx.project.id),
      breadcrumbs: projectCrumbs(ctx.plan),
    }),
    create: (ctx, data, actor) => createMilestone(app.db, ctx, data, actor),
    done: (ctx) => `${paths.project(ctx.project.id)}#milestones`,
  });

  editRoute(app, {
    path: paths.editMilestone.pattern,
    action: 'edit',
    load: (request, reply) => loadMilestone(app, request, reply, request.params.milestoneId),
    resource: () => projectResource(),
    form: milestoneForm,
    formContext: () => undefined,
    record: (ctx) => ctx.milestone,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'milestone',
      recordId: ctx.milestone.id,
    }),
    page: (ctx) => ({
      title: 'Change the milestone',
      caption: ctx.project.title,
      cancelLink: paths.project(ctx.project.id),
      breadcrumbs: projectCrumbs(ctx.plan),
    }),
    save: (ctx, data, version, actor) => updateMilestone(app.db, ctx, version, data, actor),
    done: (ctx) => `${paths.project(ctx.project.id)}#milestones`,
  });

  createRoute(app, {
    path: paths.newProjectBudgetLine.pattern,
    action: 'edit',
    load: (request, reply) => loadProject(app, request, reply, request.params.projectId),
    resource: () => projectResource(),
    form: budgetLineForm,
    formContext: (ctx) => ({ projectId: ctx.project.id }),
    initialValues: () => ({ fundingSource: 'Council budget' }),
    doneMessage: 'Budget line added',
    page: (ctx) => ({
      title: 'Add a budget line',
      caption: ctx.project.title,
      cancelLink: paths.project(ctx.project.id),
      breadcrumbs: projectCrumbs(ctx.plan),
    }),
    create: (ctx, data, actor) => createBudgetLine(app.db, ctx.plan, data, actor),
    done: (ctx) => `${paths.project(ctx.project.id)}#investment`,
  });

  createRoute(app, {
    path: paths.newPlanBudgetLine.pattern,
    action: 'create',
    load: plans.plan,
    resource: () => projectResource(),
    form: budgetLineForm,
    formContext: () => ({ projectId: null }),
    initialValues: () => ({ fundingSource: 'Council budget' }),
    doneMessage: 'Budget line added',
    page: (plan) => ({
      title: 'Add a budget line for the whole plan',
      caption: plan.title,
      cancelLink: paths.planProjects(plan.id),
      breadcrumbs: projectCrumbs(plan),
    }),
    create: (plan, data, actor) => createBudgetLine(app.db, plan, data, actor),
    done: (plan) => `${paths.planProjects(plan.id)}#investment`,
  });

  editRoute(app, {
    path: paths.editBudgetLine.pattern,
    action: 'edit',
    load: (request, reply) => loadBudgetLine(app, request, reply, request.params.lineId),
    resource: () => projectResource(),
    form: budgetLineForm,
    formContext: (ctx) => ({ projectId: ctx.line.projectId }),
    record: (ctx) => ctx.line,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'budget-line',
      recordId: ctx.line.id,
    }),
    page: (ctx) => ({
      title: 'Change the budget line',
      caption: ctx.project?.title ?? ctx.plan.title,
      cancelLink: ctx.project ? paths.project(ctx.project.id) : paths.planProjects(ctx.plan.id),
      breadcrumbs: projectCrumbs(ctx.plan),
    }),
    save: (ctx, data, version, actor) => updateBudgetLine(app.db, ctx, version, data, actor),
    done: (ctx) =>
      ctx.project
        ? `${paths.project(ctx.project.id)}#investment`
        : `${paths.planProjects(ctx.plan.id)}#investment`,
  });

  done();
};
