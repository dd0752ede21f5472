import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { paths } from '../paths.ts';

/** 200 when the app can reach its database and so can serve; 503 otherwise. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(paths.healthz(), { schema: { hide: true } }, async (_request, reply) => {
    try {
      await app.db.execute(sql`select 1`);
      return reply.send({ status: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
};
