import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addReportComment, moveReport, saveReport, WorkflowError } from '../../db/board/commands.ts';
import {
  linkableCommitments,
  listEvents,
  listItems,
  listReportComments,
  loadRagScale,
  loadReportDetail,
  measuresForPriority,
  reportAreas,
  type CouncilRagStatus,
  type ReportContext,
} from '../../db/board/queries.ts';
import { listHistory } from '../../db/plan/queries.ts';
import { checkReportEvidence } from '../../domain/evidence-check.ts';
import { itemsToTree } from '../../domain/report-items.ts';
import {
  allowedReportActions,
  participantOf,
  reportActions,
  reportTransitions,
  type ReportAction,
} from '../../domain/workflows/highlight-report.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError } from '../errors/http-errors.ts';
import { field, parseForm, toFormErrors, type FormErrors } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { historyRows } from '../plan/history-pages.ts';
import { eventNames, reportStateNames, reportStateTagClasses } from './labels.ts';
import { authorizeReport, boardLoaders, reportResource } from './loaders.ts';
import { notifyNow } from './notify.ts';
import {
  nextField,
  progressField,
  readReportForm,
  valuesFromBody,
  valuesFromReport,
  type ReportFormContext,
  type ReportFormValues,
} from './report-form.ts';
import { flash } from '../flash.ts';

const actorOf = (request: FastifyRequest) => ({ userId: request.user!.id, name: request.user!.name });

/** Each action of the workflow machine as a yes or no, for the page's buttons. */
const buttonsFor = (allowed: readonly ReportAction[]) =>
  Object.fromEntries(reportActions.map((a) => [a, allowed.includes(a)])) as Record<ReportAction, boolean>;

/** A highlight report: read it with its evidence check, write it, and move it through approval. */
export function reportPages(app: FastifyInstance) {
  const load = boardLoaders(app);
  const crumbs = (ctx: ReportContext) => [
    { text: 'Boards', href: paths.boards() },
    { text: ctx.board.name, href: paths.board(ctx.board.id) },
    {
      text: `Meeting of ${ctx.meeting.meetingOn.split('-').reverse().join('/')}`,
      href: paths.meeting(ctx.meeting.id),
    },
  ];
  const statusOf = (scale: readonly CouncilRagStatus[], code: string | null) =>
    code ? scale.find((s) => s.code === code.toLowerCase()) : undefined;

  const showReport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: ReportContext,
    extra: { errors?: FormErrors; returnComment?: string; comment?: string } = {},
  ) => {
    const user = request.user!;
    const scale = await loadRagScale(app.db, user.organisationId);
    const [detail, events, notes] = await Promise.all([
      loadReportDetail(app.db, {
        report: ctx.report,
        meetingOn: ctx.meeting.meetingOn,
        today: app.clock.today(),
      }),
      listEvents(app.db, ctx.report.id),
      listReportComments(app.db, ctx.report.id),
    ]);
    const state = ctx.report.state;
    // The buttons are the workflow machine's answer for this person in this state, nothing else.
    const allowed = allowedReportActions(state, participantOf(user, ctx.sponsorUserIds));
    return reply.page('board/report.njk', {
      title: `Priority ${ctx.priority.number}: ${ctx.priority.title} – highlight report`,
      ...ctx,
      previous: statusOf(scale, ctx.report.previousRag),
      current: statusOf(scale, ctx.report.currentRag),
      areas: detail.areas.map((a) => ({
        ...a,
        progressTree: itemsToTree(a.progress),
        nextTree: itemsToTree(a.nextPeriod),
      })),
      links: detail.links,
      measures: detail.measures,
      warnings: checkReportEvidence(detail, scale),
      events,
      lastReturn: state === 'returned' ? events.filter((e) => e.action === 'return').at(-1) : undefined,
      notes,
      eventNames,
      reportStateNames,
      reportStateTagClasses,
      actions: buttonsFor(allowed),
      breadcrumbs: crumbs(ctx),
      ...extra,
    });
  };

  app.get<{ Params: RouteParams<typeof paths.highlightReport> }>(
    paths.highlightReport.pattern,
    async (request, reply) => {
      const ctx = await load.report(request, reply);
      authorize(request, reply, 'read', reportResource(ctx));
      return showReport(request, reply, ctx);
    },
  );

  const formContext = async (
    ctx: ReportContext,
    scale: readonly CouncilRagStatus[],
  ): Promise<ReportFormContext> => {
    const items = await listItems(app.db, [ctx.report.id]);
    const [areas, commitments, measures] = await Promise.all([
      reportAreas(app.db, ctx.priority.id, items),
      linkableCommitments(app.db, ctx.priority.id),
      measuresForPriority(app.db, ctx.priority.id, app.clock.now()),
    ]);
    return { scale, areas, commitments, measures };
  };

  const renderForm = (
    reply: FastifyReply,
    ctx: ReportContext,
    form: ReportFormContext,
    input: ReportFormValues,
    version: number,
    extra: object = {},
  ) =>
    reply.page('board/report-form.njk', {
      title: `Write the highlight report for priority ${ctx.priority.number}`,
      ...ctx,
      form,
      values: input.values,
      commitmentIds: input.commitmentIds,
      measureIds: input.measureIds,
      version,
      progressField,
      nextField,
      breadcrumbs: [
        ...crumbs(ctx),
        { text: `Priority ${ctx.priority.number}`, href: paths.highlightReport(ctx.report.id) },
      ],
      ...extra,
    });

  app.get<{ Params: RouteParams<typeof paths.editHighlightReport> }>(
    paths.editHighlightReport.pattern,
    async (request, reply) => {
      const ctx = await load.report(request, reply);
      const { user, decision } = authorizeReport(request, reply, ctx, 'edit');
      if (!decision.ok) throw new BadRequestError(decision.message);
      const scale = await loadRagScale(app.db, user.organisationId);
      const form = await formContext(ctx, scale);
      const detail = await loadReportDetail(app.db, {
        report: ctx.report,
        meetingOn: ctx.meeting.meetingOn,
        today: app.clock.today(),
      });
      const values = valuesFromReport(ctx.report, detail.areas, detail.links, scale);
      if (!values.values.completedBy) values.values.completedBy = user.name;
      return renderForm(reply, ctx, form, values, ctx.report.version);
    },
  );

  app.post<{ Params: RouteParams<typeof paths.editHighlightReport> }>(
    paths.editHighlightReport.pattern,
    async (request, reply) => {
      const ctx = await load.report(request, reply);
      const { user, who, decision } = authorizeReport(request, reply, ctx, 'edit');
      const scale = await loadRagScale(app.db, user.organisationId);
      const form = await formContext(ctx, scale);
      const input = valuesFromBody(request.body, form);
      const loadedVersion = Number(field(request.body, 'version'));
      if (!Number.isInteger(loadedVersion) || loadedVersion < 1)
        throw new BadRequestError(
          'The form was missing the version it was loaded at. Go back, reload the page and try again.',
        );
      if (!decision.ok)
        return renderForm(reply.code(409), ctx, form, input, loadedVersion, {
          errors: toFormErrors([{ field: 'currentRag', message: decision.message }]),
        });
      const result = readReportForm(input, form);
      if (!result.ok)
        return renderForm(reply.code(400), ctx, form, input, loadedVersion, { errors: result.errors });
      let saved: Awaited<ReturnType<typeof saveReport>>;
      try {
        saved = await saveReport(
          app.db,
          user.organisationId,
          { reportId: ctx.report.id, expectedVersion: loadedVersion, data: result.data, as: who },
          actorOf(request),
        );
      } catch (error) {
        if (!(error instanceof WorkflowError)) throw error;
        return renderForm(reply.code(409), ctx, form, input, loadedVersion, {
          errors: toFormErrors([{ field: 'currentRag', message: error.message }]),
        });
      }
      if (saved.ok) {
        flash(request, 'Report saved');
        return reply.redirect(paths.highlightReport(ctx.report.id) + '#evidence-check', 303);
      }
      if (!saved.conflict) throw new NotFoundError('Highlight report');
      // Keep what they typed; show what the other person saved; move the form to the newer version.
      const theirItems = await listItems(app.db, [ctx.report.id]);
      const theirAreas = await reportAreas(app.db, ctx.priority.id, theirItems);
      const [latest] = await listHistory(app.db, user.organisationId, 'highlight-report', ctx.report.id);
      return renderForm(reply.code(409), ctx, form, input, saved.current.version, {
        conflict: {
          by: latest?.actorName ?? 'Someone else',
          at: saved.current.updatedAt,
          state: reportStateNames[saved.current.state],
          current: statusOf(scale, saved.current.currentRag),
          reason: saved.current.reason,
          completedBy: saved.current.completedBy,
          areas: theirAreas.map((a) => ({
            title: a.title,
            progress: itemsToTree(a.progress),
            nextPeriod: itemsToTree(a.nextPeriod),
          })),
        },
      });
    },
  );

  const returnForm = z.object({
    comment: z
      .string()
      .trim()
      .min(1, 'Enter what the sponsor needs to change')
      .max(5000, 'Comments must be 5,000 characters or fewer'),
  });

  for (const action of reportTransitions) {
    app.post<{ Params: { reportId: string } }>(
      `/highlight-reports/:reportId/${action}`,
      async (request, reply) => {
        const ctx = await load.report(request, reply);
        const { user, who, decision } = authorizeReport(request, reply, ctx, action);
        if (!decision.ok)
          return showReport(request, reply.code(409), ctx, {
            errors: toFormErrors([{ field: 'report-actions', message: decision.message }]),
          });
        let comment = '';
        if (decision.step.needsComment) {
          const parsed = parseForm(returnForm, request.body);
          if (!parsed.ok)
            return showReport(request, reply.code(400), ctx, {
              errors: {
                ...parsed.errors,
                list: parsed.errors.list.map((e) => ({ ...e, href: '#return-comment' })),
              },
              returnComment: field(request.body, 'comment'),
            });
          comment = parsed.data.comment;
        }
        try {
          await moveReport(
            app.db,
            user.organisationId,
            { reportId: ctx.report.id, action, comment, as: who },
            actorOf(request),
          );
        } catch (error) {
          if (!(error instanceof WorkflowError)) throw error;
          return showReport(request, reply.code(409), ctx, {
            errors: toFormErrors([{ field: 'report-actions', message: error.message }]),
          });
        }
        if (action === 'return') await notifyNow(app, user.organisationId);
        flash(
          request,
          { submit: 'Report submitted', return: 'Report returned', approve: 'Report approved' }[action],
        );
        return reply.redirect(paths.highlightReport(ctx.report.id), 303);
      },
    );
  }

  app.get<{ Params: RouteParams<typeof paths.highlightReportHistory> }>(
    paths.highlightReportHistory.pattern,
    async (request, reply) => {
      const ctx = await load.report(request, reply);
      const user = authorize(request, reply, 'read', reportResource(ctx));
      const rows = await listHistory(app.db, user.organisationId, 'highlight-report', ctx.report.id);
      return reply.page('board/report-history.njk', {
        title: `History of the priority ${ctx.priority.number} highlight report`,
        history: historyRows(rows),
        backLink: paths.highlightReport(ctx.report.id),
      });
    },
  );

  const commentForm = z.object({
    text: z.string().trim().min(1, 'Enter a comment').max(5000, 'Comment must be 5,000 characters or fewer'),
  });

  app.post<{ Params: RouteParams<typeof paths.highlightReportComments> }>(
    paths.highlightReportComments.pattern,
    async (request, reply) => {
      const ctx = await load.report(request, reply);
      const { user, who, decision } = authorizeReport(request, reply, ctx, 'comment');
      if (!decision.ok) throw new BadRequestError(decision.message);
      const parsed = parseForm(commentForm, request.body);
      if (!parsed.ok)
        return showReport(request, reply.code(400), ctx, {
          errors: {
            ...parsed.errors,
            list: parsed.errors.list.map((e) => ({ ...e, href: '#comment-text' })),
          },
          comment: field(request.body, 'text'),
        });
      await addReportComment(
        app.db,
        user.organisationId,
        { reportId: ctx.report.id, userId: user.id, text: parsed.data.text, as: who },
        actorOf(request),
      );
      flash(request, 'Comment added');
      return reply.redirect(paths.highlightReport(ctx.report.id) + '#comments', 303);
    },
  );
}
