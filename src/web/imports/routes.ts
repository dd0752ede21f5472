import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  confirmImport,
  discardImport,
  resolveUnplacedLine,
  savePendingImport,
  undoImport,
  UndoRefusedError,
} from '../../db/imports/commands.ts';
import {
  findImport,
  findImportedByHash,
  importedRecordCounts,
  listImports,
} from '../../db/imports/queries.ts';
import { documentKindNames } from '../../domain/imports.ts';
import { documentImportStatusNames as statusNames } from '../../domain/workflows/import.ts';
import { readDocument } from '../../import/read-document.ts';
import { summarise } from '../../import/recognise.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field, toFormErrors } from '../forms/parse.ts';
import { runImportAction, workflowButtons } from '../import-workflow.ts';
import { paths, type RouteParams } from '../paths.ts';
import { readUpload } from '../uploads.ts';
import { previewOf } from './preview.ts';
import { recordsCsv, recordsWorkbook } from './records-download.ts';
import { undoSummary } from './undo-summary.ts';
import { flash } from '../flash.ts';

type ImportParams = { Params: RouteParams<typeof paths.importPreview> };
const flow = 'document-import';

/** Upload a council document, check the preview, then import it; imports can be undone as a whole. */
export const importRoutes: FastifyPluginAsync = (app) => {
  const load = async (request: FastifyRequest<ImportParams>, reply: FastifyReply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const found = await findImport(app.db, user.organisationId, parseId(request.params.importId, 'Import'));
    if (!found) throw new NotFoundError('Import');
    return { user, found };
  };

  app.get(paths.imports.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    return reply.page('imports/list.njk', {
      title: 'Imports',
      imports: await listImports(app.db, user.organisationId),
      statusNames,
      kindNames: documentKindNames,
    });
  });

  app.get(paths.newImport.pattern, (request, reply) => {
    authorize(request, reply, 'import', { type: 'import' });
    return reply.page('imports/new.njk', { title: 'Import a document' });
  });

  app.post(paths.imports.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const refuse = (message: string) =>
      reply.code(400).page('imports/new.njk', {
        title: 'Import a document',
        errors: toFormErrors([{ field: 'document', message }]),
      });
    const upload = await readUpload(request.body, 'document', { missing: 'Select a document to import' });
    if (!upload.ok) return refuse(upload.message);
    const result = await readDocument(upload.bytes, upload.fileName);
    if (!result.ok) return refuse(result.message);
    const pending = await savePendingImport(app.db, {
      organisationId: user.organisationId,
      fileName: result.fileName,
      contentHash: result.contentHash,
      document: result.document,
      nonBlankLines: result.summary.lines.nonBlank,
      userId: user.id,
      lines: result.lines,
    });
    return reply.redirect(paths.importPreview(pending.id), 303);
  });

  app.get<{ Params: RouteParams<typeof paths.importPreview> }>(
    paths.importPreview.pattern,
    async (request, reply) => {
      const { user, found } = await load(request, reply);
      const document = found.document;
      const already =
        found.status === 'pending'
          ? await findImportedByHash(app.db, user.organisationId, found.contentHash)
          : null;
      return reply.page('imports/preview.njk', {
        title: found.status === 'pending' ? 'Check the import' : `Import of ${found.fileName}`,
        found,
        already,
        kindName: documentKindNames[document.kind],
        statusNames,
        summary: summarise(document, found.nonBlankLines),
        preview: previewOf(document),
        resolutions: found.resolutions,
        ...workflowButtons(flow, found.status),
        backLink: paths.imports(),
      });
    },
  );

  // The preview's records as a spreadsheet, to check row by row before confirming (docs/imports.md).
  const fileName = (found: { id: number }, extension: string) =>
    `attachment; filename="import-${found.id}-records.${extension}"`;
  app.get<ImportParams>(paths.importRecordsCsv.pattern, async (request, reply) => {
    const { found } = await load(request, reply);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', fileName(found, 'csv'))
      .send(recordsCsv(found.document, found.sourceText));
  });
  app.get<ImportParams>(paths.importRecordsXlsx.pattern, async (request, reply) => {
    const { found } = await load(request, reply);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', fileName(found, 'xlsx'))
      .send(await recordsWorkbook(found.document, found.sourceText));
  });

  app.post<{ Params: RouteParams<typeof paths.confirmImport> }>(
    paths.confirmImport.pattern,
    async (request, reply) => {
      const { user, found } = await load(request, reply);
      return runImportAction(reply, { flow, state: found.status, action: 'confirm' }, async () => {
        const result = await confirmImport(app.db, found, { userId: user.id, name: user.name });
        flash(request, 'Document imported');
        return reply.redirect(paths.importPreview(result.importId), 303);
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.discardImport> }>(
    paths.discardImport.pattern,
    async (request, reply) => {
      const { found } = await load(request, reply);
      return runImportAction(reply, { flow, state: found.status, action: 'discard' }, async () => {
        await discardImport(app.db, found);
        flash(request, 'Import discarded');
        return reply.redirect(paths.imports(), 303);
      });
    },
  );

  // Undoing removes records people may have worked on since, so it is asked for on a page that says how many.
  app.get<{ Params: RouteParams<typeof paths.undoImport> }>(
    paths.undoImport.pattern,
    async (request, reply) => {
      const { found } = await load(request, reply);
      if (!workflowButtons(flow, found.status).can.undo)
        return reply.redirect(paths.importPreview(found.id), 303);
      const summary = undoSummary(await importedRecordCounts(app.db, found.id));
      return reply.page('imports/undo.njk', {
        title: `Undo the import of ${found.fileName}`,
        found,
        summary,
        backLink: paths.importPreview(found.id),
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.undoImport> }>(
    paths.undoImport.pattern,
    async (request, reply) => {
      const { user, found } = await load(request, reply);
      return runImportAction(reply, { flow, state: found.status, action: 'undo' }, async () => {
        try {
          await undoImport(app.db, found, { userId: user.id, name: user.name });
        } catch (error) {
          if (!(error instanceof UndoRefusedError)) throw error;
          return reply.code(409).page('errors/error.njk', {
            title: 'This import cannot be undone',
            status: 409,
            detail: error.message,
          });
        }
        flash(request, 'Import undone');
        return reply.redirect(paths.importPreview(found.id), 303);
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.resolveLine> }>(
    paths.resolveLine.pattern,
    async (request, reply) => {
      const { found } = await load(request, reply);
      const line = Number(request.params.line);
      if (!found.document.unplaced.some((l) => l.number === line)) throw new NotFoundError('Line');
      const chosen = field(request.body, 'action');
      const action = chosen === 'placed' ? 'placed' : chosen === 'dismissed' ? 'dismissed' : null;
      const note = field(request.body, 'note').trim().slice(0, 1000);
      if (!action)
        return reply.code(400).page('errors/error.njk', {
          title: 'Choose what to do with the line',
          status: 400,
          detail: 'Choose whether you placed the line by hand or are dismissing it.',
        });
      return runImportAction(reply, { flow, state: found.status, action: 'resolve-line' }, async () => {
        await resolveUnplacedLine(app.db, found, line, action, note);
        flash(request, 'Line resolved');
        return reply.redirect(paths.importPreview(found.id) + '#unplaced', 303);
      });
    },
  );

  return Promise.resolve();
};
