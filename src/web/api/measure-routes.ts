import type { FastifyPluginAsync } from 'fastify';
import {
  figuresFor,
  getMeasure,
  listMeasureRows,
  observationsOf,
  priorityIdsByMeasure,
  toPriorityMeasure,
} from '../../db/measures/queries.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { idParams, list } from './schemas.ts';

const tags = ['Scorecard'];
const nullableNumber = { type: 'number', nullable: true } as const;

const measureSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    definition: { type: 'string' },
    unit: { type: 'string', enum: ['count', 'percentage', 'rate-per-10000', 'days'] },
    polarity: { type: 'string', enum: ['higher-is-better', 'lower-is-better', 'context'] },
    frequency: { type: 'string', enum: ['monthly', 'quarterly', 'annual'] },
    latest: {
      type: 'object',
      nullable: true,
      description: 'The latest period with a figure or a suppression code',
      properties: {
        period: { type: 'string' },
        value: nullableNumber,
        suppression: { type: 'string', nullable: true },
        text: { type: 'string', description: 'As shown, e.g. "83%"' },
      },
    },
    target: { ...nullableNumber, description: 'The target in force for the latest period' },
    rag: { type: 'string', enum: ['red', 'amber', 'green', 'none'] },
    gap: { ...nullableNumber, description: 'Latest minus target, in the measure’s unit' },
    direction: {
      type: 'object',
      properties: {
        vsLastPeriod: { type: 'string', enum: ['up', 'down', 'same', 'unknown'] },
        vsLastYear: { type: 'string', enum: ['up', 'down', 'same', 'unknown'] },
        judgement: { type: 'string', enum: ['improving', 'worsening', 'no-change', 'not-judged'] },
        text: { type: 'string' },
      },
    },
    narrative: { type: 'string', description: 'A plain-English sentence or two from the figures' },
    priorityIds: { type: 'array', items: { type: 'integer' } },
  },
} as const;

const observationSchema = {
  type: 'object',
  properties: {
    period: { type: 'string' },
    area: {
      type: 'string',
      description: 'council, statistical-neighbours, statistical-neighbour, region or england',
    },
    areaCode: { type: 'string' },
    areaName: { type: 'string' },
    value: nullableNumber,
    suppression: {
      type: 'string',
      nullable: true,
      description: 'The published code (c, x, k, …); value is null',
    },
    numerator: nullableNumber,
    denominator: nullableNumber,
    note: { type: 'string' },
  },
} as const;

/** The scorecard as JSON (for Power BI and the like): each measure's latest figure, rating, direction and narrative. */
export const measureApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Querystring: { priority?: string } }>(
    '/measures',
    {
      schema: {
        tags,
        summary: 'The council’s measures with their latest figure, target, RAG, direction and narrative',
        querystring: {
          type: 'object',
          properties: {
            priority: {
              type: 'string',
              pattern: '^[1-9][0-9]{0,9}$',
              description: 'Only measures evidencing this priority',
            },
          },
        },
        response: { 200: list(measureSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      // parseId: a number beyond what an id column holds names no priority (404), never a 500.
      const filter = request.query.priority
        ? { priorityId: parseId(request.query.priority, 'Priority') }
        : {};
      const figures = await figuresFor(
        app.db,
        await listMeasureRows(app.db, user.organisationId, filter),
        app.clock.now(),
      );
      const links = await priorityIdsByMeasure(
        app.db,
        figures.map((m) => m.row.id),
      );
      const items = figures.map((m) => {
        const { summary } = m;
        const shown = toPriorityMeasure(m);
        return {
          id: m.row.id,
          name: m.row.name,
          definition: m.row.definition,
          unit: m.row.unit,
          polarity: m.row.polarity,
          frequency: m.row.frequency,
          latest: summary.latest
            ? {
                period: summary.latest.period,
                value: summary.latest.value,
                suppression: summary.latest.suppression ?? null,
                text: shown.latest,
              }
            : null,
          target: summary.rag.target,
          rag: summary.rag.rating,
          gap: summary.rag.gap,
          direction: {
            vsLastPeriod: summary.direction.vsLastPeriod.direction,
            vsLastYear: summary.direction.vsLastYear.direction,
            judgement: summary.direction.vsLastPeriod.judgement,
            text: shown.direction,
          },
          narrative: summary.narrative,
          priorityIds: links.get(m.row.id) ?? [],
        };
      });
      return { items };
    },
  );

  app.get<{ Params: { measureId: string } }>(
    '/measures/:measureId/observations',
    {
      schema: {
        tags,
        summary: 'A measure’s figures by period, with its comparators',
        params: idParams('measureId'),
        response: { 200: list(observationSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      const row = await getMeasure(app.db, user.organisationId, parseId(request.params.measureId, 'Measure'));
      if (!row) throw new NotFoundError('Measure');
      const rows = await observationsOf(app.db, row.id, 'period');
      return {
        items: rows.map((r) => ({
          period: r.period,
          area: r.area,
          areaCode: r.areaCode,
          areaName: r.areaName,
          value: r.value,
          suppression: r.suppression,
          numerator: r.numerator,
          denominator: r.denominator,
          note: r.note,
        })),
      };
    },
  );
  return Promise.resolve();
};
