import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  confirmImport,
  discardImport,
  ImportIncompleteError,
  remapPendingImport,
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
  suggestTemplate,
  templateName,
  type DocumentImport,
} from '../../db/imports/queries.ts';
import { textEncodingNames } from '../../domain/document-structure.ts';
import { noOverrides, parseImportMapping } from '../../domain/import-mapping.ts';
import { defaultTemplateName, templateNameMax } from '../../domain/import-templates.ts';
import { documentKindNames } from '../../domain/imports.ts';
import { documentImportStatusNames as statusNames } from '../../domain/workflows/import.ts';
import { mapForImport, readForImport } from '../../import/read-for-import.ts';
import { summarise } from '../../import/recognise.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field, toFormErrors, type FormErrors } from '../forms/parse.ts';
import { runImportAction, workflowButtons } from '../import-workflow.ts';
import { paths, type RouteParams } from '../paths.ts';
import { readUpload } from '../uploads.ts';
import { previewOf, sideBySide } from './preview.ts';
import { readingFormView, readReadingForm } from './reading-form.ts';
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
    // Read in a worker thread: a large document takes seconds, and other requests must not wait.
    const read = await readForImport(upload.bytes, upload.fileName, (bytes, name) =>
      app.structurePool.read(bytes, name),
    );
    if (!read.ok) return refuse(read.message);
    // The council's template for this layout first: a document read once with a person's help is read
    // the same way the next time.
    const template = read.layoutSignature
      ? await suggestTemplate(app.db, user.organisationId, read.layoutSignature)
      : null;
    const saved = template ? parseImportMapping(template.mapping) : undefined;
    const mapped = mapForImport(read, saved ? { mapping: saved, source: 'template' } : {});
    const pending = await savePendingImport(app.db, {
      organisationId: user.organisationId,
      fileName: read.fileName,
      contentHash: read.contentHash,
      document: mapped.document,
      nonBlankLines: mapped.summary.lines.nonBlank,
      userId: user.id,
      lines: read.lines,
      format: read.format,
      encoding: read.encoding ?? '',
      structure: read.structure ?? null,
      mapping: mapped.mapping,
      overrides: null,
      layoutSignature: read.layoutSignature ?? null,
      mappingSource: mapped.source,
      templateId: saved ? template!.id : null,
    });
    return reply.redirect(paths.importPreview(pending.id), 303);
  });

  /** The preview: the records, each beside its source lines, and the form that changes the reading. */
  const renderPreview = async (
    reply: FastifyReply,
    user: ReturnType<typeof authorize>,
    found: DocumentImport,
    extra: { errors?: FormErrors; values?: Record<string, string> } = {},
  ) => {
    const document = found.document;
    const already =
      found.status === 'pending'
        ? await findImportedByHash(app.db, user.organisationId, found.contentHash)
        : null;
    const mapping = parseImportMapping(found.mapping);
    const reading =
      found.status === 'pending' && found.structure && mapping
        ? readingFormView(
            found.structure,
            mapping,
            document.kind,
            document.unplaced,
            found.overrides ?? noOverrides,
          )
        : null;
    const kindName = documentKindNames[document.kind] ?? document.kind;
    return reply.page('imports/preview.njk', {
      title: found.status === 'pending' ? 'Check the import' : `Import of ${found.fileName}`,
      found,
      already,
      kindName,
      statusNames,
      summary: summarise(document, found.nonBlankLines),
      preview: previewOf(document),
      records: sideBySide(document, found.sourceText),
      resolutions: found.resolutions,
      reading,
      readWith: {
        format: found.format,
        encoding: textEncodingNames[found.encoding as keyof typeof textEncodingNames] ?? '',
        template: await templateName(app.db, user.organisationId, found.templateId),
        source: found.mappingSource,
      },
      canSaveTemplate: found.status === 'pending' && mapping !== undefined,
      defaultTemplateName: defaultTemplateName(kindName, found.fileName),
      errors: extra.errors,
      values: extra.values ?? {},
      ...workflowButtons(flow, found.status),
      backLink: paths.imports(),
    });
  };

  app.get<{ Params: RouteParams<typeof paths.importPreview> }>(
    paths.importPreview.pattern,
    async (request, reply) => {
      const { user, found } = await load(request, reply);
      return renderPreview(reply, user, found);
    },
  );

  // "Change how this document is read": the stored structure read again with the person's mapping.
  app.post<ImportParams>(paths.remapImport.pattern, async (request, reply) => {
    const { user, found } = await load(request, reply);
    return runImportAction(reply, { flow, state: found.status, action: 'remap' }, async () => {
      const mapping = parseImportMapping(found.mapping);
      const structure = found.structure;
      if (!structure || !mapping)
        return renderPreview(reply.code(400), user, found, {
          errors: toFormErrors([
            { field: 'reading', message: 'How this document is read cannot be changed: upload it again' },
          ]),
        });
      const unplaced = new Set(found.document.unplaced.map((l) => l.number));
      const placedBefore = (line: number) =>
        structure.lines
          .filter((l) => l.number < line && l.text.trim() !== '' && !unplaced.has(l.number))
          .at(-1)?.number;
      const chosen = readReadingForm(request.body, structure, mapping, placedBefore);
      const mapped = mapForImport(
        {
          ok: true,
          fileName: found.fileName,
          format: 'text',
          structure,
          contentHash: '',
          lines: structure.lines,
        },
        { mapping: chosen.mapping, overrides: chosen.overrides, source: 'person' },
      );
      await remapPendingImport(app.db, found, {
        document: mapped.document,
        mapping: chosen.mapping,
        overrides: chosen.overrides,
        mappingSource: 'person',
        // A corrected reading is the person's: the template it started from is no longer what read it.
        templateId: null,
      });
      flash(request, 'The document was read again');
      return reply.redirect(paths.importPreview(found.id) + '#records', 303);
    });
  });

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
      const values = {
        saveTemplate: field(request.body, 'saveTemplate'),
        templateName: field(request.body, 'templateName'),
      };
      const asTemplate = values.saveTemplate === 'yes';
      const name =
        values.templateName.trim() ||
        defaultTemplateName(documentKindNames[found.document.kind] ?? found.document.kind, found.fileName);
      if (asTemplate && name.length > templateNameMax)
        return renderPreview(reply.code(400), user, found, {
          values,
          errors: toFormErrors([
            {
              field: 'templateName',
              message: `The template's name must be ${templateNameMax} characters or fewer`,
            },
          ]),
        });
      return runImportAction(reply, { flow, state: found.status, action: 'confirm' }, async () => {
        let result;
        try {
          result = await confirmImport(
            app.db,
            found,
            { userId: user.id, name: user.name },
            asTemplate ? { saveAsTemplate: { name } } : {},
          );
        } catch (error) {
          if (!(error instanceof ImportIncompleteError)) throw error;
          return renderPreview(reply.code(400), user, found, {
            values,
            errors: toFormErrors([{ field: found.structure ? 'kind' : 'confirm', message: error.message }]),
          });
        }
        flash(
          request,
          asTemplate ? `Document imported, and saved as the template ${name}` : 'Document imported',
        );
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
