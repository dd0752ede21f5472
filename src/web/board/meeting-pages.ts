import type { FastifyInstance } from 'fastify';
import { IssueError, openCycle, WorkflowError } from '../../db/board/commands.ts';
import {
  getIssuedPapers,
  listIssuedVersions,
  listMeetingReports,
  loadRagScale,
  loadReportDetail,
  type MeetingContext,
} from '../../db/board/queries.ts';
import { checkReportEvidence } from '../../domain/evidence-check.ts';
import { formatDate } from '../../domain/format.ts';
import { can } from '../../domain/policies.ts';
import { editableStates } from '../../domain/workflows/highlight-report.ts';
import {
  boardPackFileName,
  boardPackMediaTypes,
  renderBoardPack,
  type BoardPack,
  type BoardPackFormat,
} from '../../reports/board-pack/index.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError, parseId } from '../errors/http-errors.ts';
import { field } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { meetingStatusNames, reportStateNames, reportStateTagClasses } from './labels.ts';
import { boardLoaders, runTheCycle } from './loaders.ts';
import { notifyNow } from './notify.ts';
import {
  draftBoardPack,
  issuedDocument,
  issuedPack,
  issueMeetingPapers,
  storedHtmlPolicy,
} from './papers.ts';
import { flash } from '../flash.ts';
import { keptView, view } from '../kept-views.ts';
import { meetingKindNames } from '../../domain/meetings/vocabulary.ts';

const formats: BoardPackFormat[] = ['html', 'docx', 'pdf'];

/** A meeting: its reports and their states, opening the reporting cycle, issuing the papers and the board pack. */
export function meetingPages(app: FastifyInstance) {
  const load = boardLoaders(app);

  type Reply = Parameters<typeof authorize>[1];
  type MeetingRequest = Parameters<typeof load.meeting>[0];

  /** The meeting page; after a refused issue, with the problem and what the person typed. */
  const meetingView = async (
    request: MeetingRequest,
    reply: Reply,
    ctx: MeetingContext,
    issueForm: { reason: string; error?: string } = { reason: '' },
  ) => {
    const user = authorize(request, reply, 'read', runTheCycle);
    const [reports, scale, issued] = await Promise.all([
      listMeetingReports(app.db, ctx.meeting.id),
      loadRagScale(app.db, user.organisationId),
      listIssuedVersions(app.db, user.organisationId, 'board-pack', ctx.meeting.id),
    ]);
    const ragOf = (code: string | null) =>
      code ? scale.find((s) => s.code === code.toLowerCase()) : undefined;
    // The programme office checks these before approving, so the count is shown beside each report.
    const warnings = await Promise.all(
      reports.map(
        async (r) =>
          checkReportEvidence(
            await loadReportDetail(app.db, {
              report: r.report,
              meetingOn: ctx.meeting.meetingOn,
              today: app.clock.today(),
            }),
            scale,
          ).length,
      ),
    );
    return view('board/meeting.njk', {
      title: `${ctx.board.name}: ${formatDate(ctx.meeting.meetingOn)}`,
      ...ctx,
      reports: reports.map((r, i) => ({
        ...r,
        current: ragOf(r.report.currentRag),
        previous: ragOf(r.report.previousRag),
        warnings: warnings[i],
      })),
      // Waiting for the sponsor: the states in which the workflow lets them write.
      waiting: reports.filter((r) => editableStates.includes(r.report.state)).length,
      meetingStatusNames,
      meetingKindNames,
      reportStateNames,
      reportStateTagClasses,
      canOpen:
        can(user, 'create', runTheCycle) &&
        !ctx.meeting.cycleOpenedAt &&
        ctx.plan !== null &&
        ctx.meeting.status === 'planned',
      canChoosePlans: can(user, 'create', runTheCycle),
      // With several plans, each report says whose priority it is: both may have a priority 1.
      planTitles: Object.fromEntries(
        [ctx.plan, ...ctx.otherPlans].flatMap((p) => (p ? [[p.id, p.title]] : [])),
      ),
      formats,
      issued: [...issued].reverse(),
      latestIssued: issued.at(-1),
      canIssue: can(user, 'create', runTheCycle) && reports.length > 0,
      issueForm,
      ...(issueForm.error
        ? {
            errors: {
              list: [{ text: issueForm.error, href: '#reason' }],
              byField: { reason: issueForm.error },
            },
          }
        : {}),
      breadcrumbs: [
        { text: 'Boards', href: paths.boards() },
        { text: ctx.board.name, href: paths.board(ctx.board.id) },
      ],
    });
  };

  const meetingPage = async (
    request: MeetingRequest,
    reply: Reply,
    ctx: MeetingContext,
    issueForm?: { reason: string; error?: string },
  ) => {
    const { template, data } = await meetingView(request, reply, ctx, issueForm);
    return reply.page(template, data);
  };

  app.get<{ Params: RouteParams<typeof paths.meeting> }>(
    paths.meeting.pattern,
    keptView(async (request, reply) => meetingView(request, reply, await load.meeting(request, reply))),
  );

  // Issuing is the programme office's: the same people who run the cycle.
  app.post<{ Params: RouteParams<typeof paths.issuePapers> }>(
    paths.issuePapers.pattern,
    async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'create', runTheCycle);
      const reason = field(request.body, 'reason');
      try {
        await issueMeetingPapers(
          app.db,
          user.organisationId,
          ctx.meeting.id,
          { reason, clock: app.clock, render: app.renderPool.render },
          { userId: user.id, name: user.name },
        );
      } catch (error) {
        if (error instanceof IssueError) {
          reply.code(400);
          return meetingPage(request, reply, ctx, { reason, error: error.message });
        }
        throw error;
      }
      flash(request, 'Papers issued');
      return reply.redirect(paths.meeting(ctx.meeting.id), 303);
    },
  );

  app.post<{ Params: RouteParams<typeof paths.openCycle> }>(
    paths.openCycle.pattern,
    async (request, reply) => {
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'create', runTheCycle);
      if (!ctx.plan)
        throw new BadRequestError('Choose the plan this board oversees before opening a reporting cycle');
      try {
        await openCycle(
          app.db,
          user.organisationId,
          {
            meetingId: ctx.meeting.id,
            planId: ctx.plan.id,
            otherPlanIds: ctx.otherPlans.map((p) => p.id),
            scale: await loadRagScale(app.db, user.organisationId),
          },
          { userId: user.id, name: user.name },
        );
      } catch (error) {
        if (error instanceof WorkflowError) throw new BadRequestError(error.message);
        throw error;
      }
      await notifyNow(app, user.organisationId);
      flash(request, 'Reporting cycle opened');
      return reply.redirect(paths.meeting(ctx.meeting.id), 303);
    },
  );

  const isFormat = (value: string): value is BoardPackFormat => (formats as string[]).includes(value);

  app.get<{ Params: RouteParams<typeof paths.boardPack>; Querystring: { version?: string } }>(
    paths.boardPack.pattern,
    async (request, reply) => {
      const format = request.params.format;
      if (!isFormat(format)) throw new NotFoundError('Board pack');
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'read', runTheCycle);
      const asked = request.query.version;
      const issued = await getIssuedPapers(
        app.db,
        user.organisationId,
        'board-pack',
        ctx.meeting.id,
        asked === undefined ? undefined : parseId(asked, 'Board pack version'),
      );
      if (asked !== undefined && !issued) throw new NotFoundError('Board pack version');
      const disposition = format === 'html' ? 'inline' : 'attachment';
      // Once issued, the papers are what was sent, byte for byte; before, a live pack marked DRAFT.
      if (issued) {
        const body = issuedDocument(issued, format);
        if (format === 'html') reply.header('content-security-policy', storedHtmlPolicy(String(body)));
        return reply
          .type(boardPackMediaTypes[format])
          .header(
            'content-disposition',
            `${disposition}; filename="${issuedFileName(issuedPack(issued), format, issued.version)}"`,
          )
          .send(body);
      }
      const pack = await draftBoardPack(app.db, user.organisationId, ctx, app.clock);
      // The HTML takes milliseconds; Word and PDF are made in a worker thread.
      const body =
        format === 'html'
          ? await renderBoardPack(pack, 'html', { cspNonce: reply.cspNonce?.style })
          : await app.renderPool.render({ kind: 'board-pack', format, pack });
      return reply
        .type(boardPackMediaTypes[format])
        .header('content-disposition', `${disposition}; filename="${boardPackFileName(pack, format)}"`)
        .send(body);
    },
  );
}

/** "…-2024-09-10-v2.pdf" from the second issue on, so two versions saved side by side keep apart. */
function issuedFileName(pack: BoardPack, format: BoardPackFormat, version: number): string {
  const name = boardPackFileName(pack, format);
  return version === 1 ? name : name.replace(new RegExp(`\\.${format}$`), `-v${version}.${format}`);
}
