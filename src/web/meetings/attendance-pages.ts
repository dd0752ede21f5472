import type { FastifyInstance } from 'fastify';
import { listUsers } from '../../db/people/queries.ts';
import { addAttendee, updateAttendee } from '../../db/meetings/commands.ts';
import { listAttendees } from '../../db/meetings/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { attendanceKindNames, attendeeRoleNames } from '../../domain/meetings/vocabulary.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { attendeeForm } from './forms.ts';
import { meetingCrumbs, meetingLoaders, meetingRecord } from './loaders.ts';

/** Who attended the meeting and who sent apologies, each with their role. */
export function attendancePages(app: FastifyInstance) {
  const load = meetingLoaders(app);
  const when = (m: { meetingOn: string }) => formatDate(m.meetingOn);
  const people = async (organisationId: number) => ({
    people: (await listUsers(app.db, organisationId)).map((u) => ({ id: u.id, name: u.name })),
  });

  app.get<{ Params: RouteParams<typeof paths.meetingAttendance> }>(
    paths.meetingAttendance.pattern,
    async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'read', meetingRecord);
      const attendees = await listAttendees(app.db, ctx.meeting.id);
      return reply.page('meetings/attendance.njk', {
        title: `Attendance: ${ctx.board.name}, ${when(ctx.meeting)}`,
        ...ctx,
        present: attendees.filter((a) => a.attendance === 'present'),
        apologies: attendees.filter((a) => a.attendance === 'apologies'),
        attendeeRoleNames,
        attendanceKindNames,
        canEdit: can(user, 'edit', meetingRecord),
        breadcrumbs: meetingCrumbs(ctx),
      });
    },
  );

  createRoute(app, {
    path: paths.newAttendee.pattern,
    action: 'create',
    load: load.meeting,
    resource: () => meetingRecord,
    form: attendeeForm,
    formContext: (ctx) => people(ctx.board.organisationId),
    initialValues: () => ({ attendance: 'present' }),
    page: (ctx) => ({
      title: 'Add an attendee',
      section: 'board',
      caption: `${ctx.board.name}: ${when(ctx.meeting)}`,
      cancelLink: paths.meetingAttendance(ctx.meeting.id),
      breadcrumbs: meetingCrumbs(ctx),
    }),
    create: (ctx, data, actor) =>
      addAttendee(app.db, { organisationId: ctx.board.organisationId, meeting: ctx.meeting }, data, actor),
    done: (ctx) => paths.meetingAttendance(ctx.meeting.id),
  });

  editRoute(app, {
    path: paths.editAttendee.pattern,
    action: 'edit',
    load: load.attendee,
    resource: () => meetingRecord,
    form: attendeeForm,
    formContext: (ctx) => people(ctx.organisationId),
    record: (ctx) => ctx.attendee,
    historyKey: (ctx) => ({
      organisationId: ctx.organisationId,
      recordType: 'meeting-attendee',
      recordId: ctx.attendee.id,
    }),
    page: (ctx) => ({
      title: 'Change the attendee',
      section: 'board',
      caption: `${ctx.board.name}: ${when(ctx.meeting)}`,
      cancelLink: paths.meetingAttendance(ctx.meeting.id),
      breadcrumbs: meetingCrumbs(ctx),
    }),
    save: (ctx, data, version, actor) => updateAttendee(app.db, ctx, version, data, actor),
    done: (ctx) => paths.meetingAttendance(ctx.meeting.id),
  });
}
