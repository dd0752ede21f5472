import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IssueError, issuePapers } from '../../db/board/commands.ts';
import { getIssuedPapers, listIssuedVersions } from '../../db/board/queries.ts';
import { listPlans } from '../../db/plan/queries.ts';
import {
  addRecipient,
  createCommitteeReport,
  markRecipientReceived,
  PublishingError,
  updateCommitteeReport,
} from '../../db/publishing/commands.ts';
import {
  type CommitteeReportRow,
  cabinetReportRows,
  getCommitteeReport,
  listCommitteeReports,
  listConsultations,
  listRecipients,
} from '../../db/publishing/queries.ts';
import { can } from '../../domain/policies.ts';
import {
  assembleCabinetReport,
  cabinetReportFileName,
  cabinetReportMediaTypes,
  type CabinetReport,
} from '../../reports/cabinet-report/index.ts';
import { authorize, requireUser } from '../auth.ts';
import { z } from 'zod';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field, parseForm } from '../forms/parse.ts';
import { date } from '../forms/validate.ts';
import { paths, type RouteParams } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { dateToFormValues } from '../forms/fields.ts';
import { committeeReportForm, recipientForm, type CommitteeReportContext } from './committee-forms.ts';
import { flash } from '../flash.ts';

const resource = { type: 'publication' as const };

const receivedForm = z.object({ receivedOn: date('Date received') });

/** Cabinet and committee reports for a quarter: cover fields, DOCX and PDF, and the meetings that received them. */
export function committeePages(app: FastifyInstance): void {
  const context = async (organisationId: number): Promise<CommitteeReportContext> => {
    const [plans, consultations] = await Promise.all([
      listPlans(app.db, organisationId),
      listConsultations(app.db, organisationId),
    ]);
    return {
      plans: plans.map((p) => ({ id: p.id, title: p.title })),
      consultations: consultations.map((c) => ({ id: c.consultation.id, title: c.consultation.title })),
      today: app.clock.today(),
    };
  };
  type Reply = Parameters<typeof requireUser>[1];
  const loadReport = async (request: FastifyRequest, reply: Reply, reportId: number) => {
    const user = requireUser(request, reply);
    const row = await getCommitteeReport(app.db, user.organisationId, reportId);
    if (!row) throw new NotFoundError('Report');
    return row;
  };
  const load = (request: FastifyRequest<{ Params: { reportId: string } }>, reply: Reply) =>
    loadReport(request, reply, parseId(request.params.reportId, 'Report'));

  app.get(paths.publishing.committeeReports.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const rows = await listCommitteeReports(app.db, user.organisationId);
    return reply.page('publishing/committee-reports.njk', {
      title: 'Cabinet and committee reports',
      section: 'publishing',
      rows,
      canEdit: can(user, 'create', resource),
    });
  });

  createRoute(app, {
    path: paths.publishing.newCommitteeReport.pattern,
    doneMessage: 'Report written',
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => resource,
    form: committeeReportForm,
    formContext: (user) => context(user.organisationId),
    initialValues: () => ({
      reportTo: 'Executive Cabinet',
      recommendations: 'To note the progress made on the improvement plan in the quarter.',
    }),
    page: () => ({
      section: 'publishing',
      title: 'Write a Cabinet or committee report',
      cancelLink: paths.publishing.committeeReports(),
    }),
    create: (user, data, actor) => createCommitteeReport(app.db, user.organisationId, data, actor),
    done: (_user, created) => paths.publishing.committeeReport(created.id),
  });

  editRoute(app, {
    path: paths.publishing.editCommitteeReport.pattern,
    action: 'edit',
    load,
    resource: () => resource,
    form: committeeReportForm,
    formContext: (row) => context(row.organisationId),
    record: (row) => row,
    historyKey: (row) => ({
      organisationId: row.organisationId,
      recordType: 'committee-report',
      recordId: row.id,
    }),
    page: (row) => ({
      section: 'publishing',
      title: 'Change the report',
      caption: row.subject,
      cancelLink: paths.publishing.committeeReport(row.id),
    }),
    save: (row, data, version, actor) => updateCommitteeReport(app.db, row, version, data, actor),
    done: (row) => paths.publishing.committeeReport(row.id),
  });

  app.get<{ Params: RouteParams<typeof paths.publishing.committeeReport> }>(
    paths.publishing.committeeReport.pattern,
    async (request, reply) => {
      const row = await loadReport(request, reply, parseId(request.params.reportId, 'Report'));
      return reportPage(request, reply, row);
    },
  );

  // Issuing keeps the report's Word and PDF as they are now; reissuing needs a reason.
  app.post<{ Params: RouteParams<typeof paths.publishing.issueCommitteeReport> }>(
    paths.publishing.issueCommitteeReport.pattern,
    async (request, reply) => {
      const row = await loadReport(request, reply, parseId(request.params.reportId, 'Report'));
      const user = authorize(request, reply, 'edit', resource);
      const reason = field(request.body, 'reason');
      const report = await assembled(row, { draft: false });
      const [docx, pdf] = await Promise.all([
        app.renderPool.render({ kind: 'cabinet-report', format: 'docx', report }),
        app.renderPool.render({ kind: 'cabinet-report', format: 'pdf', report }),
      ]);
      try {
        await issuePapers(
          app.db,
          user.organisationId,
          {
            kind: 'committee-report',
            subjectId: row.id,
            reason,
            content: report as unknown as Record<string, unknown>,
            html: null,
            docx,
            pdf,
          },
          { userId: user.id, name: user.name },
        );
      } catch (error) {
        if (error instanceof IssueError) {
          reply.code(400);
          return reportPage(request, reply, row, { reason, error: error.message });
        }
        throw error;
      }
      flash(request, 'Report issued');
      return reply.redirect(paths.publishing.committeeReport(row.id), 303);
    },
  );

  const isFormat = (value: string): value is 'docx' | 'pdf' => value === 'docx' || value === 'pdf';

  /** The report from the quarter's data now; DRAFT on every page unless it is being issued. */
  const assembled = async (
    row: CommitteeReportRow,
    { draft }: { draft: boolean },
  ): Promise<CabinetReport> => ({
    ...assembleCabinetReport(
      await cabinetReportRows(app.db, row, app.clock.now()),
      new URL(paths.public.home(), app.config.PUBLIC_URL).toString(),
    ),
    ...(draft ? { draft: true } : {}),
  });

  /** The report's page; after a refused issue, with the problem and what the person typed. */
  const reportPage = async (
    request: FastifyRequest,
    reply: Reply,
    row: CommitteeReportRow,
    issueForm: { reason: string; error?: string } = { reason: '' },
  ) => {
    const user = authorize(request, reply, 'read', resource);
    const [recipients, issued] = await Promise.all([
      listRecipients(app.db, row.id),
      listIssuedVersions(app.db, row.organisationId, 'committee-report', row.id),
    ]);
    return reply.page('publishing/committee-report.njk', {
      title: row.subject,
      section: 'publishing',
      row,
      recipients: recipients.map((r) => ({
        ...r,
        dateValues: dateToFormValues('receivedOn', r.receivedOn ?? app.clock.today()),
      })),
      canEdit: can(user, 'edit', resource),
      issued: [...issued].reverse(),
      latestIssued: issued.at(-1),
      issueForm,
      ...(issueForm.error
        ? { errors: { list: [{ text: issueForm.error, href: '#reason' }], byField: {} } }
        : {}),
    });
  };

  app.get<{
    Params: RouteParams<typeof paths.publishing.committeeReportDownload>;
    Querystring: { version?: string };
  }>(paths.publishing.committeeReportDownload.pattern, async (request, reply) => {
    const format = request.params.format;
    if (!isFormat(format)) throw new NotFoundError('Report');
    const row = await loadReport(request, reply, parseId(request.params.reportId, 'Report'));
    authorize(request, reply, 'read', resource);
    const asked = request.query.version;
    const issued = await getIssuedPapers(
      app.db,
      row.organisationId,
      'committee-report',
      row.id,
      asked === undefined ? undefined : parseId(asked, 'Report version'),
    );
    if (asked !== undefined && !issued) throw new NotFoundError('Report version');
    // Once issued, the report is what was sent; before, it is made from the quarter's data now.
    const report = issued
      ? (issued.content as unknown as CabinetReport)
      : await assembled(row, { draft: true });
    const bytes = issued
      ? format === 'docx'
        ? issued.docx
        : issued.pdf
      : await app.renderPool.render({ kind: 'cabinet-report', format, report });
    return reply
      .type(cabinetReportMediaTypes[format])
      .header('content-disposition', `attachment; filename="${cabinetReportFileName(report, format)}"`)
      .send(bytes);
  });

  createRoute(app, {
    path: paths.publishing.newRecipient.pattern,
    doneMessage: 'Meeting added',
    action: 'edit',
    load,
    resource: () => resource,
    form: recipientForm,
    formContext: () => undefined,
    page: (row) => ({
      section: 'publishing',
      title: 'Add a meeting it goes to',
      caption: row.subject,
      cancelLink: paths.publishing.committeeReport(row.id),
    }),
    create: (row, data, actor) => addRecipient(app.db, row, data, actor),
    done: (row) => paths.publishing.committeeReport(row.id),
  });

  // Marks a meeting as having received the report on a date; a blank date clears it.
  app.post<{ Params: RouteParams<typeof paths.publishing.recipientReceived> }>(
    paths.publishing.recipientReceived.pattern,
    async (request, reply) => {
      const row = await loadReport(request, reply, parseId(request.params.reportId, 'Report'));
      const user = authorize(request, reply, 'edit', resource);
      const recipients = await listRecipients(app.db, row.id);
      const recipientId = parseId(request.params.recipientId, 'Meeting');
      const recipient = recipients.find((r) => r.id === recipientId);
      if (!recipient) throw new NotFoundError('Meeting');
      const name = `receivedOn`;
      const values = Object.fromEntries(
        ['day', 'month', 'year'].map((p) => [`${name}-${p}`, field(request.body, `${name}-${p}`)]),
      );
      const result = parseForm(receivedForm, values);
      if (!result.ok) {
        return reply.code(400).page('publishing/committee-report.njk', {
          title: row.subject,
          section: 'publishing',
          row,
          recipients: recipients.map((r) => ({
            ...r,
            dateValues: r.id === recipient.id ? values : dateToFormValues('receivedOn', r.receivedOn),
          })),
          canEdit: true,
          errors: {
            list: result.errors.list.map((e) => ({ ...e, href: `#receivedOn-${recipient.id}-day` })),
            byField: {},
          },
          errorRecipientId: recipient.id,
          errorText: result.errors.list[0]?.text,
        });
      }
      try {
        await markRecipientReceived(
          app.db,
          row,
          recipient.id,
          Number(field(request.body, 'version')) || recipient.version,
          result.data.receivedOn,
          { userId: user.id, name: user.name },
        );
      } catch (error) {
        if (error instanceof PublishingError && error.code === 'not-found')
          throw new NotFoundError('Meeting');
        throw error;
      }
      flash(request, 'Receipt recorded');
      return reply.redirect(paths.publishing.committeeReport(row.id), 303);
    },
  );
}
