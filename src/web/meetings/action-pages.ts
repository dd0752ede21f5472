import type { FastifyInstance } from 'fastify';
import { listUsers } from '../../db/people/queries.ts';
import { addActionUpdate, closeAction, createAction, updateAction } from '../../db/meetings/commands.ts';
import { listAgenda, listMeetingActions } from '../../db/meetings/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { actionStatusNames, isClosed } from '../../domain/meetings/vocabulary.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { actionForm, actionUpdateForm, closeActionForm } from './action-forms.ts';
import { actionResource, meetingCrumbs, meetingLoaders } from './loaders.ts';

const anyAction = actionResource({ ownerUserId: null });

/** Actions arising: a meeting's list, each action with its updates, raising, changing and closing one. */
export function actionPages(app: FastifyInstance) {
  const load = meetingLoaders(app);
  const when = (m: { meetingOn: string }) => formatDate(m.meetingOn);
  const formContext = async (organisationId: number, meetingId: number) => {
    const [items, people] = await Promise.all([
      listAgenda(app.db, meetingId),
      listUsers(app.db, organisationId),
    ]);
    return { items, people: people.map((p) => ({ id: p.id, name: p.name })) };
  };
  const actionCrumbs = (ctx: Parameters<typeof meetingCrumbs>[0]) => [
    ...meetingCrumbs(ctx),
    { text: 'Actions', href: paths.meetingActions(ctx.meeting.id) },
  ];

  app.get<{ Params: RouteParams<typeof paths.meetingActions> }>(
    paths.meetingActions.pattern,
    async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'read', anyAction);
      return reply.page('meetings/actions.njk', {
        title: `Actions: ${ctx.board.name}, ${when(ctx.meeting)}`,
        ...ctx,
        actions: await listMeetingActions(app.db, user.organisationId, ctx.meeting.id),
        actionStatusNames,
        canCreate: can(user, 'create', anyAction),
        breadcrumbs: meetingCrumbs(ctx),
      });
    },
  );

  app.get<{ Params: RouteParams<typeof paths.action> }>(paths.action.pattern, async (request, reply) => {
    const ctx = await load.action(request, reply);
    const user = authorize(request, reply, 'read', actionResource(ctx.action));
    const closed = isClosed(ctx.action.status);
    return reply.page('meetings/action.njk', {
      title: ctx.action.description,
      ...ctx,
      actionStatusNames,
      canEdit: can(user, 'edit', actionResource(ctx.action)),
      canClose: can(user, 'edit', actionResource(ctx.action)) && !closed,
      canUpdate: can(user, 'comment', actionResource(ctx.action)),
      breadcrumbs: actionCrumbs(ctx),
    });
  });

  createRoute(app, {
    path: paths.newAction.pattern,
    action: 'create',
    load: load.meeting,
    resource: () => anyAction,
    form: actionForm,
    formContext: (ctx) => formContext(ctx.board.organisationId, ctx.meeting.id),
    initialValues: () => ({ status: 'open' }),
    page: (ctx) => ({
      title: 'Add an action',
      section: 'board',
      caption: `${ctx.board.name}: ${when(ctx.meeting)}`,
      cancelLink: paths.meetingActions(ctx.meeting.id),
      breadcrumbs: actionCrumbs(ctx),
    }),
    create: (ctx, data, actor) =>
      createAction(
        app.db,
        { organisationId: ctx.board.organisationId, meeting: ctx.meeting },
        data,
        actor,
        app.clock.today(),
      ),
    done: (_ctx, created) => paths.action(created.id),
  });

  const actionPage = (title: string) => (ctx: Awaited<ReturnType<typeof load.action>>) => ({
    title,
    section: 'board',
    caption: ctx.action.description,
    cancelLink: paths.action(ctx.action.id),
    breadcrumbs: actionCrumbs(ctx),
  });
  const historyKey = (ctx: Awaited<ReturnType<typeof load.action>>) => ({
    organisationId: ctx.organisationId,
    recordType: 'meeting-action',
    recordId: ctx.action.id,
  });

  editRoute(app, {
    path: paths.editAction.pattern,
    action: 'edit',
    load: load.action,
    resource: (ctx) => actionResource(ctx.action),
    form: actionForm,
    formContext: (ctx) => formContext(ctx.organisationId, ctx.meeting.id),
    record: (ctx) => ctx.action,
    historyKey,
    page: actionPage('Change the action'),
    save: (ctx, data, version, actor) => updateAction(app.db, ctx, version, data, actor, app.clock.today()),
    done: (ctx) => paths.action(ctx.action.id),
  });

  editRoute(app, {
    path: paths.closeAction.pattern,
    action: 'edit',
    load: load.action,
    resource: (ctx) => actionResource(ctx.action),
    form: closeActionForm,
    formContext: () => undefined,
    record: (ctx) => ctx.action,
    historyKey,
    page: actionPage('Close the action'),
    doneMessage: 'Action closed',
    save: (ctx, data, version, actor) =>
      closeAction(app.db, ctx, version, { ...data, today: app.clock.today() }, actor),
    done: (ctx) => paths.action(ctx.action.id),
  });

  createRoute(app, {
    path: paths.newActionUpdate.pattern,
    action: 'comment',
    load: load.action,
    resource: (ctx) => actionResource(ctx.action),
    form: actionUpdateForm,
    formContext: () => undefined,
    page: actionPage('Add an update'),
    doneMessage: 'Update added',
    create: (ctx, data, actor) =>
      addActionUpdate(app.db, ctx, { text: data.text, today: app.clock.today() }, actor),
    done: (ctx) => paths.action(ctx.action.id),
  });
}
