import type { FastifyInstance } from 'fastify';
import { openCycle, WorkflowError } from '../../db/board/commands.ts';
import {
  listMeetingReports,
  loadBoardPackRows,
  loadRagScale,
  loadReportDetail,
} from '../../db/board/queries.ts';
import { checkReportEvidence } from '../../domain/evidence-check.ts';
import { formatDate } from '../../domain/format.ts';
import { can } from '../../domain/policies.ts';
import { editableStates } from '../../domain/workflows/highlight-report.ts';
import {
  assembleBoardPack,
  boardPackFileName,
  boardPackMediaTypes,
  renderBoardPack,
  type BoardPackFormat,
} from '../../reports/board-pack/index.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError } from '../errors/http-errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { meetingStatusNames, reportStateNames, reportStateTagClasses } from './labels.ts';
import { boardLoaders, runTheCycle } from './loaders.ts';
import { notifyNow } from './notify.ts';
import { flash } from '../flash.ts';

const formats: BoardPackFormat[] = ['html', 'docx', 'pdf'];

/** A meeting: its reports and their states, opening the reporting cycle, and the board pack. */
export function meetingPages(app: FastifyInstance) {
  const load = boardLoaders(app);

  app.get<{ Params: RouteParams<typeof paths.meeting> }>(paths.meeting.pattern, async (request, reply) => {
    const ctx = await load.meeting(request, reply);
    const user = authorize(request, reply, 'read', runTheCycle);
    const [reports, scale] = await Promise.all([
      listMeetingReports(app.db, ctx.meeting.id),
      loadRagScale(app.db, user.organisationId),
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
    return reply.page('board/meeting.njk', {
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
      reportStateNames,
      reportStateTagClasses,
      canOpen:
        can(user, 'create', runTheCycle) &&
        !ctx.meeting.cycleOpenedAt &&
        ctx.plan !== null &&
        ctx.meeting.status === 'planned',
      formats,
      breadcrumbs: [
        { text: 'Boards', href: paths.boards() },
        { text: ctx.board.name, href: paths.board(ctx.board.id) },
      ],
    });
  });

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

  app.get<{ Params: RouteParams<typeof paths.boardPack> }>(
    paths.boardPack.pattern,
    async (request, reply) => {
      const format = request.params.format;
      if (!isFormat(format)) throw new NotFoundError('Board pack');
      const ctx = await load.meeting(request, reply);
      const user = authorize(request, reply, 'read', runTheCycle);
      const pack = assembleBoardPack(
        await loadBoardPackRows(app.db, user.organisationId, ctx, app.clock.today()),
        { generatedAt: app.clock.now() },
      );
      const body =
        format === 'html'
          ? await renderBoardPack(pack, 'html', { cspNonce: reply.cspNonce?.style })
          : await renderBoardPack(pack, format);
      const disposition = format === 'html' ? 'inline' : 'attachment';
      return reply
        .type(boardPackMediaTypes[format])
        .header('content-disposition', `${disposition}; filename="${boardPackFileName(pack, format)}"`)
        .send(body);
    },
  );
}
