import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  applyLoad,
  discardLoad,
  findLoad,
  findLoadedByHash,
  listLoads,
  LoadRefusedError,
  readLoad,
  reportOf,
  savePendingLoad,
} from '../../db/measures/loads.ts';
import { layoutNames, type Layout } from '../../import/observations/types.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { toFormErrors } from '../forms/parse.ts';
import { paths } from '../paths.ts';

const statusNames = {
  pending: 'Waiting for you to check',
  loaded: 'Loaded',
  discarded: 'Discarded',
} as const;
const areaWords: Record<string, string> = {
  council: 'Council',
  'statistical-neighbours': 'Statistical neighbours average',
  'statistical-neighbour': 'Statistical neighbour',
  region: 'Region',
  england: 'England',
};
const PREVIEW_ROWS = 100;
const crumbs = [{ text: 'Scorecard', href: paths.scorecard() }];

/** Upload a file of figures, see every row's problem or what would be loaded, then load it all or nothing. */
export async function loadPages(app: FastifyInstance) {
  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const found = await findLoad(
      app.db,
      user.organisationId,
      parseId((request.params as { loadId: string }).loadId, 'Data load'),
    );
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

  app.get(paths.dataLoads(), async (request, reply) => {
    authorize(request, reply, 'import', { type: 'import' });
    return listPage(request, reply);
  });

  app.post(paths.dataLoads(), async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const file = (request.body as Record<string, unknown> | undefined)?.file as MultipartFile | undefined;
    if (!file || typeof file !== 'object' || !('toBuffer' in file) || !file.filename) {
      return listPage(request, reply.code(400), {
        errors: toFormErrors([{ field: 'file', message: 'Select a CSV or Excel file' }]),
      });
    }
    const bytes = await file.toBuffer();
    if (bytes.length === 0)
      return listPage(request, reply.code(400), {
        errors: toFormErrors([{ field: 'file', message: 'The selected file is empty' }]),
      });
    const parsed = await readLoad(app.db, user.organisationId, file.filename, bytes);
    const pending = await savePendingLoad(app.db, {
      organisationId: user.organisationId,
      fileName: file.filename,
      bytes,
      parsed,
      userId: user.id,
    });
    return reply.redirect(paths.dataLoad(pending.id), 303);
  });

  app.get('/scorecard/loads/:loadId', async (request, reply) => {
    const { user, found } = await load(request, reply);
    const pending = found.status === 'pending' && found.content !== null;
    const parsed = pending
      ? await readLoad(app.db, user.organisationId, found.fileName, found.content!)
      : null;
    const already = pending ? await findLoadedByHash(app.db, user.organisationId, found.contentHash) : null;
    return reply.page('scorecard/load-preview.njk', {
      title: pending ? 'Check the figures before loading' : `Load of ${found.fileName}`,
      found,
      already,
      report: parsed ? reportOf(parsed) : null,
      layoutName: layoutNames[(parsed?.layout ?? found.layout) as Layout] ?? found.layout,
      newMeasures: parsed?.newMeasures ?? [],
      sample: (parsed?.observations ?? []).slice(0, PREVIEW_ROWS).map((o) => ({
        ...o,
        areaText:
          o.area === 'council' ? 'Council' : `${areaWords[o.area]}${o.areaName ? `: ${o.areaName}` : ''}`,
        figure: o.suppression ?? String(o.value),
      })),
      previewRows: PREVIEW_ROWS,
      statusNames,
      breadcrumbs: [...crumbs, { text: 'Load figures', href: paths.dataLoads() }],
    });
  });

  app.post('/scorecard/loads/:loadId/confirm', async (request, reply) => {
    const { user, found } = await load(request, reply);
    if (found.status !== 'pending' || found.content === null)
      return reply.redirect(paths.dataLoad(found.id), 303);
    try {
      const result = await applyLoad(app.db, {
        organisationId: user.organisationId,
        fileName: found.fileName,
        bytes: found.content,
        actor: { userId: user.id, name: user.name },
        pendingId: found.id,
      });
      if (result.outcome === 'already-loaded') await discardLoad(app.db, found);
      return reply.redirect(paths.dataLoad(result.loadId), 303);
    } catch (error) {
      if (!(error instanceof LoadRefusedError)) throw error;
      // The preview already lists the problems; show it again rather than a new page.
      return reply.redirect(paths.dataLoad(found.id), 303);
    }
  });

  app.post('/scorecard/loads/:loadId/discard', async (request, reply) => {
    const { found } = await load(request, reply);
    await discardLoad(app.db, found);
    return reply.redirect(paths.dataLoads(), 303);
  });
}
