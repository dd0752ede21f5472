import type { FastifyInstance } from 'fastify';
import {
  closeFinding,
  createCaseAudit,
  createFinding,
  saveCaseAuditSettings,
  saveProgramme,
  updateCaseAudit,
  updateFinding,
} from '../../db/case-audits/commands.ts';
import { defaultCaseAuditSettings } from '../../domain/case-audits/grades.ts';
import { requireUser } from '../auth.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { paths } from '../paths.ts';
import { getCaseAuditSettings } from '../../db/case-audits/queries.ts';
import { auditForm } from './forms.ts';
import { programmeForm } from './forms.ts';
import { caseAuditSettingsForm, closeFindingForm, findingForm } from './finding-forms.ts';
import { crumbs, type caseAuditLoaders, caseAuditResource } from './loaders.ts';

// Before the first save a record has no time of its own: only a saved row can be newer than the form.
const epoch = new Date(0);

/** The forms of case audits: a quarter's programme, an audit, a finding, closing it, and the council's scale. */
export function caseAuditFormRoutes(app: FastifyInstance, load: ReturnType<typeof caseAuditLoaders>) {
  const resource = () => caseAuditResource;
  const quarterPage = (ctx: {
    plan: { id: number; title: string };
    quarter: { key: string; label: string };
  }) => paths.caseAuditQuarter(ctx.plan.id, ctx.quarter.key);

  editRoute(app, {
    path: paths.caseAuditProgramme.pattern,
    action: 'edit',
    load: load.planQuarter,
    resource,
    form: programmeForm,
    formContext: (ctx) => ({ rise: ctx.settings.quarterlyRise }),
    // A quarter without a programme starts at version 1 all the same, as a council's first scale does.
    record: (ctx) =>
      ctx.programme ?? {
        id: 0,
        planId: ctx.plan.id,
        quarter: ctx.quarter.key,
        themes: [],
        plannedCount: 0,
        auditors: [],
        moderationNote: '',
        targetPercent: null,
        version: 1,
        createdAt: epoch,
        updatedAt: epoch,
      },
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'case-audit-programme',
      recordId: ctx.programme?.id ?? 0,
    }),
    page: (ctx) => ({
      title: `Audit programme for ${ctx.quarter.label}`,
      caption: ctx.plan.title,
      cancelLink: quarterPage(ctx),
      breadcrumbs: crumbs(ctx.plan, ctx.quarter),
    }),
    doneMessage: 'Audit programme saved',
    save: (ctx, data, version, actor) =>
      saveProgramme(app.db, ctx.plan, ctx.quarter.key, ctx.programme, version, data, actor),
    done: (ctx) => quarterPage(ctx),
  });

  createRoute(app, {
    path: paths.newCaseAudit.pattern,
    action: 'create',
    load: load.planQuarter,
    resource,
    form: auditForm,
    formContext: (ctx) => ({ ...ctx, findings: 0 }),
    initialValues: () => ({ moderated: 'no' }),
    page: (ctx) => ({
      title: 'Add a case audit',
      caption: `${ctx.plan.title}: ${ctx.quarter.label}`,
      cancelLink: quarterPage(ctx),
      breadcrumbs: crumbs(ctx.plan, ctx.quarter),
    }),
    create: (ctx, data, actor) =>
      createCaseAudit(app.db, ctx.plan, ctx.quarter.key, data.audit, data.finding, actor),
    done: (ctx) => quarterPage(ctx),
  });

  editRoute(app, {
    path: paths.editCaseAudit.pattern,
    action: 'edit',
    load: load.audit,
    resource,
    form: auditForm,
    formContext: (ctx) => ({ ...ctx, findings: ctx.findings.length }),
    record: (ctx) => ctx.audit,
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'case-audit',
      recordId: ctx.audit.id,
    }),
    page: (ctx) => ({
      title: 'Change the case audit',
      caption: `${ctx.plan.title}: ${ctx.quarter.label}`,
      cancelLink: paths.caseAudit(ctx.audit.id),
      breadcrumbs: crumbs(ctx.plan, ctx.quarter),
    }),
    save: (ctx, data, version, actor) =>
      updateCaseAudit(app.db, ctx, version, data.audit, data.finding, actor),
    done: (ctx) => paths.caseAudit(ctx.audit.id),
  });

  createRoute(app, {
    path: paths.newCaseAuditFinding.pattern,
    action: 'edit',
    load: load.audit,
    resource,
    form: findingForm,
    formContext: () => undefined,
    page: (ctx) => ({
      title: 'Add a finding',
      caption: `Case audit ${ctx.audit.caseReference}`,
      cancelLink: paths.caseAudit(ctx.audit.id),
    }),
    create: (ctx, data, actor) => createFinding(app.db, ctx, data, actor),
    done: (ctx) => paths.caseAudit(ctx.audit.id),
  });

  const findingRoute = {
    action: 'edit',
    load: load.finding,
    resource,
    formContext: () => undefined,
    record: (ctx: Awaited<ReturnType<typeof load.finding>>) => ctx.finding,
    historyKey: (ctx: Awaited<ReturnType<typeof load.finding>>) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'case-audit-finding',
      recordId: ctx.finding.id,
    }),
    done: (ctx: Awaited<ReturnType<typeof load.finding>>) => paths.caseAudit(ctx.audit.id),
  } as const;

  editRoute(app, {
    ...findingRoute,
    path: paths.editCaseAuditFinding.pattern,
    form: findingForm,
    page: (ctx) => ({
      title: 'Change the finding',
      caption: `Case audit ${ctx.audit.caseReference}`,
      cancelLink: paths.caseAudit(ctx.audit.id),
    }),
    save: (ctx, data, version, actor) => updateFinding(app.db, ctx, version, data, actor),
  });

  editRoute(app, {
    ...findingRoute,
    path: paths.closeCaseAuditFinding.pattern,
    form: closeFindingForm,
    page: (ctx) => ({
      title: 'Close the finding',
      caption: `Case audit ${ctx.audit.caseReference}`,
      cancelLink: paths.caseAudit(ctx.audit.id),
    }),
    doneMessage: 'Finding closed',
    save: (ctx, data, version, actor) => closeFinding(app.db, ctx, version, data.closedOn, actor),
  });

  editRoute(app, {
    path: paths.caseAuditSettings.pattern,
    action: 'edit',
    load: async (request, reply) => {
      const user = requireUser(request, reply);
      return { user, ...(await getCaseAuditSettings(app.db, user.organisationId)) };
    },
    resource: () => ({ type: 'case-audit-settings' }),
    form: caseAuditSettingsForm,
    formContext: () => undefined,
    record: (ctx) => ({
      ...(ctx.row ?? defaultCaseAuditSettings),
      version: ctx.row?.version ?? 1,
      updatedAt: ctx.row?.updatedAt ?? epoch,
    }),
    historyKey: (ctx) => ({
      organisationId: ctx.user.organisationId,
      recordType: 'case-audit-settings',
      recordId: ctx.row?.id ?? 0,
    }),
    page: () => ({
      title: 'Case audit scale',
      caption: 'Case audits',
      cancelLink: paths.plans(),
      section: 'plan',
    }),
    save: (ctx, data, version, actor) =>
      saveCaseAuditSettings(app.db, ctx.user.organisationId, ctx.row, version, data, actor),
    done: () => paths.plans(),
  });
}
