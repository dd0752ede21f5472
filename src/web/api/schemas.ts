import { frameworkOutcomes } from '../../domain/national-framework.ts';

/** JSON schemas of the API's records: they validate nothing coming in, but shape and document what goes out. */

const nullableString = { type: 'string', nullable: true } as const;

/** A National Framework outcome or enabler, or null. */
export const frameworkOutcomeProperty = (description: string) =>
  ({ type: 'string', nullable: true, enum: [...frameworkOutcomes, null], description }) as const;
const timestamps = {
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

/** Lists leave archived records out; a record fetched by id says whether it is archived. */
const archivedAt = {
  archivedAt: {
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the record was archived; null while it is in use. Lists leave archived records out.',
  },
} as const;

export const planSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    period: { type: 'string' },
    status: { type: 'string', enum: ['draft', 'adopted', 'closed'] },
    kind: {
      type: 'string',
      enum: ['improvement-plan', 'reform-programme'],
      description: 'An improvement plan, or a reform programme run beside it (such as Families First)',
    },
    adoptedOn: { ...nullableString, format: 'date' },
    priorities: { type: 'integer', description: 'Number of priorities (in lists only)' },
    version: { type: 'integer' },
    ...timestamps,
  },
} as const;

export const prioritySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    planId: { type: 'integer' },
    number: { type: 'integer' },
    title: { type: 'string' },
    ambition: { type: 'string' },
    impactForChildren: { type: 'string' },
    whatWeWillDo: { type: 'string' },
    sponsor: { type: 'string', description: 'The sponsor’s name' },
    sponsorUserId: { type: 'integer', nullable: true },
    latestRag: { ...nullableString, description: 'Current RAG of the latest approved highlight report' },
    frameworkOutcome: frameworkOutcomeProperty('The National Framework outcome or enabler it serves'),
    version: { type: 'integer' },
    ...archivedAt,
    ...timestamps,
  },
} as const;

export const areaSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    priorityId: { type: 'integer' },
    title: { type: 'string', description: 'What needs to improve' },
    source: { type: 'string' },
    position: { type: 'integer' },
    frameworkOutcome: frameworkOutcomeProperty('Its own National Framework tag'),
    version: { type: 'integer' },
    ...archivedAt,
    ...timestamps,
  },
} as const;

export const commitmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    priorityId: { type: 'integer' },
    improvementAreaId: { type: 'integer', nullable: true },
    text: { type: 'string', description: 'We said' },
    owner: { type: 'string' },
    dueOn: { ...nullableString, format: 'date' },
    status: { type: 'string', enum: ['not-started', 'in-progress', 'done', 'dropped'] },
    overdue: { type: 'boolean' },
    needsReview: { type: 'string' },
    position: { type: 'integer' },
    frameworkOutcome: frameworkOutcomeProperty('Its own National Framework tag'),
    readUnderOutcome: frameworkOutcomeProperty(
      'The outcome it is read under: its own tag, else its improvement area’s, else its priority’s',
    ),
    version: { type: 'integer' },
    ...archivedAt,
    ...timestamps,
  },
} as const;

export const outcomeSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    commitmentId: { type: 'integer' },
    text: { type: 'string', description: 'We did' },
    achievedOn: { ...nullableString, format: 'date' },
    evidence: {
      type: 'array',
      items: { type: 'object', properties: { title: { type: 'string' }, url: { type: 'string' } } },
    },
    position: { type: 'integer' },
    version: { type: 'integer' },
    ...archivedAt,
    ...timestamps,
  },
} as const;

export const standardSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    planId: { type: 'integer' },
    groupName: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    position: { type: 'integer' },
    version: { type: 'integer' },
  },
} as const;

export const list = (items: object) => ({ type: 'object', properties: { items: { type: 'array', items } } });

export const idParams = (name: string) => ({
  type: 'object',
  properties: { [name]: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } },
  required: [name],
});
