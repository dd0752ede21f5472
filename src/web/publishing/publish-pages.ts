import type { FastifyInstance } from 'fastify';
import { listMeasureRows } from '../../db/measures/queries.ts';
import { listPlans } from '../../db/plan/queries.ts';
import { publishQuarter, PublishingError } from '../../db/publishing/commands.ts';
import { getSettings, listPublications } from '../../db/publishing/queries.ts';
import { quarterByKey, recentQuarters } from '../../domain/publishing/quarters.ts';
import { can } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { field, isRecord, toFormErrors } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { plainLanguageList } from './plain-list.ts';
import { flash } from '../flash.ts';

const resource = { type: 'publication' as const };

/** The publishing overview, and publishing a quarter (which freezes the public snapshot). */
export function publishPages(app: FastifyInstance): void {
  app.get(paths.publishing.home.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', resource);
    const [publications, plans] = await Promise.all([
      listPublications(app.db, user.organisationId),
      listPlans(app.db, user.organisationId),
    ]);
    const latestPlanId = publications[0]?.planId ?? plans[0]?.id;
    const texts = latestPlanId ? await plainLanguageList(app.db, user.organisationId, latestPlanId) : null;
    return reply.page('publishing/overview.njk', {
      title: 'Publishing',
      section: 'publishing',
      publications,
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

  app.get(paths.publishing.publish.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'publish', resource);
    const data = await formData(user.organisationId);
    return reply.page('publishing/publish.njk', {
      title: 'Publish a quarter',
      section: 'publishing',
      ...data,
      values: {
        planId: String(data.plans[0]?.id ?? ''),
        quarter: data.quarters[0]?.key ?? '',
        measureIds: data.settings.publicMeasureIds.map(String),
      },
    });
  });

  app.post(paths.publishing.publish.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'publish', resource);
    const data = await formData(user.organisationId);
    const body = isRecord(request.body) ? request.body : {};
    const chosen = body.measureIds;
    const measureIds = (Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen])
      .map(String)
      .filter((id) => id !== '');
    const values = { planId: field(body, 'planId'), quarter: field(body, 'quarter'), measureIds };
    const problems: { field: string; message: string }[] = [];
    const plan = data.plans.find((p) => String(p.id) === values.planId);
    if (!plan) problems.push({ field: 'planId', message: 'Select the plan to publish' });
    const quarter = quarterByKey(values.quarter);
    if (!quarter) problems.push({ field: 'quarter', message: 'Select the quarter this update covers' });
    const known = new Set(data.measures.map((m) => String(m.id)));
    if (measureIds.some((id) => !known.has(id)))
      problems.push({ field: 'measureIds', message: 'Select measures from the list' });
    const refuse = () =>
      reply.code(400).page('publishing/publish.njk', {
        title: 'Publish a quarter',
        section: 'publishing',
        ...data,
        values,
        errors: toFormErrors(problems),
      });
    if (!plan || !quarter || problems.length > 0) return refuse();
    try {
      await publishQuarter(app.db, {
        organisationId: user.organisationId,
        planId: plan.id,
        quarter,
        measureIds: measureIds.map(Number),
        actor: { userId: user.id, name: user.name },
        publishedAt: app.clock.now(),
      });
    } catch (error) {
      if (!(error instanceof PublishingError)) throw error;
      problems.push({ field: error.field ?? 'quarter', message: error.message });
      return refuse();
    }
    flash(request, 'Quarter published');
    return reply.redirect(paths.publishing.home(), 303);
  });
}
