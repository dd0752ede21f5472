import type { FastifyPluginAsync } from 'fastify';
import {
  figuresFor,
  getMeasure,
  listMeasureRows,
  neighbourhoodOf,
  observationsOf,
  priorityIdsByMeasure,
  toPriorityMeasure,
} from '../../db/measures/queries.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { frameworkOutcomeProperty, idParams, list } from './schemas.ts';
import { frameworkOutcomes, readOutcomeFilter } from '../../domain/national-framework.ts';
import { neighbourAverages } from '../../domain/measures/neighbours.ts';
import type { MeasureWithFigures } from '../../db/measures/queries.ts';

const tags = ['Scorecard'];
const nullableNumber = { type: 'number', nullable: true } as const;

const measureSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    definition: { type: 'string' },
    unit: { type: 'string', enum: ['count', 'percentage', 'rate-per-10000', 'days', 'months'] },
    polarity: { type: 'string', enum: ['higher-is-better', 'lower-is-better', 'context'] },
    frequency: { type: 'string', enum: ['monthly', 'quarterly', 'annual'] },
    frameworkOutcome: frameworkOutcomeProperty('The National Framework outcome or enabler it evidences'),
    dfeIndicator: {
      type: 'string',
      nullable: true,
      description: 'The DfE dashboard indicator it was adopted from (its catalogue code); null if none',
    },
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
    statisticalNeighbours: {
      type: 'object',
      nullable: true,
      description: 'The statistical neighbours’ figure for the latest period, and how it was made',
      properties: {
        period: { type: 'string' },
        value: nullableNumber,
        model: {
          type: 'string',
          nullable: true,
          description: 'The DfE model ("2025"); null: the file’s councils',
        },
        average: { type: 'string', enum: neighbourAverages },
        count: { type: 'integer', description: 'Neighbours with a figure' },
        of: { type: 'integer', nullable: true, description: 'Neighbours the model names' },
      },
    },
    standing: {
      type: 'object',
      nullable: true,
      description: 'The latest figure’s rank among all councils, when a file gave (150 or more) councils',
      properties: {
        period: { type: 'string' },
        rank: { type: 'integer', description: '1 is the best (the highest, for a context measure)' },
        of: { type: 'integer' },
        quartile: { type: 'integer', minimum: 1, maximum: 4, description: '1 is the best quarter' },
        order: { type: 'string', enum: ['best-first', 'highest-first'] },
      },
    },
  },
} as const;

const neighboursSchema = {
  type: 'object',
  properties: {
    model: {
      type: 'string',
      nullable: true,
      description: 'The DfE model in force ("2025"); null when none is loaded',
    },
    average: {
      type: 'string',
      enum: neighbourAverages,
      description: 'How the neighbours’ figures are averaged',
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          laCode: { type: 'string', description: 'The old (three-digit) LA code the model uses' },
          name: { type: 'string' },
          closeness: { type: 'string', description: 'The model’s band: Very close, Close or Somewhat close' },
        },
      },
    },
  },
} as const;

/** The neighbours' figure and the rank among councils for the latest period, as the API gives them. */
function comparedWithOthers(m: MeasureWithFigures) {
  const latest = m.summary.latest;
  const neighbours = m.summary.comparators.find((c) => c.comparator === 'statistical-neighbours');
  const own = latest && m.observations.find((o) => o.comparator === undefined && o.period === latest.period);
  return {
    statisticalNeighbours:
      neighbours && neighbours.basis
        ? { period: neighbours.period, value: neighbours.value, ...neighbours.basis }
        : null,
    standing: own?.standing ? { period: own.period, ...own.standing } : null,
  };
}

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
  app.get<{ Querystring: { priority?: string; outcome?: string } }>(
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
            outcome: {
              type: 'string',
              enum: [...frameworkOutcomes],
              description: 'Only measures tagged with this National Framework outcome or enabler',
            },
          },
        },
        response: { 200: list(measureSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      // parseId: a number beyond what an id column holds names no priority (404), never a 500.
      const filter = {
        ...(request.query.priority ? { priorityId: parseId(request.query.priority, 'Priority') } : {}),
        outcome: readOutcomeFilter(request.query.outcome),
      };
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
          frameworkOutcome: m.row.frameworkOutcome,
          dfeIndicator: m.row.catalogueCode || null,
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
          ...comparedWithOthers(m),
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
  app.get(
    '/statistical-neighbours',
    {
      schema: {
        tags,
        summary: 'The council’s statistical neighbours in DfE’s latest model, closest first',
        response: { 200: neighboursSchema },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      const { model, average, neighbours } = await neighbourhoodOf(app.db, user.organisationId);
      return { model, average, items: neighbours };
    },
  );
  return Promise.resolve();
};
