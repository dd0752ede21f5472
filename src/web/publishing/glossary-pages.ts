import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertRecord, recordChange, updateRecord } from '../../db/changes.ts';
import { getGlossaryEntry, getSettings, listGlossary } from '../../db/publishing/settings.ts';
import { glossaryEntries, publishingSettings } from '../../db/schema.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { FieldError } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { glossaryForm, readingAgeForm } from './forms.ts';
import { plainLanguageList } from './plain-list.ts';
import { listPlans } from '../../db/plan/queries.ts';

const resource = { type: 'publication' as const };

/** The council glossary (acronyms spelled out on public pages) and the target reading age. */
export async function glossaryPages(app: FastifyInstance) {
  app.get('/publishing/glossary', async (request, reply) => {
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

  const duplicate = (error: unknown) => {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return (cause as { code?: string }).code === '23505'
      ? new FieldError('acronym', 'The glossary already has that acronym')
      : error;
  };

  createRoute(app, {
    path: '/publishing/glossary/new',
    action: 'edit',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => resource,
    form: glossaryForm,
    formContext: () => undefined,
    initialValues: () => ({ explain: 'yes', confirmed: 'yes' }),
    page: () => ({ section: 'publishing', title: 'Add an acronym', cancelLink: paths.publishing.glossary() }),
    create: async (user, data, actor) => {
      await listGlossary(app.db, user.organisationId);
      return insertRecord(
        app.db,
        glossaryEntries,
        'glossary-entry',
        user.organisationId,
        { ...data, organisationId: user.organisationId },
        actor,
      ).catch((error) => {
        throw duplicate(error);
      });
    },
    done: () => paths.publishing.glossary(),
  });

  const loadEntry = async (request: FastifyRequest, reply: Parameters<typeof requireUser>[1]) => {
    const user = requireUser(request, reply);
    const entry = await getGlossaryEntry(
      app.db,
      user.organisationId,
      parseId((request.params as { id: string }).id, 'Glossary entry'),
    );
    if (!entry) throw new NotFoundError('Glossary entry');
    return entry;
  };

  editRoute(app, {
    path: '/publishing/glossary/:id/edit',
    action: 'edit',
    load: loadEntry,
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
      updateRecord(
        app.db,
        glossaryEntries,
        'glossary-entry',
        entry.organisationId,
        entry.id,
        version,
        data,
        actor,
      ).catch((error) => {
        throw duplicate(error);
      }),
    done: () => paths.publishing.glossary(),
  });

  app.post('/publishing/glossary/:id/delete', async (request, reply) => {
    const entry = await loadEntry(request, reply);
    const user = authorize(request, reply, 'edit', resource);
    await app.db.transaction(async (tx) => {
      const [before] = await tx
        .delete(glossaryEntries)
        .where(and(eq(glossaryEntries.id, entry.id), eq(glossaryEntries.organisationId, user.organisationId)))
        .returning();
      if (before)
        await recordChange(tx, {
          organisationId: user.organisationId,
          recordType: 'glossary-entry',
          recordId: entry.id,
          action: 'delete',
          actor: { userId: user.id, name: user.name },
          before,
          after: null,
        });
    });
    return reply.redirect(paths.publishing.glossary(), 303);
  });

  // One settings row per council; a change is written with its history row like any other.
  app.get('/publishing/settings', async (request, reply) => {
    const user = authorize(request, reply, 'edit', resource);
    const settings = await getSettings(app.db, user.organisationId);
    return reply.page('forms/record-form.njk', {
      section: 'publishing',
      title: 'Target reading age',
      action: paths.publishing.settings(),
      cancelLink: paths.publishing.glossary(),
      fields: readingAgeForm.fields(undefined),
      values: readingAgeForm.toValues(settings),
      version: settings.version,
    });
  });

  app.post('/publishing/settings', async (request, reply) => {
    const user = authorize(request, reply, 'edit', resource);
    const fields = readingAgeForm.fields(undefined);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      targetReadingAge: typeof body.targetReadingAge === 'string' ? body.targetReadingAge : '',
    };
    const result = readingAgeForm.read(values, undefined);
    const version = Number(body.version);
    if (!result.ok) {
      return reply.code(400).page('forms/record-form.njk', {
        section: 'publishing',
        title: 'Target reading age',
        action: paths.publishing.settings(),
        cancelLink: paths.publishing.glossary(),
        fields,
        values,
        version,
        errors: result.errors,
      });
    }
    await app.db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(publishingSettings)
        .where(eq(publishingSettings.organisationId, user.organisationId))
        .for('update');
      const [after] = await tx
        .update(publishingSettings)
        .set({
          targetReadingAge: result.data.targetReadingAge,
          version: sql`${publishingSettings.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(publishingSettings.organisationId, user.organisationId))
        .returning();
      await recordChange(tx, {
        organisationId: user.organisationId,
        recordType: 'publishing-settings',
        recordId: user.organisationId,
        action: 'update',
        actor: { userId: user.id, name: user.name },
        before: before ?? null,
        after: after ?? null,
      });
    });
    return reply.redirect(paths.publishing.glossary(), 303);
  });
}
