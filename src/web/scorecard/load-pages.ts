import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { confirmLoad, discardLoad, LoadRefusedError, savePendingLoad } from '../../db/measures/commands.ts';
import { findLoad, findLoadedByHash, listLoads, loadContext } from '../../db/measures/queries.ts';
import { layoutNames, reportOf, type Layout } from '../../domain/measures/loads.ts';
import { areaName, gradeNames, inspectionKindNames } from '../../domain/inspections/index.ts';
import { observationAreaNames } from '../../domain/measures/vocabulary.ts';
import { dataLoadState, dataLoadStatusNames as statusNames } from '../../domain/workflows/import.ts';
import { observationFileReaderWith, readObservationFile } from '../../import/observations/read.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { toFormErrors } from '../forms/parse.ts';
import { runImportAction, workflowButtons } from '../import-workflow.ts';
import { paths, type RouteParams } from '../paths.ts';
import { readUpload } from '../uploads.ts';
import { flash } from '../flash.ts';
import { choiceOf, choiceQuery, indicatorItems, optionsOf } from './load-choice.ts';

type LoadParams = { Params: RouteParams<typeof paths.dataLoad> };
const flow = 'data-load';
const PREVIEW_ROWS = 100;
const crumbs = [{ text: 'Scorecard', href: paths.scorecard() }];

/** Upload a file of figures, see every row's problem or what would be loaded, then load it all or nothing. */
export function loadPages(app: FastifyInstance) {
  const load = async (request: FastifyRequest<LoadParams>, reply: FastifyReply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const found = await findLoad(app.db, user.organisationId, parseId(request.params.loadId, 'Data load'));
    if (!found) throw new NotFoundError('Data load');
    return { user, found };
  };
  const listPage = async (request: FastifyRequest, reply: FastifyReply, extra: object = {}) =>
    reply.page('scorecard/loads.njk', {
      title: 'Load figures',
      loads: await listLoads(app.db, request.user!.organisationId),
      statusNames,
      layoutNames,
      breadcrumbs: crumbs,
      ...extra,
    });

  app.get(paths.dataLoads.pattern, async (request, reply) => {
    authorize(request, reply, 'import', { type: 'import' });
    return listPage(request, reply);
  });

  app.post(paths.dataLoads.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const upload = await readUpload(request.body, 'file', {
      missing: 'Select a CSV or Excel file',
      empty: 'The selected file is empty',
    });
    if (!upload.ok)
      return listPage(request, reply.code(400), {
        errors: toFormErrors([{ field: 'file', message: upload.message }]),
      });
    const context = await loadContext(app.db, user.organisationId);
    const parsed = await readObservationFile(upload.bytes, upload.fileName, context);
    const pending = await savePendingLoad(app.db, {
      organisationId: user.organisationId,
      fileName: upload.fileName,
      bytes: upload.bytes,
      parsed,
      userId: user.id,
    });
    return reply.redirect(paths.dataLoad(pending.id), 303);
  });

  app.get<{ Params: RouteParams<typeof paths.dataLoad> }>(paths.dataLoad.pattern, async (request, reply) => {
    const { user, found } = await load(request, reply);
    const pending = found.status === 'pending' && found.content !== null;
    const choice = choiceOf(request.query as Record<string, unknown>);
    const parsed =
      pending && found.content !== null
        ? await readObservationFile(
            found.content,
            found.fileName,
            await loadContext(app.db, user.organisationId),
            optionsOf(choice),
          )
        : null;
    const noneChosen = choice.made && choice.indicators.length === 0;
    const already = pending ? await findLoadedByHash(app.db, user.organisationId, found.contentHash) : null;
    return reply.page('scorecard/load-preview.njk', {
      title: pending ? 'Check the figures before loading' : `Load of ${found.fileName}`,
      found,
      already,
      report: parsed ? reportOf(parsed) : null,
      layoutName: layoutNames[(parsed?.layout ?? found.layout) as Layout] ?? found.layout,
      newMeasures: parsed?.newMeasures ?? [],
      modelName: parsed?.model?.name ?? '',
      inspections: (parsed?.inspections ?? []).map((i) => ({
        ...i,
        kindName: inspectionKindNames[i.kind],
        grades: i.judgements.map((j) => `${areaName(i.frameworkVersion, j.area)}: ${gradeNames[j.grade]}`),
      })),
      notLoaded: parsed?.notLoaded ?? [],
      groups: parsed && !noneChosen ? (reportOf(parsed).groups ?? null) : null,
      indicatorItems: indicatorItems(parsed?.indicators ?? []),
      chosen: (parsed?.indicators ?? []).filter((i) => i.chosen).map((i) => i.column),
      choiceMade: choice.made,
      noneChosen,
      ...(noneChosen
        ? {
            errors: toFormErrors([{ field: 'indicators', message: 'Select at least one indicator to load' }]),
          }
        : {}),
      sample: (parsed?.observations ?? []).slice(0, PREVIEW_ROWS).map((o) => ({
        ...o,
        areaText:
          o.area === 'council'
            ? 'Council'
            : `${observationAreaNames[o.area]}${o.areaName ? `: ${o.areaName}` : ''}`,
        figure: o.suppression ?? String(o.value),
      })),
      previewRows: PREVIEW_ROWS,
      statusNames,
      ...workflowButtons(flow, dataLoadState(found.status)),
      breadcrumbs: [...crumbs, { text: 'Load figures', href: paths.dataLoads() }],
    });
  });

  app.post<{ Params: RouteParams<typeof paths.confirmDataLoad> }>(
    paths.confirmDataLoad.pattern,
    async (request, reply) => {
      const { user, found } = await load(request, reply);
      const choice = choiceOf(request.body as Record<string, unknown>);
      if (choice.made && choice.indicators.length === 0)
        return reply.redirect(`${paths.dataLoad(found.id)}${choiceQuery(choice)}`, 303);
      return runImportAction(
        reply,
        { flow, state: dataLoadState(found.status), action: 'confirm' },
        async () => {
          try {
            const result = await confirmLoad(
              app.db,
              found,
              { userId: user.id, name: user.name },
              observationFileReaderWith(optionsOf(choice)),
            );
            flash(
              request,
              result.report.neighbours
                ? 'Statistical neighbour model loaded'
                : result.report.inspections !== undefined
                  ? 'Inspections recorded'
                  : result.report.catalogueIndicators !== undefined
                    ? 'DfE indicators added to the catalogue'
                    : 'Figures loaded',
            );
            return reply.redirect(paths.dataLoad(result.loadId), 303);
          } catch (error) {
            if (!(error instanceof LoadRefusedError)) throw error;
            // The preview already lists the problems; show it again (with the choice) rather than a new page.
            return reply.redirect(`${paths.dataLoad(found.id)}${choiceQuery(choice)}`, 303);
          }
        },
      );
    },
  );

  app.post<{ Params: RouteParams<typeof paths.discardDataLoad> }>(
    paths.discardDataLoad.pattern,
    async (request, reply) => {
      const { found } = await load(request, reply);
      return runImportAction(
        reply,
        { flow, state: dataLoadState(found.status), action: 'discard' },
        async () => {
          await discardLoad(app.db, found);
          flash(request, 'Load discarded');
          return reply.redirect(paths.dataLoads(), 303);
        },
      );
    },
  );
}
