import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { changeHistory } from '../../db/schema.ts';
import { getPlan, listHistory } from '../../db/plan/queries.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';
import { fieldNames, recordTypeNames, type PlanRecordType } from './labels.ts';
import { loaders } from './loaders.ts';

type HistoryRow = typeof changeHistory.$inferSelect;

const actionNames: Record<HistoryRow['action'], string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
  import: 'Imported',
  'undo-import': 'Import undone',
};

const hidden = new Set(['id', 'organisationId', 'planId', 'priorityId', 'commitmentId', 'passwordHash']);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (Array.isArray(value))
    return (
      value
        .map((v) => (typeof v === 'object' ? Object.values(v as object).join(' ') : String(v)))
        .join('\n') || '(none)'
    );
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Each change as the fields it touched, with the value before and after. */
export function historyRows(rows: HistoryRow[]) {
  return rows.map((row) => {
    const before = row.before ?? {};
    const after = row.after ?? {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !hidden.has(k));
    const changes = keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => ({
        field: fieldNames[k] ?? k,
        before: row.before ? show(before[k]) : '',
        after: row.after ? show(after[k]) : '',
      }));
    return { id: row.id, action: actionNames[row.action], by: row.actorName, at: row.changedAt, changes };
  });
}

export async function historyPages(app: FastifyInstance) {
  const load = loaders(app);

  /** For each kind of record: find it (within the council), and where "back" goes. */
  const finders: Record<
    PlanRecordType,
    (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
    ) => Promise<{ organisationId: number; sponsorUserIds: number[]; back: string }>
  > = {
    plan: async (request, reply, id) => {
      const user = requireUser(request, reply);
      const plan = await getPlan(app.db, user.organisationId, parseId(id, 'Plan'));
      if (!plan) throw new NotFoundError('Plan');
      return { organisationId: plan.organisationId, sponsorUserIds: [], back: paths.plan(plan.id) };
    },
    priority: async (request, reply) => {
      const ctx = await load.priority(request, reply);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.priority(ctx.priority.id),
      };
    },
    'improvement-area': async (request, reply) => {
      const ctx = await load.area(request, reply);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.area(ctx.area.id),
      };
    },
    commitment: async (request, reply) => {
      const ctx = await load.commitment(request, reply);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.commitment(ctx.commitment.id),
      };
    },
    outcome: async (request, reply) => {
      const ctx = await load.outcome(request, reply);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.commitment(ctx.commitment.id),
      };
    },
    standard: async (request, reply) => {
      const ctx = await load.standard(request, reply);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: [],
        back: paths.plan(ctx.plan.id) + '#standards',
      };
    },
  };
  const idParams: Record<PlanRecordType, string> = {
    plan: 'planId',
    priority: 'priorityId',
    'improvement-area': 'areaId',
    commitment: 'commitmentId',
    outcome: 'outcomeId',
    standard: 'standardId',
  };

  app.get<{ Params: { recordType: string; recordId: string } }>(
    '/history/:recordType/:recordId',
    async (request, reply) => {
      const recordType = request.params.recordType as PlanRecordType;
      if (!Object.hasOwn(recordTypeNames, recordType)) throw new NotFoundError();
      // The loaders read the id under the name their own routes use.
      (request.params as Record<string, string>)[idParams[recordType]] = request.params.recordId;
      const found = await finders[recordType](request, reply, request.params.recordId);
      authorize(request, reply, 'read', { type: recordType, sponsorUserIds: found.sponsorUserIds });
      const rows = await listHistory(
        app.db,
        found.organisationId,
        recordType,
        Number(request.params.recordId),
      );
      return reply.page('plan/history.njk', {
        title: `History of this ${recordTypeNames[recordType]}`,
        history: historyRows(rows),
        backLink: found.back,
      });
    },
  );
}
