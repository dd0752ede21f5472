import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { figuresFor, listMeasureRows, prioritiesWithMeasures } from '../../db/measures/queries.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { paths } from '../paths.ts';
import { scorecardRow } from './view.ts';
import { loadCharts } from '../../reports/charts.ts';
import { scorecardWorkbook } from './xlsx.ts';

const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'scorecard.css'));

/** `?priority=12` filters to the measures that evidence priority 12; anything else shows all. */
function priorityFilter(request: FastifyRequest): number | undefined {
  const raw = (request.query as Record<string, string | undefined>).priority ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

export function scorecardPages(app: FastifyInstance) {
  app.get(paths.scorecardCss.pattern, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  const scorecard = async (request: FastifyRequest) => {
    const user = request.user!;
    const priorityId = priorityFilter(request);
    const [rows, priorities] = await Promise.all([
      listMeasureRows(app.db, user.organisationId, priorityId === undefined ? {} : { priorityId }),
      prioritiesWithMeasures(app.db, user.organisationId),
    ]);
    const chosen = priorities.find((p) => p.id === priorityId);
    return {
      figures: await figuresFor(app.db, rows, app.clock.now()),
      priorities,
      chosen,
      priorityId: chosen ? priorityId : undefined,
    };
  };

  app.get(paths.scorecard.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', { type: 'measure' });
    const { figures, priorities, chosen, priorityId } = await scorecard(request);
    await loadCharts();
    return reply.page('scorecard/scorecard.njk', {
      title: chosen ? `Scorecard: priority ${chosen.number}, ${chosen.title}` : 'Scorecard',
      caption: chosen
        ? `Measures for priority ${chosen.number}: ${chosen.title}`
        : `All measures (${figures.length})`,
      rows: figures.map(scorecardRow),
      filterPriority: chosen,
      priorityItems: [
        { value: '', text: 'All measures', selected: priorityId === undefined },
        ...priorities.map((p) => ({
          value: String(p.id),
          text: `${p.planTitle}: priority ${p.number}, ${p.title}`,
          selected: p.id === priorityId,
        })),
      ],
      xlsxHref: paths.scorecardXlsx({ priority: priorityId }),
      canCreate: can(user, 'create', { type: 'measure' }),
      canLoad: can(user, 'import', { type: 'import' }),
    });
  });

  app.get(paths.scorecardXlsx.pattern, async (request, reply) => {
    authorize(request, reply, 'read', { type: 'measure' });
    const { figures, chosen } = await scorecard(request);
    const workbook = scorecardWorkbook(
      figures,
      chosen ? `Priority ${chosen.number}: ${chosen.title}` : 'All measures',
    );
    const bytes = await app.renderPool.render({ kind: 'workbook', workbook });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="scorecard.xlsx"')
      .send(bytes);
  });
}
