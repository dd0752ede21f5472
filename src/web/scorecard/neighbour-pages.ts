import type { FastifyInstance } from 'fastify';
import { listNeighbourModels, neighbourhoodOf } from '../../db/measures/queries.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { paths } from '../paths.ts';

/* The council's statistical neighbours: the latest DfE model's ten, closest first, and earlier models. */
export function neighbourPages(app: FastifyInstance) {
  app.get(paths.statisticalNeighbours.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', { type: 'measure' });
    const [neighbourhood, models] = await Promise.all([
      neighbourhoodOf(app.db, user.organisationId),
      listNeighbourModels(app.db, user.organisationId),
    ]);
    return reply.page('scorecard/neighbours.njk', {
      title: 'Statistical neighbours',
      ...neighbourhood,
      models,
      canLoad: can(user, 'import', { type: 'import' }),
      breadcrumbs: [{ text: 'Scorecard', href: paths.scorecard() }],
    });
  });
}
