import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertRecord, updateRecord } from '../../db/changes.ts';
import { getFeedback, listFeedback } from '../../db/publishing/feedback.ts';
import { feedback } from '../../db/schema.ts';
import { can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { mayPublish, publicWords } from '../public/consent.ts';
import { feedbackForm } from './forms.ts';
import { consentNames, feedbackKindNames, feedbackSourceNames, feedbackStatusNames } from './labels.ts';

const resource = { type: 'publication' as const };
const statuses = ['draft', 'approved', 'published'] as const;

/** "You said, We did": recording feedback with its consent, and the draft → approved → published workflow. */
export async function feedbackPages(app: FastifyInstance) {
  const labels = { consentNames, feedbackKindNames, feedbackSourceNames, feedbackStatusNames };

  app.get<{ Querystring: { status?: string } }>('/publishing/feedback', async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const status = statuses.find((s) => s === request.query.status);
    const rows = await listFeedback(app.db, user.organisationId, status ? { status } : {});
    return reply.page('publishing/feedback-list.njk', {
      title: 'You said, We did',
      section: 'publishing',
      rows,
      status,
      statuses,
      ...labels,
      canEdit: can(user, 'edit', resource),
    });
  });

  createRoute(app, {
    path: '/publishing/feedback/new',
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => resource,
    form: feedbackForm,
    formContext: () => undefined,
    initialValues: () => ({ kind: 'you-said-we-did', source: 'unknown', consent: 'not-asked' }),
    page: () => ({ section: 'publishing', title: 'Add feedback', cancelLink: paths.publishing.feedback() }),
    create: (user, data, actor) =>
      insertRecord(
        app.db,
        feedback,
        'feedback',
        user.organisationId,
        { ...data, organisationId: user.organisationId },
        actor,
      ),
    done: (_user, created) => paths.publishing.feedbackItem(created.id),
  });

  const load = async (request: FastifyRequest, reply: Parameters<typeof requireUser>[1]) => {
    const user = requireUser(request, reply);
    const row = await getFeedback(
      app.db,
      user.organisationId,
      parseId((request.params as { id: string }).id, 'Feedback'),
    );
    if (!row) throw new NotFoundError('Feedback');
    return row;
  };

  app.get('/publishing/feedback/:id', async (request, reply) => {
    const row = await load(request, reply);
    const user = authorize(request, reply, 'read', resource);
    // What the public page would show if it were published now.
    const preview = publicWords({ ...row, status: 'published' });
    return reply.page('publishing/feedback-item.njk', {
      title: feedbackKindNames[row.kind],
      section: 'publishing',
      row,
      preview,
      mayPublish: mayPublish(row),
      ...labels,
      canEdit: can(user, 'edit', resource),
      canPublish: can(user, 'publish', resource),
    });
  });

  editRoute(app, {
    path: '/publishing/feedback/:id/edit',
    action: 'edit',
    load,
    resource: () => resource,
    form: feedbackForm,
    formContext: () => undefined,
    record: (row) => row,
    historyKey: (row) => ({ organisationId: row.organisationId, recordType: 'feedback', recordId: row.id }),
    page: (row) => ({
      section: 'publishing',
      title: 'Change feedback',
      cancelLink: paths.publishing.feedbackItem(row.id),
    }),
    save: (row, data, version, actor) =>
      updateRecord(app.db, feedback, 'feedback', row.organisationId, row.id, version, data, actor),
    done: (row) => paths.publishing.feedbackItem(row.id),
  });

  app.post('/publishing/feedback/:id/status', async (request, reply) => {
    const row = await load(request, reply);
    const to = statuses.find((s) => s === field(request.body, 'status'));
    if (!to) throw new NotFoundError('Status');
    const user = authorize(
      request,
      reply,
      to === 'published' || row.status === 'published' ? 'publish' : 'edit',
      resource,
    );
    const version = Number(field(request.body, 'version'));
    const render = (code: number, message: string) =>
      reply.code(code).page('publishing/feedback-item.njk', {
        title: feedbackKindNames[row.kind],
        section: 'publishing',
        row,
        preview: publicWords({ ...row, status: 'published' }),
        mayPublish: mayPublish(row),
        ...labels,
        canEdit: true,
        canPublish: true,
        errors: { list: [{ text: message, href: '#status-actions' }], byField: {} },
      });
    // Consent is checked at the moment of publishing, so an item whose consent changed cannot slip through.
    if (to === 'published' && !mayPublish(row))
      return render(
        400,
        'This cannot be published: they have not agreed to it being published. Record their consent first.',
      );
    const saved = await updateRecord(
      app.db,
      feedback,
      'feedback',
      row.organisationId,
      row.id,
      version,
      { status: to },
      { userId: user.id, name: user.name },
    );
    if (!saved.ok && saved.conflict)
      return render(
        409,
        'Someone else changed this feedback while you were looking at it. Check it and try again.',
      );
    return reply.redirect(paths.publishing.feedbackItem(row.id), 303);
  });
}
