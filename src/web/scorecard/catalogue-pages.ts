import type { FastifyInstance } from 'fastify';
import { adoptIndicator } from '../../db/measures/commands.ts';
import { listCatalogue } from '../../db/measures/queries.ts';
import {
  frameworkOutcomeLabel,
  frameworkOutcomes,
  groupByOutcome,
  readOutcomeFilter,
} from '../../domain/national-framework.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { paths, type RouteParams } from '../paths.ts';
import { unitNames } from './view.ts';

/*
 * The catalogue of DfE's dashboard indicators, by National Framework outcome or enabler, as the
 * council last loaded DfE's list. A programme office adopts one as a measure with one button: its
 * name, unit, polarity and outcome come from the catalogue, and it keeps the indicator's code so
 * DfE files carrying it fill it.
 */
export function cataloguePages(app: FastifyInstance): void {
  const crumbs = [{ text: 'Scorecard', href: paths.scorecard() }];

  app.get<{ Querystring: Record<string, string | undefined> }>(
    paths.measureCatalogue.pattern,
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      const outcome = readOutcomeFilter(request.query.outcome);
      const [rows, all] = await Promise.all([
        listCatalogue(app.db, user.organisationId, outcome),
        outcome ? listCatalogue(app.db, user.organisationId) : null,
      ]);
      const counts = new Map(groupByOutcome(all ?? rows, (r) => r.outcome).map((g) => [g.outcome, g.items]));
      return reply.page('scorecard/catalogue.njk', {
        title: outcome ? `DfE indicators: ${frameworkOutcomeLabel(outcome)}` : 'DfE indicators by outcome',
        section: 'scorecard',
        outcome: outcome ?? null,
        empty: (all ?? rows).length === 0,
        groups: groupByOutcome(rows, (r) => r.outcome).map((g) => ({
          id: g.outcome ?? 'none',
          heading: g.outcome ? frameworkOutcomeLabel(g.outcome) : 'Not filed under an outcome or enabler',
          rows: g.items.map((r) => ({ ...r, unitName: unitNames[r.unit] })),
          adopted: g.items.filter((r) => r.measureId !== null).length,
        })),
        links: frameworkOutcomes
          .filter((o) => counts.has(o))
          .map((o) => ({
            href: paths.measureCatalogue({ outcome: o }),
            text: frameworkOutcomeLabel(o),
            count: counts.get(o)?.length ?? 0,
            current: o === outcome,
          })),
        canAdopt: can(user, 'create', { type: 'measure' }),
        canLoad: can(user, 'import', { type: 'import' }),
        breadcrumbs: crumbs,
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.adoptIndicator> }>(
    paths.adoptIndicator.pattern,
    async (request, reply) => {
      const user = authorize(request, reply, 'create', { type: 'measure' });
      const result = await adoptIndicator(
        app.db,
        user.organisationId,
        parseId(request.params.indicatorId, 'Indicator'),
        { userId: user.id, name: user.name },
      );
      if (result.outcome === 'not-found') throw new NotFoundError('Indicator');
      flash(
        request,
        result.outcome === 'created'
          ? 'Indicator adopted as a measure'
          : result.outcome === 'linked'
            ? 'Indicator linked to the measure of the same name'
            : 'This indicator is already a measure',
      );
      return reply.redirect(paths.measure(result.measure.id), 303);
    },
  );
}
