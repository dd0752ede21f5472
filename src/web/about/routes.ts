import type { FastifyPluginCallback } from 'fastify';
import { paths } from '../paths.ts';

/** Pages about the service itself, open to everyone. */
export const aboutRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(paths.accessibility(), (_request, reply) =>
    reply.page('about/accessibility.njk', { title: 'Accessibility statement' }),
  );
  done();
};
