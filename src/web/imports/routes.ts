import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import {
  applyImport,
  findImport,
  findImportedByHash,
  listImports,
  resolveUnplacedLine,
  savePendingImport,
  undoImport,
  UndoRefusedError,
} from '../../db/imports/store.ts';
import { documentImports } from '../../db/schema.ts';
import { readDocument } from '../../import/read-document.ts';
import { summarise } from '../../import/recognise.ts';
import { documentKindNames, type ImportedDocument } from '../../import/types.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { toFormErrors } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { previewOf } from './preview.ts';

const statusNames = { pending: 'Waiting for you to check', imported: 'Imported', undone: 'Undone' } as const;

/** Upload a council document, check the preview, then import it; imports can be undone as a whole. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const found = await findImport(
      app.db,
      user.organisationId,
      parseId((request.params as { importId: string }).importId, 'Import'),
    );
    if (!found) throw new NotFoundError('Import');
    return { user, found };
  };

  app.get(paths.imports(), async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    return reply.page('imports/list.njk', {
      title: 'Imports',
      imports: await listImports(app.db, user.organisationId),
      statusNames,
      kindNames: documentKindNames,
    });
  });

  app.get(paths.newImport(), async (request, reply) => {
    authorize(request, reply, 'import', { type: 'import' });
    return reply.page('imports/new.njk', { title: 'Import a document' });
  });

  app.post(paths.imports(), async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const file = (request.body as Record<string, unknown> | undefined)?.document as MultipartFile | undefined;
    const refuse = (message: string) =>
      reply.code(400).page('imports/new.njk', {
        title: 'Import a document',
        errors: toFormErrors([{ field: 'document', message }]),
      });
    if (!file || typeof file !== 'object' || !('toBuffer' in file) || !file.filename)
      return refuse('Select a document to import');
    const result = await readDocument(await file.toBuffer(), file.filename);
    if (!result.ok) return refuse(result.message);
    const pending = await savePendingImport(app.db, {
      organisationId: user.organisationId,
      fileName: result.fileName,
      contentHash: result.contentHash,
      document: result.document,
      nonBlankLines: result.summary.lines.nonBlank,
      userId: user.id,
    });
    return reply.redirect(paths.importPreview(pending.id), 303);
  });

  app.get('/imports/:importId', async (request, reply) => {
    const { user, found } = await load(request, reply);
    const document = found.document as unknown as ImportedDocument;
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
      backLink: paths.imports(),
    });
  });

  app.post('/imports/:importId/confirm', async (request, reply) => {
    const { user, found } = await load(request, reply);
    if (found.status !== 'pending') return reply.redirect(paths.importPreview(found.id), 303);
    const result = await applyImport(app.db, found, { userId: user.id, name: user.name });
    if (result.outcome === 'already-imported')
      await app.db.delete(documentImports).where(eq(documentImports.id, found.id));
    return reply.redirect(paths.importPreview(result.importId), 303);
  });

  app.post('/imports/:importId/discard', async (request, reply) => {
    const { found } = await load(request, reply);
    if (found.status === 'pending')
      await app.db.delete(documentImports).where(eq(documentImports.id, found.id));
    return reply.redirect(paths.imports(), 303);
  });

  app.post('/imports/:importId/undo', async (request, reply) => {
    const { user, found } = await load(request, reply);
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
    return reply.redirect(paths.importPreview(found.id), 303);
  });

  app.post<{ Params: { importId: string; line: string } }>(
    '/imports/:importId/lines/:line',
    async (request, reply) => {
      const { found } = await load(request, reply);
      const line = Number(request.params.line);
      const document = found.document as unknown as ImportedDocument;
      if (!document.unplaced.some((l) => l.number === line)) throw new NotFoundError('Line');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const action = body.action === 'placed' ? 'placed' : body.action === 'dismissed' ? 'dismissed' : null;
      const note = typeof body.note === 'string' ? body.note.trim().slice(0, 1000) : '';
      if (!action)
        return reply.code(400).page('errors/error.njk', {
          title: 'Choose what to do with the line',
          status: 400,
          detail: 'Choose whether you placed the line by hand or are dismissing it.',
        });
      await resolveUnplacedLine(app.db, found, line, action, note);
      return reply.redirect(paths.importPreview(found.id) + '#unplaced', 303);
    },
  );
};
