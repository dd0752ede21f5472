import type { FastifyPluginCallback } from 'fastify';
import { archivePages } from './archive-pages.ts';
import { commentRoutes } from './comments.ts';
import { commitmentPages } from './commitment-pages.ts';
import { frameworkPages } from './framework-pages.ts';
import { historyPages } from './history-pages.ts';
import { planPages } from './plan-pages.ts';
import { priorityPages } from './priority-pages.ts';
import { standardPages } from './standard-pages.ts';

/** The plan workspace: plans, priorities, improvement areas, commitments, outcomes, standards, history,
 * archiving. */
export const planRoutes: FastifyPluginCallback = (app, _options, done) => {
  planPages(app);
  priorityPages(app);
  commitmentPages(app);
  standardPages(app);
  frameworkPages(app);
  historyPages(app);
  archivePages(app);
  commentRoutes(app);
  done();
};
