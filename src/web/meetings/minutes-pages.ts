import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approveMinutes, MinutesRuleError, saveMinutes } from '../../db/meetings/commands.ts';
import { laterMeetings, listAgenda, meetingById } from '../../db/meetings/queries.ts';
import type { MeetingContext } from '../../db/board/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { minutesStateNames, minutesStateOf } from '../../domain/meetings/minutes.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { NotFoundError } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { field } from '../forms/parse.ts';
import { editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { minutesForm } from './forms.ts';
import { meetingCrumbs, meetingLoaders, meetingRecord, refuseIfApproved, unlessFrozen } from './loaders.ts';

/** Minutes and decisions item by item, and their approval at a later meeting, which freezes them. */
export function minutesPages(app: FastifyInstance) {
  const load = meetingLoaders(app);
  const when = (m: { meetingOn: string }) => formatDate(m.meetingOn);

  const minutesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: MeetingContext,
    problem?: string,
  ) => {
    const user = authorize(request, reply, 'read', meetingRecord);
    const [items, later, approvedBy] = await Promise.all([
      listAgenda(app.db, ctx.meeting.id),
      laterMeetings(app.db, ctx.meeting),
      meetingById(app.db, ctx.meeting.minutesApprovedByMeetingId),
    ]);
    const state = minutesStateOf(ctx.meeting);
    return reply.page('meetings/minutes.njk', {
      title: `Minutes: ${ctx.board.name}, ${when(ctx.meeting)}`,
      ...ctx,
      items,
      state,
      stateName: minutesStateNames[state],
      approvedBy,
      later,
      approvalChoices: [
        { value: '', text: 'Choose a meeting' },
        ...later.map((m) => ({ value: String(m.id), text: formatDate(m.meetingOn) })),
      ],
      canEdit: can(user, 'edit', meetingRecord) && state === 'draft',
      ...(problem
        ? { errors: { list: [{ text: problem, href: '#approvedAt' }], byField: { approvedAt: problem } } }
        : {}),
      breadcrumbs: meetingCrumbs(ctx),
    });
  };

  app.get<{ Params: RouteParams<typeof paths.meetingMinutes> }>(
    paths.meetingMinutes.pattern,
    async (request, reply) => minutesPage(request, reply, await load.meeting(request, reply)),
  );

  app.post<{ Params: RouteParams<typeof paths.approveMinutes> }>(
    paths.approveMinutes.pattern,
    async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'edit', meetingRecord);
      await refuseIfApproved(app, ctx.meeting);
      const chosen = (await laterMeetings(app.db, ctx.meeting)).find(
        (m) => String(m.id) === field(request.body, 'approvedAt'),
      );
      if (!chosen)
        return minutesPage(request, reply.code(400), ctx, 'Select the meeting that approved the minutes');
      let saved;
      try {
        saved = await approveMinutes(
          app.db,
          { organisationId: user.organisationId, meeting: ctx.meeting },
          chosen,
          Number(field(request.body, 'version')),
          { userId: user.id, name: user.name },
        );
      } catch (error) {
        if (!(error instanceof MinutesRuleError)) throw error;
        return minutesPage(request, reply.code(400), ctx, error.message);
      }
      if (!saved.ok && !saved.conflict) throw new NotFoundError('Meeting');
      if (!saved.ok)
        return minutesPage(
          request,
          reply.code(409),
          { ...ctx, meeting: saved.current },
          'Someone else changed this meeting since you loaded the page. Check the minutes and approve them again',
        );
      flash(request, 'Minutes approved');
      return reply.redirect(paths.meetingMinutes(ctx.meeting.id), 303);
    },
  );

  editRoute(app, {
    path: paths.editItemMinutes.pattern,
    action: 'edit',
    load: async (request, reply) => {
      const ctx = await load.item(request, reply);
      await refuseIfApproved(app, ctx.meeting);
      return ctx;
    },
    resource: () => meetingRecord,
    form: minutesForm,
    formContext: () => undefined,
    record: (ctx) => ctx.item,
    historyKey: (ctx) => ({
      organisationId: ctx.organisationId,
      recordType: 'agenda-item',
      recordId: ctx.item.id,
    }),
    page: (ctx) => ({
      title: `Minutes: ${ctx.item.position}. ${ctx.item.title}`,
      section: 'board',
      caption: `${ctx.board.name}: ${when(ctx.meeting)}`,
      cancelLink: paths.meetingMinutes(ctx.meeting.id),
      breadcrumbs: meetingCrumbs(ctx),
    }),
    doneMessage: 'Minutes saved',
    save: (ctx, data, version, actor) => unlessFrozen(() => saveMinutes(app.db, ctx, version, data, actor)),
    done: (ctx) => paths.meetingMinutes(ctx.meeting.id),
  });
}
