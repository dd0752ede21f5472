import type { FastifyInstance } from 'fastify';
import { createPlan, updatePlan } from '../../db/plan/commands.ts';
import {
  listCommitments,
  listOwners,
  listPlans,
  listStandards,
  planOverview,
} from '../../db/plan/queries.ts';
import { commitmentStatuses, isCommitmentStatus, type CommitmentStatus } from '../../domain/plan.ts';
import { readOutcomeFilter, type FrameworkOutcome } from '../../domain/national-framework.ts';
import { outcomeItems } from './framework-pages.ts';
import { risksAboveThreshold } from '../../db/risks/queries.ts';
import { unansweredFindings } from '../../db/inspections/queries.ts';
import { inspectionKindNames } from '../../domain/inspections/index.ts';
import { can } from '../../domain/policies.ts';
import { riskBandNames } from '../../domain/risks/words.ts';
import { keptView, view } from '../kept-views.ts';
import { authorize, requireUser } from '../auth.ts';
import { paths, type RouteParams } from '../paths.ts';
import { loaders } from './loaders.ts';
import { planForm } from './forms.ts';
import {
  commitmentStatusNames,
  commitmentStatusTagClasses,
  planKindNames,
  planStatusNames,
} from './labels.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';

const pageSize = 25;

export function planPages(app: FastifyInstance): void {
  const load = loaders(app);

  app.get(paths.plans.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', { type: 'plan' });
    const rows = await listPlans(app.db, user.organisationId);
    return reply.page('plan/plans.njk', {
      title: 'Plans and programmes',
      plans: rows,
      planStatusNames,
      planKindNames,
      canCreate: can(user, 'create', { type: 'plan' }),
    });
  });

  createRoute(app, {
    path: paths.newPlan.pattern,
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => ({ type: 'plan' }),
    form: planForm,
    formContext: () => undefined,
    initialValues: () => ({ kind: 'improvement-plan', status: 'draft' }),
    page: () => ({ title: 'Add a plan', cancelLink: paths.plans() }),
    create: (user, data, actor) => createPlan(app.db, user.organisationId, data, actor),
    done: (_user, plan) => paths.plan(plan.id),
  });

  app.get<{ Params: RouteParams<typeof paths.plan>; Querystring: Record<string, string | undefined> }>(
    paths.plan.pattern,
    keptView(async (request, reply) => {
      const plan = await load.planById(request, reply, request.params.planId);
      const user = authorize(request, reply, 'read', { type: 'plan' });
      const outcome = readOutcomeFilter(request.query.outcome);
      const today = app.clock.today();
      // Kept per council data version: a 350-priority plan's counts took most of the page's time.
      const [overview, standards, risks, unanswered] = await app.keptReads.get(
        request,
        `plan-overview ${plan.id} ${today} ${outcome ?? ''}`,
        () =>
          Promise.all([
            planOverview(app.db, plan.id, today, outcome),
            listStandards(app.db, plan.id),
            risksAboveThreshold(app.db, plan.organisationId, plan.id),
            unansweredFindings(app.db, plan.organisationId),
          ]),
      );
      const totals = overview.reduce(
        (acc, row) => ({
          total: acc.total + row.total,
          overdue: acc.overdue + row.overdue,
          done: acc.done + row.counts.done,
        }),
        { total: 0, overdue: 0, done: 0 },
      );
      return view('plan/overview.njk', {
        title: plan.title,
        plan,
        overview,
        totals,
        standards,
        outcome: outcome ?? null,
        outcomeItems: outcomeItems(outcome),
        risksAboveThreshold: risks,
        riskBandNames,
        unansweredFindings: unanswered,
        inspectionKindNames,
        planStatusNames,
        planKindNames,
        commitmentStatusNames,
        canEdit: can(user, 'edit', { type: 'plan' }),
        canAddPriority: can(user, 'create', { type: 'priority' }),
        canAddStandard: can(user, 'create', { type: 'standard' }),
        breadcrumbs: [{ text: 'Plans', href: paths.plans() }],
      });
    }),
  );

  editRoute(app, {
    path: paths.editPlan.pattern,
    action: 'edit',
    load: load.plan,
    resource: () => ({ type: 'plan' }),
    form: planForm,
    formContext: () => undefined,
    record: (plan) => plan,
    historyKey: (plan) => ({ organisationId: plan.organisationId, recordType: 'plan', recordId: plan.id }),
    page: (plan) => ({ title: 'Change the plan', caption: plan.title, cancelLink: paths.plan(plan.id) }),
    save: (plan, data, version, actor) => updatePlan(app.db, plan, version, data, actor),
    done: (plan) => paths.plan(plan.id),
  });

  app.get<{
    Params: RouteParams<typeof paths.planCommitments>;
    Querystring: Record<string, string | undefined>;
  }>(paths.planCommitments.pattern, async (request, reply) => {
    const plan = await load.planById(request, reply, request.params.planId);
    authorize(request, reply, 'read', { type: 'commitment' });
    const filter = readCommitmentFilter(request.query);
    const { items, total } = await listCommitments(app.db, {
      planId: plan.id,
      ...filter,
      today: app.clock.today(),
      pageSize,
    });
    const owners = await listOwners(app.db, plan.id);
    return reply.page('plan/commitments.njk', {
      title: `Commitments in ${plan.title}`,
      plan,
      items,
      total,
      filter,
      owners,
      outcomes: outcomeItems(),
      pagination: pagination(total, filter.page, (page) =>
        paths.planCommitments(plan.id, { ...filterQuery(filter), page }),
      ),
      commitmentStatuses,
      commitmentStatusNames,
      commitmentStatusTagClasses,
      breadcrumbs: [
        { text: 'Plans', href: paths.plans() },
        { text: plan.title, href: paths.plan(plan.id) },
      ],
    });
  });
}

export interface CommitmentFilterQuery {
  status?: CommitmentStatus;
  owner?: string;
  overdue?: boolean;
  outcome?: FrameworkOutcome;
  page: number;
}

/** Reads the filter from the query string; anything unknown is ignored rather than refused. */
export function readCommitmentFilter(query: Record<string, string | undefined>): CommitmentFilterQuery {
  const status = query.status !== undefined && isCommitmentStatus(query.status) ? query.status : undefined;
  const owner =
    typeof query.owner === 'string' && query.owner.trim() !== ''
      ? query.owner.trim().slice(0, 200)
      : undefined;
  const page = /^[1-9][0-9]{0,5}$/.test(query.page ?? '') ? Number(query.page) : 1;
  const outcome = readOutcomeFilter(query.outcome);
  return { status, owner, overdue: query.overdue === 'yes' ? true : undefined, outcome, page };
}

export function filterQuery(filter: CommitmentFilterQuery) {
  return {
    status: filter.status,
    owner: filter.owner,
    overdue: filter.overdue ? 'yes' : undefined,
    outcome: filter.outcome,
  };
}

/** GOV.UK pagination parameters for a list. */
export function pagination(total: number, page: number, href: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const items = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 1)
      items.push({ number: n, href: href(n), current: n === page });
    else if (items.at(-1)?.ellipsis !== true) items.push({ ellipsis: true });
  }
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items,
    from: (page - 1) * pageSize + 1,
    to: Math.min(total, page * pageSize),
  };
}
