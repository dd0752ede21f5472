import type { FastifyInstance } from 'fastify';
import { addAgendaItem, updateAgendaItem } from '../../db/meetings/commands.ts';
import { agendaTargets, listAgenda, listBoardActions } from '../../db/meetings/queries.ts';
import { carriedForward } from '../../domain/meetings/action-log.ts';
import { actionStatusNames } from '../../domain/meetings/vocabulary.ts';
import { formatDate } from '../../domain/format.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { agendaItemForm } from './forms.ts';
import { meetingCrumbs, meetingLoaders, meetingRecord, refuseIfApproved, unlessFrozen } from './loaders.ts';

/** The agenda: its items in order, and the open actions carried forward from earlier meetings. */
export function agendaPages(app: FastifyInstance) {
  const load = meetingLoaders(app);
  const when = (m: { meetingOn: string }) => formatDate(m.meetingOn);

  app.get<{ Params: RouteParams<typeof paths.meetingAgenda> }>(
    paths.meetingAgenda.pattern,
    async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'read', meetingRecord);
      const [items, boardActions] = await Promise.all([
        listAgenda(app.db, ctx.meeting.id),
        listBoardActions(app.db, user.organisationId, ctx.board.id),
      ]);
      return reply.page('meetings/agenda.njk', {
        title: `Agenda: ${ctx.board.name}, ${when(ctx.meeting)}`,
        ...ctx,
        items,
        earlierActions: carriedForward(boardActions, ctx.meeting.meetingOn),
        actionStatusNames,
        canEdit: can(user, 'edit', meetingRecord) && !ctx.meeting.minutesApprovedAt,
        breadcrumbs: meetingCrumbs(ctx),
      });
    },
  );

  createRoute(app, {
    path: paths.newAgendaItem.pattern,
    action: 'create',
    load: async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      await refuseIfApproved(app, ctx.meeting);
      return ctx;
    },
    resource: () => meetingRecord,
    form: agendaItemForm,
    formContext: (ctx) => agendaTargets(app.db, ctx.board.organisationId, ctx),
    page: (ctx) => ({
      title: 'Add an agenda item',
      section: 'board',
      caption: `${ctx.board.name}: ${when(ctx.meeting)}`,
      cancelLink: paths.meetingAgenda(ctx.meeting.id),
      breadcrumbs: meetingCrumbs(ctx),
    }),
    create: (ctx, data, actor) =>
      unlessFrozen(() =>
        addAgendaItem(
          app.db,
          { organisationId: ctx.board.organisationId, meeting: ctx.meeting },
          data,
          actor,
        ),
      ),
    done: (ctx) => paths.meetingAgenda(ctx.meeting.id),
  });

  editRoute(app, {
    path: paths.editAgendaItem.pattern,
    action: 'edit',
    load: async (request, reply) => {
      const ctx = await load.item(request, reply);
      await refuseIfApproved(app, ctx.meeting);
      return ctx;
    },
    resource: () => meetingRecord,
    form: agendaItemForm,
    formContext: (ctx) => agendaTargets(app.db, ctx.board.organisationId, ctx),
    record: (ctx) => ctx.item,
    historyKey: (ctx) => ({
      organisationId: ctx.organisationId,
      recordType: 'agenda-item',
      recordId: ctx.item.id,
    }),
    page: (ctx) => ({
      title: 'Change the agenda item',
      section: 'board',
      caption: `${ctx.board.name}: ${when(ctx.meeting)}`,
      cancelLink: paths.meetingAgenda(ctx.meeting.id),
      breadcrumbs: meetingCrumbs(ctx),
    }),
    save: (ctx, data, version, actor) =>
      unlessFrozen(() => updateAgendaItem(app.db, ctx, version, data, actor)),
    done: (ctx) => paths.meetingAgenda(ctx.meeting.id),
  });
}
