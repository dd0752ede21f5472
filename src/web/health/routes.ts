import type { FastifyPluginCallback } from 'fastify';
import { databaseAnswers } from '../../db/client.ts';
import { paths } from '../paths.ts';

/** 200 when the app can reach its database and so can serve; 503 otherwise. */
export const healthRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(paths.healthz(), { schema: { hide: true } }, async (_request, reply) => {
    if (await databaseAnswers(app.db)) return reply.send({ status: 'ok' });
    return reply.code(503).send({ status: 'unavailable' });
  });
  done();
};
