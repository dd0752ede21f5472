import type { FastifyPluginAsync } from 'fastify';
import { commentRoutes } from './comments.ts';
import { commitmentPages } from './commitment-pages.ts';
import { historyPages } from './history-pages.ts';
import { planPages } from './plan-pages.ts';
import { priorityPages } from './priority-pages.ts';
import { standardPages } from './standard-pages.ts';

/** The plan workspace: plans, priorities, improvement areas, commitments, outcomes, standards, history. */
export const planRoutes: FastifyPluginAsync = async (app) => {
  await planPages(app);
  await priorityPages(app);
  await commitmentPages(app);
  await standardPages(app);
  await historyPages(app);
  await commentRoutes(app);
};
