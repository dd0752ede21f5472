import type { FastifyPluginAsync } from 'fastify';
import { actionPages } from './action-pages.ts';
import { agendaPages } from './agenda-pages.ts';
import { attendancePages } from './attendance-pages.ts';
import { minutesPages } from './minutes-pages.ts';

/** A meeting of record: agenda, attendance, minutes and decisions, and the actions arising. */
export const meetingRecordRoutes: FastifyPluginAsync = (app) => {
  agendaPages(app);
  attendancePages(app);
  minutesPages(app);
  actionPages(app);
  return Promise.resolve();
};
