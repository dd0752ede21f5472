import type { FastifyPluginAsync } from 'fastify';
import {
  findMeetingsOn,
  getIssuedPapers,
  getMeeting,
  listMeetingReports,
  loadRagScale,
  loadReportDetail,
} from '../../db/board/queries.ts';
import { checkReportEvidence } from '../../domain/evidence-check.ts';
import { isIsoCalendarDate } from '../../domain/format.ts';
import { findStatus } from '../../domain/rag-scale.ts';
import {
  allowedReportActions,
  participantOf,
  reportActions,
  reportStates,
} from '../../domain/workflows/highlight-report.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError, parseId } from '../errors/http-errors.ts';
import { issuedPackSchema } from './pack-schema.ts';
import { idParams } from './schemas.ts';

const tags = ['Board'];

const warningSchema = {
  type: 'object',
  properties: {
    kind: {
      type: 'string',
      enum: [
        'rag-reason-mismatch',
        'overdue-commitments',
        'measure-off-target',
        'rag-improved-without-progress',
        'unchanged-text',
      ],
    },
    message: { type: 'string' },
    evidence: { type: 'array', items: { type: 'string' } },
  },
} as const;

const reportSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    board: { type: 'string' },
    meeting: { type: 'string', format: 'date' },
    priority: { type: 'object', properties: { number: { type: 'integer' }, title: { type: 'string' } } },
    previousRag: {
      type: 'string',
      nullable: true,
      description: 'A code of the council’s RAG scale, e.g. "amber"',
    },
    currentRag: { type: 'string', nullable: true },
    reason: { type: 'string' },
    state: { type: 'string', enum: reportStates },
    actions: {
      type: 'array',
      items: { type: 'string', enum: reportActions },
      description: 'What the caller may do with the report in its state, by the report workflow',
    },
    evidenceWarnings: { type: 'array', items: warningSchema },
  },
} as const;

/** The highlight reports for a meeting day, with the evidence check, for Power BI and other tools. */
export const boardApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Querystring: { meeting?: string; board?: string } }>(
    '/highlight-reports',
    {
      schema: {
        tags,
        summary: 'Highlight reports for the meeting on a date',
        querystring: {
          type: 'object',
          properties: {
            meeting: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              description: 'Meeting date, YYYY-MM-DD',
            },
            board: { type: 'string', description: 'Board name, when several boards met that day' },
          },
          required: ['meeting'],
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: reportSchema } } } },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'highlight-report' });
      const { meeting: date, board } = request.query;
      if (!date || !isIsoCalendarDate(date))
        throw new BadRequestError('Give the meeting date as a real day, YYYY-MM-DD (for example 2024-09-10)');
      const scale = await loadRagScale(app.db, user.organisationId);
      const meetings = (await findMeetingsOn(app.db, user.organisationId, date)).filter(
        (m) => !board || m.board.name.toLowerCase() === board.toLowerCase(),
      );
      const code = (value: string | null) => (value ? (findStatus(scale, value)?.code ?? value) : null);
      const items = [];
      for (const { meeting, board: b } of meetings) {
        for (const row of await listMeetingReports(app.db, meeting.id)) {
          const detail = await loadReportDetail(app.db, {
            report: row.report,
            meetingOn: meeting.meetingOn,
            today: app.clock.today(),
          });
          items.push({
            id: row.report.id,
            board: b.name,
            meeting: meeting.meetingOn,
            priority: { number: row.priority.number, title: row.priority.title },
            previousRag: code(row.report.previousRag),
            currentRag: code(row.report.currentRag),
            reason: row.report.reason,
            state: row.report.state,
            actions: allowedReportActions(row.report.state, participantOf(user, row.sponsorUserIds)),
            evidenceWarnings: checkReportEvidence(detail, scale),
          });
        }
      }
      return { items };
    },
  );

  app.get<{ Params: { meetingId: string } }>(
    '/meetings/:meetingId/pack',
    {
      schema: {
        tags,
        summary: 'A meeting’s board pack as issued (the latest version)',
        params: idParams('meetingId'),
        response: { 200: issuedPackSchema },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'highlight-report' });
      const meetingId = parseId(request.params.meetingId, 'Meeting');
      const ctx = await getMeeting(app.db, user.organisationId, meetingId);
      if (!ctx) throw new NotFoundError('Meeting');
      const issued = await getIssuedPapers(app.db, user.organisationId, 'board-pack', meetingId);
      if (!issued) throw new NotFoundError('Issued board pack');
      return {
        ...issued.content,
        version: issued.version,
        issuedAt: issued.issuedAt.toISOString(),
        issuedBy: issued.issuedByName,
        reason: issued.reason,
      };
    },
  );
  return Promise.resolve();
};
