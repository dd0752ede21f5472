import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  frameworkOutcomeLabel,
  frameworkOutcomes,
  groupByOutcome,
  isFrameworkOutcome,
  type FrameworkOutcome,
} from '../../domain/national-framework.ts';
import { NotFoundError } from '../errors/http-errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { kept } from './kept-pages.ts';
import type { PublicResponse } from './page-cache.ts';
import { planView } from './plan-view.ts';
import { keptPage, latestFor, publicSite } from './site.ts';

/*
 * The latest publication read by the National Framework's outcomes and enablers: each "We said"
 * under the one it serves, and each outcome's part on a page of its own. Plain links (the public
 * pages are kept by their path, never their query string), so it works without JavaScript.
 */
export function publicOutcomeRoutes(app: FastifyInstance): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: FrameworkOutcome | undefined,
  ): Promise<PublicResponse> => {
    const site = await publicSite(request);
    const publication = await latestFor(app, site);
    if (!publication)
      return keptPage(reply, 'public/nothing-yet.njk', site, { title: 'Nothing has been published yet' });
    const view = planView(publication, false);
    const said = view.priorities.flatMap((p) =>
      p.commitments.map((c) => ({ ...c, priorityNumber: p.number, priorityTitle: p.title.text })),
    );
    const groups = groupByOutcome(said, (c) => c.frameworkOutcome);
    const counts = new Map(groups.map((g) => [g.outcome, g.items.length]));
    return keptPage(reply, 'public/outcomes.njk', site, {
      title: outcome
        ? `${view.planTitle}: ${frameworkOutcomeLabel(outcome)}`
        : `${view.planTitle} by outcome`,
      view,
      outcome: outcome ?? null,
      groups: groups
        .filter((g) => !outcome || g.outcome === outcome)
        .map((g) => ({
          id: g.outcome ?? 'none',
          heading: g.outcome ? frameworkOutcomeLabel(g.outcome) : 'Not linked to an outcome',
          items: g.items,
          done: g.items.filter((c) => c.status === 'done').length,
        })),
      links: frameworkOutcomes.map((o) => ({
        href: paths.public.outcome(o),
        text: frameworkOutcomeLabel(o),
        count: counts.get(o) ?? 0,
        current: o === outcome,
      })),
      publicSection: 'outcomes',
    });
  };

  app.get(
    paths.public.outcomes.pattern,
    kept((request, reply) => page(request, reply, undefined)),
  );
  app.get<{ Params: RouteParams<typeof paths.public.outcome> }>(
    paths.public.outcome.pattern,
    kept((request: FastifyRequest<{ Params: RouteParams<typeof paths.public.outcome> }>, reply) => {
      const outcome = request.params.outcome;
      if (!isFrameworkOutcome(outcome)) throw new NotFoundError('Outcome');
      return page(request, reply, outcome);
    }),
  );
}
