import type { FastifyPluginAsync } from 'fastify';
import { listInspections } from '../../db/inspections/queries.ts';
import { findingKinds, grades, inspectionKinds, needsAnswer } from '../../domain/inspections/index.ts';
import { frameworkOutcomes } from '../../domain/national-framework.ts';
import { authorize } from '../auth.ts';
import { list } from './schemas.ts';

const tags = ['Inspections'];
const date = { type: 'string', format: 'date' } as const;
const nullableDate = { type: 'string', format: 'date', nullable: true } as const;

const inspectionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: inspectionKinds },
    frameworkVersion: {
      type: 'string',
      description:
        'The framework it was made under, which names its judgement areas (sif, ilacs-2018, ilacs-2023, ilacs-2026)',
    },
    startDate: date,
    endDate: nullableDate,
    publishedDate: nullableDate,
    focus: { type: 'string', description: 'A visit’s declared focus; empty when none was recorded' },
    link: { type: 'string', description: 'The published letter or report; empty when not recorded' },
    judgements: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          area: { type: 'string', description: 'A judgement area of the inspection’s framework' },
          grade: { type: 'string', enum: grades },
        },
      },
    },
    recommendations: {
      type: 'array',
      description:
        'What the inspection asks the council to answer: recommendations, areas for priority action and areas for improvement',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string', enum: findingKinds.filter(needsAnswer) },
          number: { type: 'integer', nullable: true },
          text: { type: 'string' },
          frameworkOutcome: {
            type: 'string',
            enum: frameworkOutcomes,
            nullable: true,
            description: 'The National Framework outcome or enabler it names',
          },
          commitments: {
            type: 'integer',
            description:
              'Commitments in use that answer it: linked to it, or in an improvement area linked to it',
          },
          improvementAreas: { type: 'array', items: { type: 'integer' } },
        },
      },
    },
    version: { type: 'integer' },
  },
} as const;

/** The inspection record as JSON, within the caller's council, latest first. */
export const inspectionApiRoutes: FastifyPluginAsync = (app) => {
  app.get(
    '/inspections',
    {
      schema: {
        tags,
        summary:
          'The council’s inspections and visits with their judgements and recommendations, latest first',
        response: { 200: list(inspectionSchema) },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'inspection' });
      const rows = await listInspections(app.db, user.organisationId);
      return {
        items: rows.map((i) => ({
          id: i.id,
          kind: i.kind,
          frameworkVersion: i.frameworkVersion,
          startDate: i.startDate,
          endDate: i.endDate,
          publishedDate: i.publishedDate,
          focus: i.focus,
          link: i.link,
          judgements: i.judgements.map((j) => ({ area: j.area, grade: j.grade })),
          recommendations: i.findings
            .filter((f) => needsAnswer(f.kind))
            .map((f) => ({
              id: f.id,
              kind: f.kind,
              number: f.number,
              text: f.text,
              frameworkOutcome: f.frameworkOutcome,
              commitments: f.answeringCommitmentIds.length,
              improvementAreas: f.areas.map((a) => a.id),
            })),
          version: i.version,
        })),
      };
    },
  );
  return Promise.resolve();
};
