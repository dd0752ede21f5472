import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createGlossaryEntry,
  deleteGlossaryEntry,
  setTargetReadingAge,
  updateGlossaryEntry,
} from '../../db/publishing/commands.ts';
import { getGlossaryEntry, getSettings, listGlossary } from '../../db/publishing/queries.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { onField } from './errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { glossaryForm, readingAgeForm } from './glossary-forms.ts';
import { plainLanguageList } from './plain-list.ts';
import { listPlans } from '../../db/plan/queries.ts';
import { flash } from '../flash.ts';

const resource = { type: 'publication' as const };

/** The council glossary (acronyms spelled out on public pages) and the target reading age. */
export function glossaryPages(app: FastifyInstance): void {
  app.get(paths.publishing.glossary.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const [rows, settings, plans] = await Promise.all([
      listGlossary(app.db, user.organisationId),
      getSettings(app.db, user.organisationId),
      listPlans(app.db, user.organisationId),
    ]);
    // Acronyms in any plan's public text that readers would not get explained.
    const unknown = new Set<string>();
    for (const plan of plans)
      for (const a of (await plainLanguageList(app.db, user.organisationId, plan.id)).unknownAcronyms)
        unknown.add(a);
    return reply.page('publishing/glossary.njk', {
      title: 'Glossary',
      section: 'publishing',
      rows,
      settings,
      unknownAcronyms: [...unknown],
    });
  });

  createRoute(app, {
    path: paths.publishing.newGlossaryEntry.pattern,
    action: 'edit',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => resource,
    form: glossaryForm,
    formContext: () => undefined,
    initialValues: () => ({ explain: 'yes', confirmed: 'yes' }),
    page: () => ({ section: 'publishing', title: 'Add an acronym', cancelLink: paths.publishing.glossary() }),
    create: (user, data, actor) =>
      onField(() => createGlossaryEntry(app.db, user.organisationId, data, actor)),
    done: () => paths.publishing.glossary(),
  });

  const loadEntry = async (request: FastifyRequest, reply: FastifyReply, entryId: number) => {
    const user = requireUser(request, reply);
    const entry = await getGlossaryEntry(app.db, user.organisationId, entryId);
    if (!entry) throw new NotFoundError('Glossary entry');
    return entry;
  };

  editRoute(app, {
    path: paths.publishing.editGlossaryEntry.pattern,
    action: 'edit',
    // The shared record routes do not type their parameters.
    load: (request, reply) => loadEntry(request, reply, parseId(request.params.entryId, 'Glossary entry')),
    resource: () => resource,
    form: glossaryForm,
    formContext: () => undefined,
    record: (entry) => entry,
    historyKey: (entry) => ({
      organisationId: entry.organisationId,
      recordType: 'glossary-entry',
      recordId: entry.id,
    }),
    page: (entry) => ({
      section: 'publishing',
      title: `Change ${entry.acronym}`,
      cancelLink: paths.publishing.glossary(),
    }),
    save: (entry, data, version, actor) =>
      onField(() => updateGlossaryEntry(app.db, entry, version, data, actor)),
    done: () => paths.publishing.glossary(),
  });

  app.post<{ Params: RouteParams<typeof paths.publishing.deleteGlossaryEntry> }>(
    paths.publishing.deleteGlossaryEntry.pattern,
    async (request, reply) => {
      const entry = await loadEntry(request, reply, parseId(request.params.entryId, 'Glossary entry'));
      const user = authorize(request, reply, 'edit', resource);
      await deleteGlossaryEntry(app.db, entry, { userId: user.id, name: user.name });
      flash(request, 'Acronym removed');
      return reply.redirect(paths.publishing.glossary(), 303);
    },
  );

  // One settings row per council; a change is written with its history row like any other, and a
  // save over someone else's newer one is shown as a conflict, as every edit form does.
  editRoute(app, {
    path: paths.publishing.settings.pattern,
    action: 'edit',
    load: async (request, reply) => getSettings(app.db, requireUser(request, reply).organisationId),
    resource: () => resource,
    form: readingAgeForm,
    formContext: () => undefined,
    doneMessage: 'Target reading age saved',
    record: (settings) => settings,
    historyKey: (settings) => ({
      organisationId: settings.organisationId,
      recordType: 'publishing-settings',
      recordId: settings.organisationId,
    }),
    page: () => ({
      title: 'Target reading age',
      section: 'publishing',
      cancelLink: paths.publishing.glossary(),
    }),
    save: (settings, data, version, actor) =>
      setTargetReadingAge(app.db, settings.organisationId, version, data.targetReadingAge, actor),
    done: () => paths.publishing.glossary(),
  });
}
