import type { FastifyInstance, FastifyReply } from 'fastify';
import { loadRagScale, ragHistory } from '../../db/board/queries.ts';
import { packScale } from '../../domain/council-rag-scale.ts';
import { getPlan } from '../../db/plan/queries.ts';
import { findStatus } from '../../domain/rag-scale.ts';
import { loadCharts, ragHistoryChart } from '../../reports/charts.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { loaders } from '../plan/loaders.ts';

/**
 * RAG over the board's meetings, per priority and for the whole plan: the chart for a glance, the
 * table beside it for the record (and for screen readers). Approved reports only: a draft is not
 * what the board was told.
 */
export function ragHistoryPages(app: FastifyInstance) {
  const load = loaders(app);

  const render = async (
    reply: FastifyReply,
    organisationId: number,
    input: {
      planId: number;
      priorityId?: number;
      title: string;
      caption: string;
      breadcrumbs: { text: string; href: string }[];
    },
  ) => {
    await loadCharts();
    const scale = await loadRagScale(app.db, organisationId);
    const rows = await ragHistory(app.db, input.planId, input.priorityId);
    const meetings = [...new Set(rows.map((r) => r.meetingOn))].sort();
    const byPriority = new Map<number, { name: string; ratings: (string | null)[] }>();
    for (const row of rows) {
      const entry = byPriority.get(row.priorityId) ?? {
        name: `${row.number}. ${row.title}`,
        ratings: meetings.map(() => null),
      };
      entry.ratings[meetings.indexOf(row.meetingOn)] = row.rag
        ? (findStatus(scale, row.rag)?.code ?? row.rag)
        : null;
      byPriority.set(row.priorityId, entry);
    }
    const chart = meetings.length
      ? ragHistoryChart({
          title: input.title,
          meetings,
          scale: packScale(scale),
          priorities: [...byPriority.values()],
        })
      : null;
    return reply.page('board/rag-history.njk', { ...input, chart });
  };

  app.get<{ Params: RouteParams<typeof paths.priorityRagHistory> }>(
    paths.priorityRagHistory.pattern,
    async (request, reply) => {
      const ctx = await load.priority(request, reply);
      const user = authorize(request, reply, 'read', {
        type: 'highlight-report',
        sponsorUserIds: ctx.sponsorUserIds,
      });
      return render(reply, user.organisationId, {
        planId: ctx.plan.id,
        priorityId: ctx.priority.id,
        title: `RAG history of priority ${ctx.priority.number}: ${ctx.priority.title}`,
        caption: ctx.plan.title,
        breadcrumbs: [
          { text: 'Plans', href: paths.plans() },
          { text: ctx.plan.title, href: paths.plan(ctx.plan.id) },
          { text: `Priority ${ctx.priority.number}`, href: paths.priority(ctx.priority.id) },
        ],
      });
    },
  );

  app.get<{ Params: RouteParams<typeof paths.planRagHistory> }>(
    paths.planRagHistory.pattern,
    async (request, reply) => {
      const user = requireUser(request, reply);
      const plan = await getPlan(app.db, user.organisationId, parseId(request.params.planId, 'Plan'));
      if (!plan) throw new NotFoundError('Plan');
      authorize(request, reply, 'read', { type: 'highlight-report' });
      return render(reply, user.organisationId, {
        planId: plan.id,
        title: `RAG history of ${plan.title}`,
        caption: 'All priorities',
        breadcrumbs: [
          { text: 'Plans', href: paths.plans() },
          { text: plan.title, href: paths.plan(plan.id) },
        ],
      });
    },
  );
}
