import type { FastifyPluginAsync } from 'fastify';
import { homeSections } from '../../domain/home.ts';
import { actionStatuses } from '../../domain/meetings/vocabulary.ts';
import { commitmentStatuses, planStatuses } from '../../domain/plan.ts';
import { riskBands } from '../../domain/risks/scoring.ts';
import { reportStates } from '../../domain/workflows/highlight-report.ts';
import { measureFrequencies } from '../../domain/measures/vocabulary.ts';
import { meetingStatuses } from '../../domain/board-cycle.ts';
import { authorize } from '../auth.ts';
import { loadHome } from '../home/home-data.ts';

const tags = ['Home'];

const date = { type: 'string', format: 'date' } as const;
const nullableDate = { ...date, nullable: true } as const;
const url = { type: 'string', description: 'The page where the work is done' } as const;
const dueState = {
  type: 'string',
  enum: ['overdue', 'due-soon', 'later', 'no-date'],
  description: 'Against today: past its date, due within the days in `dueSoonDays`, later, or undated',
} as const;
const section = (description: string, items: object) =>
  ({ type: 'array', nullable: true, description, items }) as const;

const report = {
  type: 'object',
  properties: {
    reportId: { type: 'integer' },
    priority: { type: 'string', description: '"1. Quality of Practice"' },
    state: { type: 'string', enum: reportStates },
    meetingId: { type: 'integer' },
    meetingOn: date,
    board: { type: 'string' },
    papersDueOn: { ...nullableDate, description: 'The papers deadline: when the report is due' },
    dueState,
    sponsor: { type: 'string', description: 'Who writes it (reports waiting for approval only)' },
    url,
  },
} as const;

const commitments = (description: string) =>
  ({
    type: 'object',
    nullable: true,
    description,
    properties: {
      total: { type: 'integer', description: 'How many there are in all' },
      overdue: { type: 'integer', description: 'How many of them are past their date' },
      shown: { type: 'integer', description: 'How many are in `items` (the soonest due)' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            commitmentId: { type: 'integer' },
            text: { type: 'string', description: 'We said' },
            owner: { type: 'string' },
            dueOn: date,
            status: { type: 'string', enum: commitmentStatuses },
            dueState,
            priority: { type: 'string' },
            plan: { type: 'string' },
            url,
          },
        },
      },
      more: {
        type: 'array',
        description: 'Where each plan’s full list is',
        items: { type: 'object', properties: { plan: { type: 'string' }, url: { type: 'string' } } },
      },
    },
  }) as const;

const homeSchema = {
  type: 'object',
  properties: {
    today: { ...date, description: 'The date the service works to' },
    dueSoonDays: { type: 'integer', description: 'Due soon means due within this many days' },
    sections: {
      type: 'array',
      items: { type: 'string', enum: homeSections },
      description: 'The sections the person’s role calls for, in page order; absent sections are null',
    },
    reportsOwed: section('Highlight reports the person is to write for meetings to come', report),
    commitmentsDue: commitments(
      'Open commitments under the priorities the person sponsors, overdue or due soon',
    ),
    reportsAwaitingApproval: section('Reports submitted and waiting for approval', report),
    overdueCommitments: commitments('The council’s open commitments past their date'),
    staleFigures: section('Measures whose latest figure is out of date, or with none', {
      type: 'object',
      properties: {
        measureId: { type: 'integer' },
        name: { type: 'string' },
        frequency: { type: 'string', enum: measureFrequencies },
        latestPeriod: { type: 'string', nullable: true },
        latestPeriodText: { type: 'string', nullable: true },
        state: { type: 'string', enum: ['stale', 'no-figures'] },
        url,
      },
    }),
    risksForReview: section('Open risks whose review is late or due soon', {
      type: 'object',
      properties: {
        riskId: { type: 'integer' },
        title: { type: 'string' },
        owner: { type: 'string' },
        nextReviewOn: date,
        dueState,
        rating: { type: 'string', enum: riskBands, description: 'After controls' },
        url,
      },
    }),
    nextMeeting: {
      type: 'object',
      nullable: true,
      description: 'The next meeting (of the person’s own board first); null when none is planned',
      properties: {
        meetingId: { type: 'integer' },
        meetingOn: date,
        board: { type: 'string' },
        papersDueOn: nullableDate,
        status: { type: 'string', enum: meetingStatuses },
        url,
        agendaUrl: { type: 'string' },
        papers: {
          type: 'object',
          properties: {
            issued: { type: 'boolean' },
            issuedAt: { type: 'string', format: 'date-time', nullable: true },
            version: { type: 'integer', nullable: true },
            htmlUrl: { type: 'string' },
            pdfUrl: { type: 'string' },
          },
        },
        reports: {
          type: 'object',
          nullable: true,
          description: 'The meeting’s highlight reports by state (the programme office only)',
          properties: Object.fromEntries(
            [...reportStates, 'total'].map((state) => [state, { type: 'integer' }]),
          ),
        },
      },
    },
    actions: section('Open actions the person owns', {
      type: 'object',
      properties: {
        actionId: { type: 'integer' },
        description: { type: 'string' },
        status: { type: 'string', enum: actionStatuses },
        dueOn: nullableDate,
        dueState,
        raisedOn: date,
        latestUpdate: { type: 'string', nullable: true },
        url,
      },
    }),
    plans: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          planId: { type: 'integer' },
          title: { type: 'string' },
          period: { type: 'string' },
          status: { type: 'string', enum: planStatuses },
          url: { type: 'string' },
        },
      },
    },
  },
} as const;

/** The home page as JSON: the same sections, for the token's person. */
export const homeApiRoutes: FastifyPluginAsync = (app) => {
  app.get(
    '/home',
    {
      schema: {
        tags,
        summary: 'What needs the caller: the sections of their home page, by role',
        response: { 200: homeSchema },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'plan' });
      const home = await loadHome(app, user);
      // Sections the role does not call for are null rather than missing, so every key is always there.
      return {
        ...home,
        reportsOwed: home.reportsOwed ?? null,
        commitmentsDue: home.commitmentsDue ?? null,
        reportsAwaitingApproval: home.reportsAwaitingApproval ?? null,
        overdueCommitments: home.overdueCommitments ?? null,
        staleFigures: home.staleFigures ?? null,
        risksForReview: home.risksForReview ?? null,
        nextMeeting: home.nextMeeting ?? null,
        actions: home.actions ?? null,
      };
    },
  );
  return Promise.resolve();
};
