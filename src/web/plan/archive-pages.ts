import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setArchived, type ArchivableType } from '../../db/plan/commands.ts';
import { archivedNote, archiveReach, listArchived, listHistory } from '../../db/plan/queries.ts';
import { listUsers } from '../../db/people/queries.ts';
import { formatNumber } from '../../domain/format.ts';
import { can, type PolicyUser } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { NotFoundError } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { field } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { recordTypeNames } from './labels.ts';
import { loaders } from './loaders.ts';

/*
 * Archiving and restoring priorities, improvement areas, commitments and outcomes. Whoever may edit
 * a record may archive it and restore it: it leaves the lists, counts, packs and publications and
 * takes what sits under it along, but it is kept, with its history, and can be brought back.
 */

const archivableTypes = ['priority', 'improvement-area', 'commitment', 'outcome'] as const;
const isArchivable = (value: string): value is ArchivableType =>
  (archivableTypes as readonly string[]).includes(value);

/** "Priority archived", "Improvement area archived". */
const capitalised = (type: ArchivableType) =>
  recordTypeNames[type].charAt(0).toUpperCase() + recordTypeNames[type].slice(1);

const shortened = (text: string) => (text.length > 120 ? text.slice(0, 117) + '…' : text);

const counted = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** "Archiving this priority also hides its 3 improvement areas and 12 commitments." */
export function reachSentence(
  type: ArchivableType,
  reach: { areas: number; commitments: number; outcomes: number },
): string {
  const parts = [
    reach.areas ? counted(reach.areas, 'improvement area', 'improvement areas') : '',
    reach.commitments ? counted(reach.commitments, 'commitment', 'commitments') : '',
    reach.outcomes ? counted(reach.outcomes, 'outcome', 'outcomes') : '',
  ].filter(Boolean);
  const what = `Archiving this ${recordTypeNames[type]}`;
  if (parts.length === 0) return `${what} hides nothing else.`;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${what} also hides its ${list}.`;
}

/** One archivable record, found within the council, with what the pages about it need. */
interface Found {
  type: ArchivableType;
  organisationId: number;
  planId: number;
  sponsorUserIds: number[];
  record: { id: number; version: number; archivedAt: Date | null; archivedBy: number | null };
  /** What people call it: "Priority 1: Quality of practice", or the commitment's words. */
  name: string;
  caption: string;
  /** The record's own page (an outcome's is its commitment's). */
  page: string;
  /** Where people go once it is archived: the page that listed it. */
  parent: string;
}

export function archivePages(app: FastifyInstance): void {
  const load = loaders(app);

  const finders: Record<
    ArchivableType,
    (request: FastifyRequest, reply: FastifyReply, id: string) => Promise<Found>
  > = {
    priority: async (request, reply, id) => {
      const ctx = await load.priorityById(request, reply, id);
      return {
        type: 'priority',
        organisationId: ctx.plan.organisationId,
        planId: ctx.plan.id,
        sponsorUserIds: ctx.sponsorUserIds,
        record: ctx.priority,
        name: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
        caption: ctx.plan.title,
        page: paths.priority(ctx.priority.id),
        parent: paths.plan(ctx.plan.id),
      };
    },
    'improvement-area': async (request, reply, id) => {
      const ctx = await load.areaById(request, reply, id);
      return {
        type: 'improvement-area',
        organisationId: ctx.plan.organisationId,
        planId: ctx.plan.id,
        sponsorUserIds: ctx.sponsorUserIds,
        record: ctx.area,
        name: ctx.area.title,
        caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
        page: paths.area(ctx.area.id),
        parent: paths.priority(ctx.priority.id),
      };
    },
    commitment: async (request, reply, id) => {
      const ctx = await load.commitmentById(request, reply, id);
      return {
        type: 'commitment',
        organisationId: ctx.plan.organisationId,
        planId: ctx.plan.id,
        sponsorUserIds: ctx.sponsorUserIds,
        record: ctx.commitment,
        name: shortened(ctx.commitment.text),
        caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
        page: paths.commitment(ctx.commitment.id),
        parent: paths.priority(ctx.priority.id),
      };
    },
    outcome: async (request, reply, id) => {
      const ctx = await load.outcomeById(request, reply, id);
      return {
        type: 'outcome',
        organisationId: ctx.plan.organisationId,
        planId: ctx.plan.id,
        sponsorUserIds: ctx.sponsorUserIds,
        record: ctx.outcome,
        name: shortened(ctx.outcome.text),
        caption: shortened(ctx.commitment.text),
        page: paths.commitment(ctx.commitment.id),
        parent: paths.commitment(ctx.commitment.id),
      };
    },
  };

  /** Finds the record named in the URL and refuses anyone who may not edit it. */
  const findForChange = async (
    request: FastifyRequest<{ Params: { recordType: string; recordId: string } }>,
    reply: FastifyReply,
  ) => {
    const { recordType, recordId } = request.params;
    if (!isArchivable(recordType)) throw new NotFoundError();
    const found = await finders[recordType](request, reply, recordId);
    const user = authorize(request, reply, 'edit', {
      type: recordType,
      sponsorUserIds: found.sponsorUserIds,
    });
    return { found, user };
  };

  const confirmPage = async (reply: FastifyReply, found: Found, extra: object = {}) =>
    reply.page('plan/archive-confirm.njk', {
      title: `Archive this ${recordTypeNames[found.type]}`,
      found,
      whatName: recordTypeNames[found.type],
      reach: reachSentence(found.type, await archiveReach(app.db, found.type, found.record.id)),
      action: paths.archiveRecord(found.type, found.record.id),
      version: found.record.version,
      backLink: found.page,
      ...extra,
    });

  const versionOf = (request: FastifyRequest) => {
    const version = Number(field(request.body, 'version'));
    return Number.isInteger(version) && version >= 1 ? version : null;
  };
  const missingVersion = (reply: FastifyReply) =>
    reply.code(400).page('errors/error.njk', {
      title: 'There is a problem with the request',
      status: 400,
      detail: 'The form was missing the version it was loaded at. Go back, reload the page and try again.',
    });
  const actorOf = (user: { id: number; name: string }) => ({ userId: user.id, name: user.name });
  const lastEditor = async (found: Found) =>
    (await listHistory(app.db, found.organisationId, found.type, found.record.id))[0]?.actorName ??
    'Someone else';

  type ChangeRequest = FastifyRequest<{ Params: RouteParams<typeof paths.archiveRecord> }>;

  app.get<{ Params: RouteParams<typeof paths.archiveRecord> }>(
    paths.archiveRecord.pattern,
    async (request, reply) => {
      const { found } = await findForChange(request, reply);
      // Already archived: its page says so and offers to restore it.
      if (found.record.archivedAt) return reply.redirect(found.page, 303);
      return confirmPage(reply, found);
    },
  );

  app.post<{ Params: RouteParams<typeof paths.archiveRecord> }>(
    paths.archiveRecord.pattern,
    async (request: ChangeRequest, reply) => {
      const { found, user } = await findForChange(request, reply);
      const version = versionOf(request);
      if (version === null) return missingVersion(reply);
      const key = { organisationId: found.organisationId, type: found.type, id: found.record.id };
      const saved = await setArchived(app.db, key, version, true, actorOf(user));
      if (!saved.ok && !saved.conflict) throw new NotFoundError();
      if (!saved.ok) {
        // Ask again at the newer version, so archiving what it says now is a deliberate choice.
        const current = { ...found, record: { ...found.record, ...saved.current } };
        return confirmPage(reply.code(409), current, {
          conflict: { by: await lastEditor(found), at: saved.current.updatedAt },
        });
      }
      flash(request, `${capitalised(found.type)} archived`);
      return reply.redirect(found.parent, 303);
    },
  );

  app.post<{ Params: RouteParams<typeof paths.restoreRecord> }>(
    paths.restoreRecord.pattern,
    async (request, reply) => {
      const { found, user } = await findForChange(request, reply);
      const version = versionOf(request);
      if (version === null) return missingVersion(reply);
      const key = { organisationId: found.organisationId, type: found.type, id: found.record.id };
      const saved = await setArchived(app.db, key, version, false, actorOf(user));
      if (!saved.ok && !saved.conflict) throw new NotFoundError();
      if (!saved.ok)
        return reply.code(409).page('errors/error.njk', {
          title: 'Someone else changed this',
          status: 409,
          detail: `${await lastEditor(found)} changed this ${recordTypeNames[found.type]} since you opened the page. Go back, reload the page and try again.`,
        });
      flash(request, 'Restored');
      return reply.redirect(found.page, 303);
    },
  );

  app.get<{ Params: RouteParams<typeof paths.archivedRecords> }>(
    paths.archivedRecords.pattern,
    async (request, reply) => {
      const plan = await load.planById(request, reply, request.params.planId);
      const user = authorize(request, reply, 'read', { type: 'plan' });
      const [archived, people] = await Promise.all([
        listArchived(app.db, plan.id),
        listUsers(app.db, plan.organisationId),
      ]);
      const names = new Map(people.map((p) => [p.id, p.name]));
      const row = (
        type: ArchivableType,
        record: { id: number; version: number; archivedAt: Date | null; archivedBy: number | null },
        sponsorUserId: number | null,
        text: string,
        href: string,
        under: string,
      ) => ({
        type,
        id: record.id,
        version: record.version,
        text,
        href,
        under,
        at: record.archivedAt,
        by: (record.archivedBy && names.get(record.archivedBy)) || 'someone',
        canRestore: mayEdit(user, type, sponsorUserId),
        restore: paths.restoreRecord(type, record.id),
      });
      const groups = [
        {
          heading: 'Priorities',
          rows: archived.priorities.map((p) =>
            row('priority', p, p.sponsorUserId, `${p.number}. ${p.title}`, paths.priority(p.id), ''),
          ),
        },
        {
          heading: 'Improvement areas',
          rows: archived.areas.map((a) =>
            row(
              'improvement-area',
              a.area,
              a.sponsorUserId,
              a.area.title,
              paths.area(a.area.id),
              `Priority ${a.priorityNumber}`,
            ),
          ),
        },
        {
          heading: 'Commitments',
          rows: archived.commitments.map((c) =>
            row(
              'commitment',
              c.commitment,
              c.sponsorUserId,
              shortened(c.commitment.text),
              paths.commitment(c.commitment.id),
              `Priority ${c.priorityNumber}`,
            ),
          ),
        },
        {
          heading: 'Outcomes',
          rows: archived.outcomes.map((o) =>
            row(
              'outcome',
              o.outcome,
              o.sponsorUserId,
              shortened(o.outcome.text),
              paths.commitment(o.outcome.commitmentId),
              shortened(o.commitmentText),
            ),
          ),
        },
      ].filter((g) => g.rows.length > 0);
      return reply.page('plan/archived.njk', {
        title: 'Archived records',
        plan,
        groups,
        breadcrumbs: [
          { text: 'Plans', href: paths.plans() },
          { text: plan.title, href: paths.plan(plan.id) },
        ],
      });
    },
  );
}

function mayEdit(user: PolicyUser, type: ArchivableType, sponsorUserId: number | null): boolean {
  return can(user, 'edit', { type, sponsorUserIds: sponsorUserId ? [sponsorUserId] : [] });
}

/**
 * What a record's page shows about archiving: who archived it and when, or which record above it
 * was archived (taking this one along), and the forms to archive or restore it for those who may.
 */
export async function archiveBanner(
  app: FastifyInstance,
  user: PolicyUser,
  record: {
    type: ArchivableType;
    id: number;
    version: number;
    archivedAt: Date | null;
    archivedBy: number | null;
  },
  sponsorUserIds: number[],
  above: { type: ArchivableType; archivedAt: Date | null }[] = [],
) {
  const mayChange = can(user, 'edit', { type: record.type, sponsorUserIds });
  const archived = await archivedNote(app.db, record);
  const archivedWith = above.find((a) => a.archivedAt !== null);
  return {
    what: recordTypeNames[record.type],
    archived,
    archivedWith: archivedWith ? recordTypeNames[archivedWith.type] : null,
    version: record.version,
    archiveLink: mayChange && !archived ? paths.archiveRecord(record.type, record.id) : null,
    restoreAction: mayChange && archived ? paths.restoreRecord(record.type, record.id) : null,
  };
}
