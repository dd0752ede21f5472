import type { FastifyPluginAsync } from 'fastify';
import { cataloguePages } from './catalogue-pages.ts';
import { comparatorPages } from './comparator-pages.ts';
import { loadPages } from './load-pages.ts';
import { measurePages } from './measure-pages.ts';
import { neighbourPages } from './neighbour-pages.ts';
import { planTargetPages } from './plan-target-pages.ts';
import { scorecardPages } from './scorecard-pages.ts';

/** The scorecard: measures, their figures and charts, loading figures, and the Excel export. */
export const scorecardRoutes: FastifyPluginAsync = (app) => {
  scorecardPages(app);
  cataloguePages(app);
  measurePages(app);
  loadPages(app);
  comparatorPages(app);
  neighbourPages(app);
  planTargetPages(app);
  return Promise.resolve();
};
