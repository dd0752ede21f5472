import type { FastifyInstance, FastifyRequest } from 'fastify';
import { updateRecord } from '../../db/changes.ts';
import { getCommitment, getOutcome, getPriorityContext, listPlans } from '../../db/plan/queries.ts';
import { commitments, outcomes, priorities } from '../../db/schema.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';
import { editRoute } from '../forms/record-routes.ts';
import { plainForm } from './forms.ts';
import { plainLanguageList } from './plain-list.ts';

const resource = { type: 'publication' as const };
const id = (request: FastifyRequest, what: string) =>
  parseId((request.params as Record<string, string>).id, what);

/** Plain-language versions: the list of texts (what lacks one, what reads too hard) and editing each. */
export async function plainPages(app: FastifyInstance) {
  app.get<{ Querystring: { plan?: string; show?: string } }>(
    '/publishing/plain-language',
    async (request, reply) => {
      const user = authorize(request, reply, 'read', resource);
      const plans = await listPlans(app.db, user.organisationId);
      const planId = plans.find((p) => String(p.id) === request.query.plan)?.id ?? plans[0]?.id;
      const list = planId ? await plainLanguageList(app.db, user.organisationId, planId) : null;
      const show =
        request.query.show === 'missing' || request.query.show === 'hard' ? request.query.show : 'all';
      const texts = !list
        ? []
        : show === 'missing'
          ? list.missing
          : show === 'hard'
            ? list.aboveTarget
            : list.texts;
      return reply.page('publishing/plain-language.njk', {
        title: 'Plain language',
        section: 'publishing',
        plans,
        planId,
        list,
        texts,
        show,
      });
    },
  );

  const loadPriority = async (request: FastifyRequest, reply: Parameters<typeof requireUser>[1]) => {
    const user = requireUser(request, reply);
    const ctx = await getPriorityContext(app.db, user.organisationId, id(request, 'Priority'));
    if (!ctx) throw new NotFoundError('Priority');
    return ctx;
  };
  editRoute(app, {
    path: '/publishing/plain-language/priority/:id',
    action: 'edit',
    load: loadPriority,
    resource: () => resource,
    form: plainForm('Plain-language title'),
    formContext: (ctx) => ({ original: ctx.priority.title }),
    record: (ctx) => ({ plain: ctx.priority.plainTitle, version: ctx.priority.version }),
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'priority',
      recordId: ctx.priority.id,
    }),
    page: (ctx) => ({
      section: 'publishing',
      title: 'Plain-language title',
      caption: `Priority ${ctx.priority.number}: ${ctx.priority.title}`,
      cancelLink: paths.publishing.plainLanguage({ plan: ctx.plan.id }),
    }),
    save: async (ctx, data, version, actor) => {
      const saved = await updateRecord(
        app.db,
        priorities,
        'priority',
        ctx.plan.organisationId,
        ctx.priority.id,
        version,
        { plainTitle: data.plain },
        actor,
      );
      return saved.ok
        ? { ok: true, record: { ...saved.record, plain: saved.record.plainTitle } }
        : saved.conflict
          ? { ok: false, conflict: true, current: { ...saved.current, plain: saved.current.plainTitle } }
          : saved;
    },
    done: (ctx) => paths.publishing.plainLanguage({ plan: ctx.plan.id }),
  });

  editRoute(app, {
    path: '/publishing/plain-language/commitment/:id',
    action: 'edit',
    load: async (request, reply) => {
      const user = requireUser(request, reply);
      const ctx = await getCommitment(app.db, user.organisationId, id(request, 'Commitment'));
      if (!ctx) throw new NotFoundError('Commitment');
      return ctx;
    },
    resource: () => resource,
    form: plainForm('Plain-language “We said”'),
    formContext: (ctx) => ({ original: ctx.commitment.text }),
    record: (ctx) => ({ plain: ctx.commitment.plainText, version: ctx.commitment.version }),
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'commitment',
      recordId: ctx.commitment.id,
    }),
    page: (ctx) => ({
      section: 'publishing',
      title: 'Plain-language “We said”',
      caption: ctx.commitment.text,
      cancelLink: paths.publishing.plainLanguage({ plan: ctx.plan.id }),
    }),
    save: async (ctx, data, version, actor) => {
      const saved = await updateRecord(
        app.db,
        commitments,
        'commitment',
        ctx.plan.organisationId,
        ctx.commitment.id,
        version,
        { plainText: data.plain },
        actor,
      );
      return saved.ok
        ? { ok: true, record: { ...saved.record, plain: saved.record.plainText } }
        : saved.conflict
          ? { ok: false, conflict: true, current: { ...saved.current, plain: saved.current.plainText } }
          : saved;
    },
    done: (ctx) => paths.publishing.plainLanguage({ plan: ctx.plan.id }),
  });

  editRoute(app, {
    path: '/publishing/plain-language/outcome/:id',
    action: 'edit',
    load: async (request, reply) => {
      const user = requireUser(request, reply);
      const ctx = await getOutcome(app.db, user.organisationId, id(request, 'Outcome'));
      if (!ctx) throw new NotFoundError('Outcome');
      return ctx;
    },
    resource: () => resource,
    form: plainForm('Plain-language “We did”'),
    formContext: (ctx) => ({ original: ctx.outcome.text }),
    record: (ctx) => ({ plain: ctx.outcome.plainText, version: ctx.outcome.version }),
    historyKey: (ctx) => ({
      organisationId: ctx.plan.organisationId,
      recordType: 'outcome',
      recordId: ctx.outcome.id,
    }),
    page: (ctx) => ({
      section: 'publishing',
      title: 'Plain-language “We did”',
      caption: ctx.outcome.text,
      cancelLink: paths.publishing.plainLanguage({ plan: ctx.plan.id }),
    }),
    save: async (ctx, data, version, actor) => {
      const saved = await updateRecord(
        app.db,
        outcomes,
        'outcome',
        ctx.plan.organisationId,
        ctx.outcome.id,
        version,
        { plainText: data.plain },
        actor,
      );
      return saved.ok
        ? { ok: true, record: { ...saved.record, plain: saved.record.plainText } }
        : saved.conflict
          ? { ok: false, conflict: true, current: { ...saved.current, plain: saved.current.plainText } }
          : saved;
    },
    done: (ctx) => paths.publishing.plainLanguage({ plan: ctx.plan.id }),
  });
}
