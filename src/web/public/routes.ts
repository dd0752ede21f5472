import type { FastifyPluginAsync } from 'fastify';
import { publicConsultationRoutes } from './consultation-routes.ts';
import { publicDataRoutes } from './data-routes.ts';
import { publicOutcomeRoutes } from './outcome-routes.ts';
import { publicPlanRoutes } from './plan-routes.ts';

/** The public site under /public: no sign-in, read-only apart from consultation responses. */
export const publicRoutes: FastifyPluginAsync = (app) => {
  publicPlanRoutes(app);
  publicOutcomeRoutes(app);
  publicDataRoutes(app);
  publicConsultationRoutes(app);
  return Promise.resolve();
};
