import type { FastifyInstance, FastifyReply } from 'fastify';
import { listMeasureRows } from '../../db/measures/queries.ts';
import { listPlans } from '../../db/plan/queries.ts';
import {
  publishQuarter,
  PublishingError,
  snapshotFingerprint,
  snapshotToPublish,
  withdrawPublication,
} from '../../db/publishing/commands.ts';
import {
  getPublication,
  getSettings,
  lastPublicationOfPlan,
  listPublications,
  quarterVersions,
} from '../../db/publishing/queries.ts';
import { checkQuarterInPeriod } from '../../domain/publishing/plan-period.ts';
import { easyReadAboveTarget } from '../../domain/publishing/plain-language.ts';
import { describeChange, diffPublications } from '../../domain/publishing/publication-diff.ts';
import { quarterByKey, recentQuarters, type Quarter } from '../../domain/publishing/quarters.ts';
import { checkPublish, checkWithdraw } from '../../domain/workflows/publication.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { field, isRecord, toFormErrors } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { planView } from '../public/plan-view.ts';
import { plainLanguageList } from './plain-list.ts';
import { flash } from '../flash.ts';

const resource = { type: 'publication' as const };
const reasonMax = 1000;

type Problem = { field: string; message: string };

/**
 * The publishing overview; publishing a quarter in two steps (choose, then check a preview of
 * exactly what will become public and what changed since the plan's last publication, then
 * confirm); and withdrawing a publication with a public reason.
 */
export function publishPages(app: FastifyInstance): void {
  app.get(paths.publishing.home.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const [publications, plans] = await Promise.all([
      listPublications(app.db, user.organisationId),
      listPlans(app.db, user.organisationId),
    ]);
    const latestPlanId = publications[0]?.planId ?? plans[0]?.id;
    const texts = latestPlanId ? await plainLanguageList(app.db, user.organisationId, latestPlanId) : null;
    // A version may be withdrawn while it is its quarter's latest and still on the public site.
    const latestIds = new Set<number>();
    const seen = new Set<string>();
    for (const p of [...publications].sort((a, b) => b.version - a.version)) {
      const key = `${p.planId}:${p.quarterStart}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!p.withdrawnAt) latestIds.add(p.id);
    }
    return reply.page('publishing/overview.njk', {
      title: 'Publishing',
      section: 'publishing',
      publications: publications.map((p) => ({ ...p, withdrawable: latestIds.has(p.id) })),
      texts,
      canPublish: can(user, 'publish', resource),
    });
  });

  const formData = async (organisationId: number) => {
    const [plans, measures, settings] = await Promise.all([
      listPlans(app.db, organisationId),
      listMeasureRows(app.db, organisationId),
      getSettings(app.db, organisationId),
    ]);
    return { plans, measures, settings, quarters: recentQuarters(app.clock.today(), 12) };
  };
  type FormData = Awaited<ReturnType<typeof formData>>;

  /** The person's choice from the form (or the preview's hidden fields), checked against the rules. */
  const readChoice = async (organisationId: number, data: FormData, body: unknown) => {
    const record = isRecord(body) ? body : {};
    const chosen = record.measureIds;
    const measureIds = (Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen])
      .map(String)
      .filter((id) => id !== '');
    const values = {
      planId: field(record, 'planId'),
      quarter: field(record, 'quarter'),
      measureIds,
      correction: field(record, 'correction') === 'yes',
      reason: field(record, 'reason').trim(),
      easyReadReason: field(record, 'easyReadReason').trim(),
    };
    const problems: Problem[] = [];
    const plan = data.plans.find((p) => String(p.id) === values.planId);
    if (!plan) problems.push({ field: 'planId', message: 'Select the plan to publish' });
    const quarter = quarterByKey(values.quarter);
    if (!quarter) problems.push({ field: 'quarter', message: 'Select the quarter this update covers' });
    if (plan && quarter) {
      const period = checkQuarterInPeriod(quarter, plan);
      if (!period.ok) problems.push({ field: 'quarter', message: period.message });
      else {
        const versions = await quarterVersions(app.db, organisationId, plan.id, quarter.start);
        const check = checkPublish(versions, plan.id, quarter.start, values);
        if (!check.ok)
          problems.push(
            check.problem === 'already-published'
              ? {
                  field: 'quarter',
                  message: `${quarter.label} has already been published. Choose another quarter, or publish a correction with a reason`,
                }
              : check.problem === 'nothing-to-correct'
                ? {
                    field: 'correction',
                    message: `${quarter.label} has not been published, so there is nothing to correct`,
                  }
                : { field: 'reason', message: 'Enter why this is a correction' },
          );
      }
    }
    if (values.correction && values.reason.length > reasonMax)
      problems.push({ field: 'reason', message: `Reason must be ${reasonMax} characters or fewer` });
    const known = new Set(data.measures.map((m) => String(m.id)));
    if (measureIds.some((id) => !known.has(id)))
      problems.push({ field: 'measureIds', message: 'Select measures from the list' });
    return { values, problems, plan, quarter };
  };

  const formPage = (reply: FastifyReply, data: FormData, values: object, problems: Problem[] = []) =>
    reply.code(problems.length ? 400 : 200).page('publishing/publish.njk', {
      title: 'Publish a quarter',
      section: 'publishing',
      ...data,
      values,
      ...(problems.length ? { errors: toFormErrors(problems) } : {}),
    });

  const previewPage = async (
    reply: FastifyReply,
    organisationId: number,
    choice: {
      values: {
        planId: string;
        quarter: string;
        measureIds: string[];
        correction: boolean;
        reason: string;
        easyReadReason: string;
      };
      plan: { id: number; title: string; period: string };
      quarter: Quarter;
    },
    stale = false,
    problems: Problem[] = [],
  ) => {
    const { plan, quarter, values } = choice;
    const input = {
      organisationId,
      planId: plan.id,
      quarter,
      measureIds: values.measureIds.map(Number),
      publishedAt: app.clock.now(),
    };
    const snapshot = await snapshotToPublish(app.db, input);
    const last = await lastPublicationOfPlan(app.db, organisationId, plan.id);
    const changes = diffPublications(last?.plan ?? null, snapshot).map(describeChange);
    const view = planView(
      {
        id: 0,
        organisationId,
        planId: plan.id,
        quarterLabel: quarter.label,
        quarterStart: quarter.start,
        publishedAt: input.publishedAt,
        version: 1,
        correctionReason: null,
        withdrawnAt: null,
        withdrawnReason: null,
        plan: snapshot,
      },
      false,
    );
    return reply.code(stale ? 409 : problems.length ? 400 : 200).page('publishing/publish-preview.njk', {
      title: `Check what will be published: ${quarter.label}`,
      section: 'publishing',
      view,
      snapshot,
      values,
      previewed: snapshotFingerprint(snapshot),
      last,
      changes,
      periodUnset: plan.period.trim() === '',
      stale,
      // Texts a child would read above the council's target: publishing them needs a reason.
      aboveTarget: easyReadAboveTarget(snapshot),
      reasonMax,
      ...(problems.length ? { errors: toFormErrors(problems) } : {}),
    });
  };

  app.get(paths.publishing.publish.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'publish', resource);
    const data = await formData(user.organisationId);
    return formPage(reply, data, {
      planId: String(data.plans[0]?.id ?? ''),
      quarter: data.quarters[0]?.key ?? '',
      measureIds: data.settings.publicMeasureIds.map(String),
      correction: false,
      reason: '',
      easyReadReason: '',
    });
  });

  app.post(paths.publishing.publishPreview.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'publish', resource);
    const data = await formData(user.organisationId);
    const choice = await readChoice(user.organisationId, data, request.body);
    if (!choice.plan || !choice.quarter || choice.problems.length > 0)
      return formPage(reply, data, choice.values, choice.problems);
    return previewPage(reply, user.organisationId, { ...choice, plan: choice.plan, quarter: choice.quarter });
  });

  app.post(paths.publishing.publish.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'publish', resource);
    const data = await formData(user.organisationId);
    const choice = await readChoice(user.organisationId, data, request.body);
    if (!choice.plan || !choice.quarter || choice.problems.length > 0)
      return formPage(reply, data, choice.values, choice.problems);
    const ready = { ...choice, plan: choice.plan, quarter: choice.quarter };
    const previewed = field(request.body, 'previewed');
    // Nothing is published without its preview having been seen: without one, this is the check step.
    if (previewed === '') return previewPage(reply, user.organisationId, ready);
    if (choice.values.easyReadReason.length > reasonMax)
      return previewPage(reply, user.organisationId, ready, false, [
        { field: 'easyReadReason', message: `Reason must be ${reasonMax} characters or fewer` },
      ]);
    try {
      await publishQuarter(app.db, {
        organisationId: user.organisationId,
        planId: ready.plan.id,
        quarter: ready.quarter,
        measureIds: choice.values.measureIds.map(Number),
        actor: { userId: user.id, name: user.name },
        publishedAt: app.clock.now(),
        correction: choice.values.correction,
        reason: choice.values.reason,
        previewed,
        easyReadReason: choice.values.easyReadReason,
      });
    } catch (error) {
      if (!(error instanceof PublishingError)) throw error;
      if (error.code === 'preview-out-of-date') return previewPage(reply, user.organisationId, ready, true);
      if (error.code === 'easy-read-reason-needed')
        return previewPage(reply, user.organisationId, ready, false, [
          { field: 'easyReadReason', message: error.message },
        ]);
      return formPage(reply, data, choice.values, [
        { field: error.field ?? 'quarter', message: error.message },
      ]);
    }
    flash(request, choice.values.correction ? 'Correction published' : 'Quarter published');
    return reply.redirect(paths.publishing.home(), 303);
  });

  const withdrawable = async (organisationId: number, publicationId: string) => {
    const publication = await getPublication(app.db, organisationId, parseId(publicationId, 'Publication'));
    if (!publication) throw new NotFoundError('Publication');
    const versions = await quarterVersions(
      app.db,
      organisationId,
      publication.planId,
      publication.quarterStart,
    );
    return { publication, versions };
  };

  const withdrawPage = (
    reply: FastifyReply,
    publication: { id: number; quarterLabel: string; version: number; plan: { plan: { title: string } } },
    values: { reason: string },
    problems: Problem[] = [],
    refusal: string | null = null,
  ) =>
    reply.code(problems.length || refusal ? 400 : 200).page('publishing/withdraw.njk', {
      title: `Withdraw ${publication.quarterLabel}`,
      section: 'publishing',
      publication,
      values,
      refusal,
      ...(problems.length ? { errors: toFormErrors(problems) } : {}),
    });

  app.get<{ Params: RouteParams<typeof paths.publishing.withdrawPublication> }>(
    paths.publishing.withdrawPublication.pattern,
    async (request, reply) => {
      const user = authorize(request, reply, 'publish', resource);
      const { publication, versions } = await withdrawable(user.organisationId, request.params.publicationId);
      const check = checkWithdraw(publication, versions, 'a reason');
      const refusal = check.ok ? null : refusalText(check.problem);
      return withdrawPage(reply, publication, { reason: '' }, [], refusal);
    },
  );

  app.post<{ Params: RouteParams<typeof paths.publishing.withdrawPublication> }>(
    paths.publishing.withdrawPublication.pattern,
    async (request, reply) => {
      const user = authorize(request, reply, 'publish', resource);
      const { publication } = await withdrawable(user.organisationId, request.params.publicationId);
      const reason = field(request.body, 'reason').trim();
      const problems: Problem[] = [];
      if (reason === '') problems.push({ field: 'reason', message: 'Enter why it is being withdrawn' });
      else if (reason.length > reasonMax)
        problems.push({ field: 'reason', message: `Reason must be ${reasonMax} characters or fewer` });
      if (problems.length) return withdrawPage(reply, publication, { reason }, problems);
      try {
        await withdrawPublication(app.db, {
          organisationId: user.organisationId,
          publicationId: publication.id,
          reason,
          actor: { userId: user.id, name: user.name },
          withdrawnAt: app.clock.now(),
        });
      } catch (error) {
        if (!(error instanceof PublishingError)) throw error;
        return withdrawPage(reply, publication, { reason }, [], error.message);
      }
      flash(request, `${publication.quarterLabel} withdrawn`);
      return reply.redirect(paths.publishing.home(), 303);
    },
  );
}

function refusalText(problem: 'already-withdrawn' | 'replaced' | 'reason-needed'): string | null {
  if (problem === 'already-withdrawn') return 'This publication has already been withdrawn';
  if (problem === 'replaced')
    return 'A correction has replaced this version: withdraw the latest version instead';
  return null;
}
