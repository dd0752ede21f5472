import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { setMeetingPlans, type MeetingWithPlans } from '../../db/board/commands.ts';
import { plansToCover, type MeetingContext } from '../../db/board/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { planKindNames, type PlanKind } from '../../domain/plan.ts';
import type { RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { editRoute } from '../forms/record-routes.ts';
import { knownIds } from '../forms/validate.ts';
import { paths } from '../paths.ts';
import { boardLoaders, runTheCycle } from './loaders.ts';

/*
 * Which plans a meeting's pack covers beside the board's own: the programme office ticks a reform
 * programme the same board governs, and the pack then has a part for each plan.
 */

interface PlansFormContext {
  plans: { id: number; title: string; kind: PlanKind }[];
  /** Once the cycle is open, a plan ticked now has its sections in the pack but no reports asked for. */
  cycleOpen: boolean;
}

const plansForm: RecordForm<PlansFormContext, { planIds: number[] }, MeetingWithPlans> = {
  fields: (ctx) => [
    {
      kind: 'checkboxes',
      name: 'planIds',
      label: 'Other plans this meeting’s pack covers',
      hint: ctx.cycleOpen
        ? 'The board’s own plan is always covered. Each plan ticked gets its own part of the pack. The reporting cycle is already open, so no report is asked for on a plan ticked now.'
        : 'The board’s own plan is always covered. Each plan ticked gets its own part of the pack, and opening the reporting cycle asks for a report on each of its priorities.',
      items: ctx.plans.map((p) => ({ value: String(p.id), text: `${p.title} (${planKindNames[p.kind]})` })),
    },
  ],
  read: (values, ctx) =>
    parseForm(
      z.object({
        planIds: knownIds(
          ctx.plans.map((p) => p.id),
          'Select plans from the list',
        ),
      }),
      // Several ticks travel joined by commas in the form values.
      { planIds: values.planIds ? values.planIds.split(',') : [] },
    ),
  toValues: (m) => ({ planIds: m.otherPlanIds.join(',') }),
};

export function meetingPlansPages(app: FastifyInstance) {
  const load = boardLoaders(app);
  editRoute(app, {
    path: paths.meetingPlans.pattern,
    action: 'create',
    load: load.meeting,
    resource: () => runTheCycle,
    form: plansForm,
    formContext: async (ctx: MeetingContext) => ({
      cycleOpen: ctx.meeting.cycleOpenedAt !== null,
      plans: (await plansToCover(app.db, ctx.board.organisationId, ctx.plan?.id ?? null)).filter(
        // A closed plan no longer goes to the board, unless the meeting already covers it.
        (p) => p.status !== 'closed' || ctx.otherPlans.some((o) => o.id === p.id),
      ),
    }),
    record: (ctx) => ({ ...ctx.meeting, otherPlanIds: ctx.otherPlans.map((p) => p.id) }),
    historyKey: (ctx) => ({
      organisationId: ctx.board.organisationId,
      recordType: 'board-meeting',
      recordId: ctx.meeting.id,
    }),
    page: (ctx) => ({
      title: 'Choose the plans this pack covers',
      section: 'board',
      caption: `${ctx.board.name}: meeting of ${formatDate(ctx.meeting.meetingOn)}`,
      cancelLink: paths.meeting(ctx.meeting.id),
      breadcrumbs: [
        { text: 'Boards', href: paths.boards() },
        { text: ctx.board.name, href: paths.board(ctx.board.id) },
      ],
    }),
    save: (ctx, data, version, actor) =>
      setMeetingPlans(app.db, ctx.board.organisationId, ctx.meeting.id, version, data.planIds, actor),
    doneMessage: 'Plans this pack covers saved',
    done: (ctx) => paths.meeting(ctx.meeting.id),
  });
}
