import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addQuestion,
  addTheme,
  createConsultation,
  setResponseThemes,
  updateConsultation,
} from '../../db/publishing/commands.ts';
import {
  getConsultation,
  listConsultations,
  listQuestions,
  listResponses,
  listThemes,
  summaryByTheme,
  type ConsultationRow,
} from '../../db/publishing/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { isRecord } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { consultationForm, questionForm, themeForm } from './consultation-forms.ts';
import { feedbackSourceNames } from '../../domain/publishing/feedback.ts';
import { flash } from '../flash.ts';

const resource = { type: 'publication' as const };

/** Consultations: questions, responses from the public form, themes, and the summary by theme. */
export function consultationPages(app: FastifyInstance): void {
  type Reply = Parameters<typeof requireUser>[1];
  const loadConsultation = async (
    request: FastifyRequest,
    reply: Reply,
    consultationId: number,
  ): Promise<ConsultationRow> => {
    const user = requireUser(request, reply);
    const row = await getConsultation(app.db, user.organisationId, consultationId);
    if (!row) throw new NotFoundError('Consultation');
    return row;
  };
  const load = (request: FastifyRequest<{ Params: { consultationId: string } }>, reply: Reply) =>
    loadConsultation(request, reply, parseId(request.params.consultationId, 'Consultation'));

  app.get(paths.publishing.consultations.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const rows = await listConsultations(app.db, user.organisationId);
    return reply.page('publishing/consultations.njk', {
      title: 'Consultations',
      section: 'publishing',
      rows,
      canEdit: can(user, 'create', resource),
    });
  });

  createRoute(app, {
    path: paths.publishing.newConsultation.pattern,
    doneMessage: 'Consultation started',
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => resource,
    form: consultationForm,
    formContext: () => undefined,
    initialValues: () => ({ status: 'draft' }),
    page: () => ({
      section: 'publishing',
      title: 'Start a consultation',
      cancelLink: paths.publishing.consultations(),
    }),
    create: (user, data, actor) => createConsultation(app.db, user.organisationId, data, actor),
    done: (_user, created) => paths.publishing.consultation(created.id),
  });

  editRoute(app, {
    path: paths.publishing.editConsultation.pattern,
    action: 'edit',
    load,
    resource: () => resource,
    form: consultationForm,
    formContext: () => undefined,
    record: (row) => row,
    historyKey: (row) => ({
      organisationId: row.organisationId,
      recordType: 'consultation',
      recordId: row.id,
    }),
    page: (row) => ({
      section: 'publishing',
      title: 'Change the consultation',
      caption: row.title,
      cancelLink: paths.publishing.consultation(row.id),
    }),
    save: (row, data, version, actor) => updateConsultation(app.db, row, version, data, actor),
    done: (row) => paths.publishing.consultation(row.id),
  });

  app.get<{ Params: RouteParams<typeof paths.publishing.consultation> }>(
    paths.publishing.consultation.pattern,
    async (request, reply) => {
      const row = await load(request, reply);
      const user = authorize(request, reply, 'read', resource);
      const [questions, themes, responses] = await Promise.all([
        listQuestions(app.db, row.id),
        listThemes(app.db, row.id),
        listResponses(app.db, row.id),
      ]);
      return reply.page('publishing/consultation.njk', {
        title: row.title,
        section: 'publishing',
        row,
        closesOn: formatDate(row.closesOn),
        questions,
        themes,
        responses: responses.map((r, i) => ({
          ...r,
          number: i + 1,
          respondentText: feedbackSourceNames[r.respondent] ?? '',
          themeNames: themes.filter((t) => r.themeIds.includes(t.id)).map((t) => t.name),
        })),
        canEdit: can(user, 'edit', resource),
      });
    },
  );

  createRoute(app, {
    path: paths.publishing.newQuestion.pattern,
    action: 'edit',
    load,
    resource: () => resource,
    form: questionForm,
    formContext: () => undefined,
    initialValues: () => ({ required: 'no' }),
    page: (row) => ({
      section: 'publishing',
      title: 'Add a question',
      caption: row.title,
      cancelLink: paths.publishing.consultation(row.id),
    }),
    create: (row, data, actor) => addQuestion(app.db, row, data, actor),
    done: (row) => paths.publishing.consultation(row.id),
  });

  createRoute(app, {
    path: paths.publishing.newTheme.pattern,
    action: 'edit',
    load,
    resource: () => resource,
    form: themeForm,
    formContext: () => undefined,
    page: (row) => ({
      section: 'publishing',
      title: 'Add a theme',
      caption: row.title,
      cancelLink: paths.publishing.consultation(row.id),
    }),
    create: (row, data, actor) => addTheme(app.db, row, data, actor),
    done: (row) => paths.publishing.consultation(row.id),
  });

  const responsePage = async (
    request: FastifyRequest<{ Params: RouteParams<typeof paths.publishing.consultationResponse> }>,
    reply: Reply,
  ) => {
    const row = await load(request, reply);
    const responseId = parseId(request.params.responseId, 'Response');
    const [questions, themes, responses] = await Promise.all([
      listQuestions(app.db, row.id),
      listThemes(app.db, row.id),
      listResponses(app.db, row.id),
    ]);
    const index = responses.findIndex((r) => r.id === responseId);
    if (index === -1) throw new NotFoundError('Response');
    return { row, questions, themes, response: responses[index]!, number: index + 1 };
  };

  app.get<{ Params: RouteParams<typeof paths.publishing.consultationResponse> }>(
    paths.publishing.consultationResponse.pattern,
    async (request, reply) => {
      const ctx = await responsePage(request, reply);
      authorize(request, reply, 'read', resource);
      return reply.page('publishing/consultation-response.njk', {
        title: `Response ${ctx.number}`,
        section: 'publishing',
        ...ctx,
        respondentText: feedbackSourceNames[ctx.response.respondent] ?? '',
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.publishing.consultationResponse> }>(
    paths.publishing.consultationResponse.pattern,
    async (request, reply) => {
      const ctx = await responsePage(request, reply);
      const user = authorize(request, reply, 'edit', resource);
      const body = isRecord(request.body) ? request.body : {};
      const chosen = Array.isArray(body.themeIds)
        ? body.themeIds
        : body.themeIds === undefined
          ? []
          : [body.themeIds];
      const known = new Set(ctx.themes.map((t) => t.id));
      await setResponseThemes(
        app.db,
        ctx.row,
        ctx.response.id,
        chosen.map(Number).filter((id) => known.has(id)),
        { userId: user.id, name: user.name },
      );
      flash(request, 'Themes saved');
      return reply.redirect(paths.publishing.consultation(ctx.row.id), 303);
    },
  );

  app.get<{ Params: RouteParams<typeof paths.publishing.consultationSummary> }>(
    paths.publishing.consultationSummary.pattern,
    async (request, reply) => {
      const row = await load(request, reply);
      authorize(request, reply, 'read', resource);
      const summary = await summaryByTheme(app.db, row.id);
      return reply.page('publishing/consultation-summary.njk', {
        title: `${row.title}: summary by theme`,
        section: 'publishing',
        row,
        summary,
      });
    },
  );
}
