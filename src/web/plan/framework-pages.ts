import type { FastifyInstance } from 'fastify';
import { planCommitmentOutcomes } from '../../db/plan/queries.ts';
import {
  frameworkOutcomeLabel,
  frameworkOutcomes,
  groupByOutcome,
  readOutcomeFilter,
  type FrameworkOutcome,
} from '../../domain/national-framework.ts';
import { authorize } from '../auth.ts';
import { paths, type RouteParams } from '../paths.ts';
import { commitmentStatusNames, commitmentStatusTagClasses } from './labels.ts';
import { loaders } from './loaders.ts';

/*
 * The plan read by National Framework outcome: every commitment under the outcome or enabler it is
 * read under (its own tag, else its improvement area's, else its priority's), or one of them with
 * `?outcome=`. A GET form and plain links, so it works without JavaScript.
 */

/** The outcomes and enablers as select items, `selected` marked. */
export function outcomeItems(selected?: FrameworkOutcome) {
  return frameworkOutcomes.map((o) => ({
    value: o,
    text: frameworkOutcomeLabel(o),
    selected: o === selected,
  }));
}

export function frameworkPages(app: FastifyInstance): void {
  const load = loaders(app);

  app.get<{
    Params: RouteParams<typeof paths.planByOutcome>;
    Querystring: Record<string, string | undefined>;
  }>(paths.planByOutcome.pattern, async (request, reply) => {
    const plan = await load.planById(request, reply, request.params.planId);
    authorize(request, reply, 'read', { type: 'commitment' });
    const outcome = readOutcomeFilter(request.query.outcome);
    const rows = await planCommitmentOutcomes(app.db, plan.id, app.clock.today());
    const groups = groupByOutcome(rows, (r) => r.outcome)
      .filter((g) => !outcome || g.outcome === outcome)
      .map((g) => ({
        outcome: g.outcome,
        heading: g.outcome ? frameworkOutcomeLabel(g.outcome) : 'Not tagged with an outcome or enabler',
        id: g.outcome ?? 'none',
        items: g.items,
        done: g.items.filter((i) => i.status === 'done').length,
        overdue: g.items.filter((i) => i.overdue).length,
      }));
    const counts = new Map(groupByOutcome(rows, (r) => r.outcome).map((g) => [g.outcome, g.items.length]));
    return reply.page('plan/by-outcome.njk', {
      title: outcome
        ? `${plan.title}: ${frameworkOutcomeLabel(outcome)}`
        : `${plan.title} by National Framework outcome`,
      plan,
      outcome: outcome ?? null,
      groups,
      links: frameworkOutcomes.map((o) => ({
        href: paths.planByOutcome(plan.id, { outcome: o }),
        text: frameworkOutcomeLabel(o),
        count: counts.get(o) ?? 0,
        current: o === outcome,
      })),
      outcomeItems: outcomeItems(outcome),
      commitmentStatusNames,
      commitmentStatusTagClasses,
      breadcrumbs: [
        { text: 'Plans', href: paths.plans() },
        { text: plan.title, href: paths.plan(plan.id) },
      ],
    });
  });
}
