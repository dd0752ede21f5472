import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { removeTemplate, renameTemplate, TemplateNameTakenError } from '../../db/imports/commands.ts';
import { findTemplate, listTemplates, type ImportTemplate } from '../../db/imports/queries.ts';
import { templateNameMax } from '../../domain/import-templates.ts';
import { documentKindNames } from '../../domain/imports.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import type { RecordForm } from '../forms/fields.ts';
import { field, FieldError, parseForm } from '../forms/parse.ts';
import { editRoute } from '../forms/record-routes.ts';
import { text } from '../forms/validate.ts';
import { flash } from '../flash.ts';
import { paths, type RouteParams } from '../paths.ts';

/*
 * The council's import templates: listed with their kind and when each was last used, renamed, and
 * removed (archived). Saving one is part of confirming an import (routes.ts).
 */

const resource = { type: 'import-template' } as const;

const renameForm: RecordForm<undefined, { name: string }, ImportTemplate> = {
  fields: () => [{ kind: 'input', name: 'name', label: 'Name', classes: 'govuk-!-width-two-thirds' }],
  read: (values) =>
    parseForm(
      z.object({ name: text('Name', { max: templateNameMax, required: 'Enter a name for the template' }) }),
      values,
    ),
  toValues: (template) => ({ name: template.name }),
};

export const importTemplateRoutes: FastifyPluginAsync = (app) => {
  const load = async (
    request: FastifyRequest<{ Params: RouteParams<typeof paths.renameImportTemplate> }>,
    reply: FastifyReply,
  ) => {
    const user = authorize(request, reply, 'read', resource);
    const template = await findTemplate(
      app.db,
      user.organisationId,
      parseId(request.params.templateId, 'Template'),
    );
    if (!template) throw new NotFoundError('Template');
    return template;
  };

  app.get(paths.importTemplates.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    return reply.page('imports/templates.njk', {
      title: 'Import templates',
      templates: await listTemplates(app.db, user.organisationId),
      kindNames: documentKindNames,
      backLink: paths.imports(),
    });
  });

  editRoute(app, {
    path: paths.renameImportTemplate.pattern,
    action: 'edit',
    load,
    resource: () => resource,
    form: renameForm,
    formContext: () => undefined,
    record: (template) => template,
    historyKey: (template) => ({
      organisationId: template.organisationId,
      recordType: 'import-template',
      recordId: template.id,
    }),
    page: (template) => ({
      title: 'Rename the template',
      caption: template.name,
      cancelLink: paths.importTemplates(),
      section: 'imports',
    }),
    doneMessage: 'Template renamed',
    save: async (template, data, version, actor) => {
      try {
        return await renameTemplate(app.db, template, version, data.name, actor);
      } catch (error) {
        if (error instanceof TemplateNameTakenError) throw new FieldError('name', error.message);
        throw error;
      }
    },
    done: () => paths.importTemplates(),
  });

  app.get<{ Params: RouteParams<typeof paths.removeImportTemplate> }>(
    paths.removeImportTemplate.pattern,
    async (request, reply) => {
      const template = await load(request, reply);
      authorize(request, reply, 'delete', resource);
      return reply.page('imports/remove-template.njk', {
        title: `Remove the template ${template.name}`,
        template,
        backLink: paths.importTemplates(),
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.removeImportTemplate> }>(
    paths.removeImportTemplate.pattern,
    async (request, reply) => {
      const template = await load(request, reply);
      const user = authorize(request, reply, 'delete', resource);
      const version = Number(field(request.body, 'version'));
      const removed = await removeTemplate(app.db, template, version, { userId: user.id, name: user.name });
      if (!removed.ok && removed.conflict) {
        const current = (await findTemplate(app.db, user.organisationId, template.id)) ?? template;
        return reply.code(409).page('imports/remove-template.njk', {
          title: `Remove the template ${current.name}`,
          template: current,
          conflict: true,
          backLink: paths.importTemplates(),
        });
      }
      if (!removed.ok) throw new NotFoundError('Template');
      flash(request, 'Template removed');
      return reply.redirect(paths.importTemplates(), 303);
    },
  );

  return Promise.resolve();
};
