import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  figuresFor,
  listMeasureRows,
  planTargetsForPlan,
  plansWithMeasures,
  prioritiesWithMeasures,
  withPlanTarget,
  type PlanTarget,
} from '../../db/measures/queries.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { keptView, view } from '../kept-views.ts';
import { paths } from '../paths.ts';
import { scorecardRow } from './view.ts';
import { loadCharts } from '../../reports/charts.ts';
import { scorecardWorkbook } from './xlsx.ts';
import {
  frameworkOutcomeLabel,
  frameworkOutcomes,
  groupByOutcome,
  readOutcomeFilter,
  type FrameworkOutcome,
} from '../../domain/national-framework.ts';

const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'scorecard.css'));

/** `?priority=12` filters to the measures that evidence priority 12; anything else shows all. */
function idFilter(request: FastifyRequest, name: 'priority' | 'plan'): number | undefined {
  const raw = (request.query as Record<string, string | undefined>)[name] ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

export function scorecardPages(app: FastifyInstance) {
  app.get(paths.scorecardCss.pattern, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  /*
   * Kept per council data version, by what the read is asked (read from the query string once, here,
   * so a new filter cannot be left out of the key) and the date its ratings are worked out on.
   */
  const scorecard = (request: FastifyRequest) => {
    const asked = {
      priority: idFilter(request, 'priority'),
      plan: idFilter(request, 'plan'),
      outcome: readOutcomeFilter((request.query as Record<string, unknown>).outcome),
      today: app.clock.today(),
    };
    return app.keptReads.get(request, `scorecard ${JSON.stringify(asked)}`, () =>
      readScorecard(request.user!, asked),
    );
  };

  const readScorecard = async (
    user: { organisationId: number },
    asked: { priority?: number; plan?: number; outcome?: FrameworkOutcome },
  ) => {
    const [priorities, plans] = await Promise.all([
      prioritiesWithMeasures(app.db, user.organisationId),
      plansWithMeasures(app.db, user.organisationId),
    ]);
    const chosen = priorities.find((p) => p.id === asked.priority);
    // A priority belongs to one plan: choosing it chooses its plan's targets too.
    const chosenPlan = plans.find((p) => p.id === (chosen ? chosen.planId : asked.plan));
    const outcome = asked.outcome;
    const filter = {
      ...(chosen ? { priorityId: chosen.id } : chosenPlan ? { planId: chosenPlan.id } : {}),
      outcome,
    };
    const [rows, planTargets] = await Promise.all([
      listMeasureRows(app.db, user.organisationId, filter),
      chosenPlan
        ? planTargetsForPlan(app.db, user.organisationId, chosenPlan.id)
        : new Map<number, PlanTarget>(),
    ]);
    return {
      figures: await figuresFor(
        app.db,
        rows.map((r) => withPlanTarget(r, planTargets.get(r.id))),
        app.clock.now(),
      ),
      priorities,
      plans,
      chosen,
      chosenPlan,
      priorityId: chosen?.id,
      outcome,
    };
  };

  app.get(
    paths.scorecard.pattern,
    keptView(async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'measure' });
      const { figures, priorities, plans, chosen, chosenPlan, priorityId, outcome } =
        await scorecard(request);
      // `?group=outcome` shows a table for each National Framework outcome and enabler.
      const grouped = (request.query as Record<string, unknown>).group === 'outcome';
      await loadCharts();
      const rows = figures.map((m) => ({ ...scorecardRow(m), outcome: m.row.frameworkOutcome }));
      const query = { priority: priorityId, plan: chosen ? undefined : chosenPlan?.id, outcome };
      return view('scorecard/scorecard.njk', {
        title: chosen
          ? `Scorecard: priority ${chosen.number}, ${chosen.title}`
          : chosenPlan
            ? `Scorecard: ${chosenPlan.title}`
            : 'Scorecard',
        caption:
          (chosen
            ? `Measures for priority ${chosen.number}: ${chosen.title}`
            : chosenPlan
              ? `Measures for ${chosenPlan.title} (${figures.length}), with its own targets`
              : outcome
                ? `Measures (${figures.length})`
                : `All measures (${figures.length})`) +
          (outcome ? `, ${frameworkOutcomeLabel(outcome)}` : ''),
        rows,
        groups: grouped
          ? groupByOutcome(rows, (r) => r.outcome).map((g) => ({
              caption: g.outcome ? frameworkOutcomeLabel(g.outcome) : 'Not tagged with an outcome or enabler',
              rows: g.items,
            }))
          : null,
        outcome: outcome ?? null,
        outcomeItems: [
          { value: '', text: 'All outcomes and enablers', selected: outcome === undefined },
          ...frameworkOutcomes.map((o) => ({
            value: o,
            text: frameworkOutcomeLabel(o),
            selected: o === outcome,
          })),
        ],
        groupHref: paths.scorecard({ ...query, group: 'outcome' }),
        ungroupHref: paths.scorecard(query),
        grouped,
        filterPriority: chosen,
        filterPlan: chosenPlan,
        planItems: [
          { value: '', text: 'All plans', selected: chosenPlan === undefined || chosen !== undefined },
          ...plans.map((p) => ({
            value: String(p.id),
            text: p.title,
            selected: chosen === undefined && p.id === chosenPlan?.id,
          })),
        ],
        priorityItems: [
          { value: '', text: 'All measures', selected: priorityId === undefined },
          ...priorities.map((p) => ({
            value: String(p.id),
            text: `${p.planTitle}: priority ${p.number}, ${p.title}`,
            selected: p.id === priorityId,
          })),
        ],
        xlsxHref: paths.scorecardXlsx(query),
        canCreate: can(user, 'create', { type: 'measure' }),
        canLoad: can(user, 'import', { type: 'import' }),
      });
    }),
  );

  app.get(paths.scorecardXlsx.pattern, async (request, reply) => {
    authorize(request, reply, 'read', { type: 'measure' });
    const { figures, chosen, chosenPlan } = await scorecard(request);
    const workbook = scorecardWorkbook(
      figures,
      chosen ? `Priority ${chosen.number}: ${chosen.title}` : chosenPlan ? chosenPlan.title : 'All measures',
    );
    const bytes = await app.renderPool.render({ kind: 'workbook', workbook });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="scorecard.xlsx"')
      .send(bytes);
  });
}
