import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createFeedback,
  moveFeedback,
  PublishingError,
  updateFeedback,
} from '../../db/publishing/commands.ts';
import { getFeedback, listFeedback, type FeedbackRow } from '../../db/publishing/queries.ts';
import { can } from '../../domain/policies.ts';
import { mayPublish, publicWords } from '../../domain/publishing/consent.ts';
import { consentNames, feedbackKindNames, feedbackSourceNames } from '../../domain/publishing/feedback.ts';
import {
  feedbackActions,
  feedbackMoveAction,
  feedbackStatuses,
  feedbackStatusNames,
  isFeedbackStatus,
} from '../../domain/workflows/publication.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { feedbackForm } from './feedback-forms.ts';
import { flash } from '../flash.ts';

const resource = { type: 'publication' as const };

/** "You said, We did": recording feedback with its consent, and the draft → approved → published workflow. */
export function feedbackPages(app: FastifyInstance): void {
  const labels = { consentNames, feedbackKindNames, feedbackSourceNames, feedbackStatusNames };

  app.get<{ Querystring: { status?: string } }>(paths.publishing.feedback.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const status = feedbackStatuses.find((s) => s === request.query.status);
    const rows = await listFeedback(app.db, user.organisationId, status ? { status } : {});
    return reply.page('publishing/feedback-list.njk', {
      title: 'You said, We did',
      section: 'publishing',
      rows,
      status,
      statuses: feedbackStatuses,
      ...labels,
      canEdit: can(user, 'edit', resource),
    });
  });

  createRoute(app, {
    path: paths.publishing.newFeedback.pattern,
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => resource,
    form: feedbackForm,
    formContext: () => undefined,
    initialValues: () => ({ kind: 'you-said-we-did', source: 'unknown', consent: 'not-asked' }),
    page: () => ({ section: 'publishing', title: 'Add feedback', cancelLink: paths.publishing.feedback() }),
    create: (user, data, actor) => createFeedback(app.db, user.organisationId, data, actor),
    done: (_user, created) => paths.publishing.feedbackItem(created.id),
  });

  const loadFeedback = async (request: FastifyRequest, reply: FastifyReply, feedbackId: number) => {
    const user = requireUser(request, reply);
    const row = await getFeedback(app.db, user.organisationId, feedbackId);
    if (!row) throw new NotFoundError('Feedback');
    return row;
  };
  const load = (request: FastifyRequest<{ Params: { feedbackId: string } }>, reply: FastifyReply) =>
    loadFeedback(request, reply, parseId(request.params.feedbackId, 'Feedback'));

  /** The item's page: what the public would see, and the workflow's buttons this person may press. */
  const itemPage = (request: FastifyRequest, row: FeedbackRow) => {
    const user = request.user!;
    return {
      title: feedbackKindNames[row.kind],
      section: 'publishing',
      row,
      // What the public page would show if it were published now: the approved wording or nothing.
      preview: publicWords({ ...row, status: 'published' }),
      approved: row.approvedAt !== null,
      mayPublish: mayPublish(row),
      actions: feedbackActions(row, (action) => can(user, action, resource)),
      ...labels,
      canEdit: can(user, 'edit', resource),
      canPublish: can(user, 'publish', resource),
    };
  };

  app.get<{ Params: RouteParams<typeof paths.publishing.feedbackItem> }>(
    paths.publishing.feedbackItem.pattern,
    async (request, reply) => {
      const row = await loadFeedback(request, reply, parseId(request.params.feedbackId, 'Feedback'));
      authorize(request, reply, 'read', resource);
      return reply.page('publishing/feedback-item.njk', itemPage(request, row));
    },
  );

  editRoute(app, {
    path: paths.publishing.editFeedback.pattern,
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
    save: (row, data, version, actor) => updateFeedback(app.db, row, version, data, actor),
    done: (row) => paths.publishing.feedbackItem(row.id),
  });

  app.post<{ Params: RouteParams<typeof paths.publishing.feedbackStatus> }>(
    paths.publishing.feedbackStatus.pattern,
    async (request, reply) => {
      const row = await loadFeedback(request, reply, parseId(request.params.feedbackId, 'Feedback'));
      const to = field(request.body, 'status');
      if (!isFeedbackStatus(to)) throw new NotFoundError('Status');
      const user = authorize(request, reply, feedbackMoveAction(row.status, to), resource);
      const version = Number(field(request.body, 'version'));
      const render = (code: number, message: string) =>
        reply.code(code).page('publishing/feedback-item.njk', {
          ...itemPage(request, row),
          errors: { list: [{ text: message, href: '#status-actions' }], byField: {} },
        });
      try {
        // The rule is checked again by the command against the row as stored, at the moment of the move.
        const saved = await moveFeedback(app.db, row, to, version, { userId: user.id, name: user.name });
        if (!saved.ok && saved.conflict)
          return await render(
            409,
            'Someone else changed this feedback while you were looking at it. Check it and try again.',
          );
      } catch (error) {
        if (error instanceof PublishingError) return render(400, error.message);
        throw error;
      }
      flash(request, 'Status changed');
      return reply.redirect(paths.publishing.feedbackItem(row.id), 303);
    },
  );
}
