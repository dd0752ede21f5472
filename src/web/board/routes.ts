import type { FastifyPluginAsync } from 'fastify';
import { boardPages } from './board-pages.ts';
import { meetingPages } from './meeting-pages.ts';
import { meetingPlansPages } from './meeting-plans-pages.ts';
import { ragHistoryPages } from './rag-history-pages.ts';
import { ragScalePages } from './rag-scale-pages.ts';
import { reportPages } from './report-pages.ts';

/** The board cycle: boards and meetings, highlight reports and their approval, board packs, RAG history. */
export const boardRoutes: FastifyPluginAsync = (app) => {
  boardPages(app);
  meetingPages(app);
  meetingPlansPages(app);
  reportPages(app);
  ragHistoryPages(app);
  ragScalePages(app);
  return Promise.resolve();
};
