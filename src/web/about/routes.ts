import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../paths.ts';

/** Pages about the service itself, open to everyone. */
export const aboutRoutes: FastifyPluginAsync = async (app) => {
  app.get(paths.accessibility(), (_request, reply) =>
    reply.page('about/accessibility.njk', { title: 'Accessibility statement' }),
  );
};
