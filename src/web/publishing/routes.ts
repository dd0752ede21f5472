import type { FastifyPluginAsync } from 'fastify';
import { committeePages } from './committee-pages.ts';
import { consultationPages } from './consultation-pages.ts';
import { feedbackPages } from './feedback-pages.ts';
import { feedbackApprovalPages } from './feedback-approval.ts';
import { glossaryPages } from './glossary-pages.ts';
import { plainPages } from './plain-pages.ts';
import { publishPages } from './publish-pages.ts';

/** The programme office's publishing pages: publish a quarter, plain language, glossary, feedback, consultations, reports. */
export const publishingRoutes: FastifyPluginAsync = (app) => {
  publishPages(app);
  plainPages(app);
  glossaryPages(app);
  feedbackPages(app);
  feedbackApprovalPages(app);
  consultationPages(app);
  committeePages(app);
  return Promise.resolve();
};
