import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listHistory, type HistoryEntry } from '../../db/plan/queries.ts';
import { getMeasure, linksOf } from '../../db/measures/queries.ts';
import { getRisk } from '../../db/risks/queries.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { frameworkOutcomeLabel, isFrameworkOutcome } from '../../domain/national-framework.ts';
import { fieldNames, recordTypeNames, type PlanRecordType } from './labels.ts';
import { loaders } from './loaders.ts';

type HistoryRow = HistoryEntry;

const actionNames: Record<HistoryRow['action'], string> = {
  create: 'Added',
  update: 'Changed',
  delete: 'Removed',
  import: 'Imported',
  'undo-import': 'Import undone',
  archive: 'Archived',
  restore: 'Restored',
  'resolve-review': 'Review resolved',
};

/** The plan's records, the scorecard's measures and the register's risks, whose "History" links come here too. */
const historyRecordNames = { ...recordTypeNames, measure: 'measure', risk: 'risk' } as const;
type HistoryRecordType = PlanRecordType | 'measure' | 'risk';

const isHistoryRecordType = (value: string): value is HistoryRecordType =>
  Object.hasOwn(historyRecordNames, value);

const hidden = new Set([
  'id',
  'organisationId',
  'planId',
  'priorityId',
  'commitmentId',
  'passwordHash',
  'archivedBy',
]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (Array.isArray(value))
    return (
      value
        .map((v: unknown) =>
          typeof v === 'object' && v !== null ? Object.values(v).map(String).join(' ') : String(v),
        )
        .join('\n') || '(none)'
    );
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A National Framework tag in words; any other field as it is. */
const shown = (key: string, value: unknown): string =>
  key === 'frameworkOutcome' && isFrameworkOutcome(value) ? frameworkOutcomeLabel(value) : show(value);

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
        before: row.before ? shown(k, before[k]) : '',
        after: row.after ? shown(k, after[k]) : '',
      }));
    return { id: row.id, action: actionNames[row.action], by: row.actorName, at: row.changedAt, changes };
  });
}

export function historyPages(app: FastifyInstance): void {
  const load = loaders(app);

  /** For each kind of record: find it (within the council), and where "back" goes. */
  const finders: Record<
    HistoryRecordType,
    (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
    ) => Promise<{ organisationId: number; sponsorUserIds: number[]; back: string }>
  > = {
    plan: async (request, reply, id) => {
      const plan = await load.planById(request, reply, id);
      return { organisationId: plan.organisationId, sponsorUserIds: [], back: paths.plan(plan.id) };
    },
    priority: async (request, reply, id) => {
      const ctx = await load.priorityById(request, reply, id);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.priority(ctx.priority.id),
      };
    },
    'improvement-area': async (request, reply, id) => {
      const ctx = await load.areaById(request, reply, id);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.area(ctx.area.id),
      };
    },
    commitment: async (request, reply, id) => {
      const ctx = await load.commitmentById(request, reply, id);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.commitment(ctx.commitment.id),
      };
    },
    outcome: async (request, reply, id) => {
      const ctx = await load.outcomeById(request, reply, id);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.commitment(ctx.commitment.id),
      };
    },
    standard: async (request, reply, id) => {
      const ctx = await load.standardById(request, reply, id);
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: [],
        back: paths.plan(ctx.plan.id) + '#standards',
      };
    },
    // As the measure page: within the council, read by everyone there, sponsors from its links.
    measure: async (request, reply, id) => {
      const user = requireUser(request, reply);
      const row = await getMeasure(app.db, user.organisationId, parseId(id, 'Measure'));
      if (!row) throw new NotFoundError('Measure');
      const links = await linksOf(app.db, row.id);
      return {
        organisationId: row.organisationId,
        sponsorUserIds: links.map((l) => l.sponsorUserId).filter((s): s is number => s !== null),
        back: paths.measure(row.id),
      };
    },
    // Within the council, read by everyone there; the sponsors are those of its priorities.
    risk: async (request, reply, id) => {
      const user = requireUser(request, reply);
      const ctx = await getRisk(app.db, user.organisationId, parseId(id, 'Risk'));
      if (!ctx) throw new NotFoundError('Risk');
      return {
        organisationId: ctx.plan.organisationId,
        sponsorUserIds: ctx.sponsorUserIds,
        back: paths.risk(ctx.risk.id),
      };
    },
  };
  app.get<{ Params: RouteParams<typeof paths.history> }>(paths.history.pattern, async (request, reply) => {
    const { recordType } = request.params;
    if (!isHistoryRecordType(recordType)) throw new NotFoundError();
    const found = await finders[recordType](request, reply, request.params.recordId);
    authorize(request, reply, 'read', { type: recordType, sponsorUserIds: found.sponsorUserIds });
    const rows = await listHistory(app.db, found.organisationId, recordType, Number(request.params.recordId));
    return reply.page('plan/history.njk', {
      title: `History of this ${historyRecordNames[recordType]}`,
      history: historyRows(rows),
      backLink: found.back,
    });
  });
}
