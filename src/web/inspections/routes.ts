import type { FastifyPluginCallback } from 'fastify';
import {
  createFinding,
  createInspection,
  createJudgement,
  InspectionRuleError,
  updateFinding,
  updateInspection,
  updateJudgement,
} from '../../db/inspections/commands.ts';
import {
  answerOptions,
  getInspection,
  listInspections,
  priorityOptions,
  type Inspection,
} from '../../db/inspections/queries.ts';
import {
  areaName,
  findingKindNames,
  frameworkByCode,
  gradeNames,
  hasFocus,
  inspectionKindNames,
  isGraded,
  needsAnswer,
} from '../../domain/inspections/index.ts';
import { formatDate } from '../../domain/format.ts';
import { frameworkOutcomeLabel } from '../../domain/national-framework.ts';
import { allowedActions, can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError } from '../errors/http-errors.ts';
import { FieldError } from '../forms/parse.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths, type RouteParams } from '../paths.ts';
import { findingForm, inspectionForm, judgementForm } from './forms.ts';
import { gatherEvidence } from './evidence.ts';
import { inspectionLoaders, inspectionResource } from './loaders.ts';

const section = 'inspections';
const crumbs = [{ text: 'Inspections', href: paths.inspections() }];
const labels = { inspectionKindNames, gradeNames, findingKindNames };

/** A rule the record keeps, shown against its field like any other problem. */
const asFieldError = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InspectionRuleError) throw new FieldError(error.field, error.message);
    throw error;
  }
};

const frameworkOf = (inspection: Inspection) => {
  const framework = frameworkByCode(inspection.frameworkVersion);
  if (!framework) throw new NotFoundError('Framework');
  return framework;
};

const titleOf = (i: Inspection) => `${inspectionKindNames[i.kind]}, ${formatDate(i.startDate)}`;

/** The inspection record: the list, each inspection's page, and the forms for it, its judgements and findings. */
export const inspectionRoutes: FastifyPluginCallback = (app, _options, done) => {
  const load = inspectionLoaders(app);
  const formContext = async (organisationId: number) => ({
    priorities: await priorityOptions(app.db, organisationId),
  });

  app.get(paths.inspections.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', inspectionResource);
    const rows = await listInspections(app.db, user.organisationId);
    return reply.page('inspections/list.njk', {
      title: 'Inspections and visits',
      section,
      inspections: rows.map((i) => ({
        ...i,
        overall: i.judgements.find((j) => j.area === 'overall-effectiveness')?.grade ?? null,
        toAnswer: i.findings.filter((f) => needsAnswer(f.kind)).length,
        unanswered: i.findings.filter((f) => needsAnswer(f.kind) && f.answeringCommitmentIds.length === 0)
          .length,
      })),
      ...labels,
      canCreate: can(user, 'create', inspectionResource),
    });
  });

  createRoute(app, {
    path: paths.newInspection.pattern,
    action: 'create',
    load: (request, reply) => Promise.resolve(requireUser(request, reply)),
    resource: () => inspectionResource,
    form: inspectionForm,
    formContext: (user) => formContext(user.organisationId),
    page: () => ({
      title: 'Add an inspection or visit',
      cancelLink: paths.inspections(),
      section,
      breadcrumbs: crumbs,
    }),
    doneMessage: 'Inspection added',
    create: (user, data, actor) => createInspection(app.db, user.organisationId, data, actor),
    done: (_user, created) => paths.inspection(created.id),
  });

  app.get<{ Params: RouteParams<typeof paths.inspection> }>(
    paths.inspection.pattern,
    async (request, reply) => {
      const inspection = await load.inspection(request, reply);
      const user = authorize(request, reply, 'read', inspectionResource);
      const framework = frameworkByCode(inspection.frameworkVersion);
      const judged = new Set(inspection.judgements.map((j) => j.area));
      const evidence = hasFocus(inspection.kind)
        ? await gatherEvidence(app, user.organisationId, inspection)
        : null;
      return reply.page('inspections/inspection.njk', {
        title: titleOf(inspection),
        section,
        inspection,
        framework,
        graded: isGraded(inspection.kind),
        judgements: inspection.judgements.map((j) => ({
          ...j,
          areaName: areaName(inspection.frameworkVersion, j.area),
        })),
        notJudged: (framework?.areas ?? [])
          .filter((a) => !a.optional && !judged.has(a.code))
          .map((a) => a.name),
        findings: inspection.findings.map((f) => ({
          ...f,
          outcomeLabel: f.frameworkOutcome ? frameworkOutcomeLabel(f.frameworkOutcome) : '',
          needsAnswer: needsAnswer(f.kind),
        })),
        evidence,
        ...labels,
        can: allowedActions(user, inspectionResource),
        breadcrumbs: crumbs,
      });
    },
  );

  editRoute(app, {
    path: paths.editInspection.pattern,
    action: 'edit',
    load: load.inspection,
    resource: () => inspectionResource,
    form: inspectionForm,
    formContext: (i) => formContext(i.organisationId),
    record: (i) => i,
    historyKey: (i) => ({ organisationId: i.organisationId, recordType: 'inspection', recordId: i.id }),
    page: (i) => ({
      title: 'Change the inspection',
      caption: titleOf(i),
      cancelLink: paths.inspection(i.id),
      section,
      breadcrumbs: crumbs,
    }),
    save: (i, data, version, actor) => updateInspection(app.db, i, version, data, actor),
    done: (i) => paths.inspection(i.id),
  });

  createRoute(app, {
    path: paths.newJudgement.pattern,
    action: 'create',
    load: load.inspection,
    resource: () => inspectionResource,
    form: judgementForm,
    formContext: (i) => ({ framework: frameworkOf(i), taken: i.judgements.map((j) => j.area) }),
    page: (i) => ({
      title: 'Add a judgement',
      caption: titleOf(i),
      cancelLink: paths.inspection(i.id),
      section,
    }),
    create: (i, data, actor) => asFieldError(() => createJudgement(app.db, i, data, actor)),
    done: (i) => paths.inspection(i.id),
  });

  editRoute(app, {
    path: paths.editJudgement.pattern,
    action: 'edit',
    load: load.judgement,
    resource: () => inspectionResource,
    form: judgementForm,
    formContext: async (ctx) => {
      const current = await getInspection(app.db, ctx.inspection.organisationId, ctx.inspection.id);
      const taken = (current?.judgements ?? []).map((j) => j.area).filter((a) => a !== ctx.judgement.area);
      return { framework: frameworkOf(ctx.inspection), taken };
    },
    record: (ctx) => ctx.judgement,
    historyKey: (ctx) => ({
      organisationId: ctx.inspection.organisationId,
      recordType: 'inspection-judgement',
      recordId: ctx.judgement.id,
    }),
    page: (ctx) => ({
      title: 'Change the judgement',
      caption: titleOf(ctx.inspection),
      cancelLink: paths.inspection(ctx.inspection.id),
      section,
    }),
    save: (ctx, data, version, actor) =>
      asFieldError(() => updateJudgement(app.db, ctx, version, data, actor)),
    done: (ctx) => paths.inspection(ctx.inspection.id),
  });

  createRoute(app, {
    path: paths.newFinding.pattern,
    action: 'create',
    load: load.inspection,
    resource: () => inspectionResource,
    form: findingForm,
    formContext: (i) => answerOptions(app.db, i.organisationId),
    initialValues: (i) => ({ kind: hasFocus(i.kind) ? 'area-for-improvement' : 'recommendation' }),
    page: (i) => ({
      title: 'Add a finding or recommendation',
      caption: titleOf(i),
      cancelLink: paths.inspection(i.id),
      section,
    }),
    doneMessage: 'Finding added',
    create: (i, data, actor) => createFinding(app.db, i, data, actor),
    done: (i) => paths.inspection(i.id),
  });

  editRoute(app, {
    path: paths.editFinding.pattern,
    action: 'edit',
    load: load.finding,
    resource: () => inspectionResource,
    form: findingForm,
    formContext: (ctx) => answerOptions(app.db, ctx.inspection.organisationId),
    record: (ctx) => ctx.finding,
    historyKey: (ctx) => ({
      organisationId: ctx.inspection.organisationId,
      recordType: 'inspection-finding',
      recordId: ctx.finding.id,
    }),
    page: (ctx) => ({
      title: 'Change the finding and what answers it',
      caption: titleOf(ctx.inspection),
      cancelLink: paths.inspection(ctx.inspection.id),
      section,
    }),
    save: (ctx, data, version, actor) => updateFinding(app.db, ctx, version, data, actor),
    done: (ctx) => paths.inspection(ctx.inspection.id),
  });

  done();
};
