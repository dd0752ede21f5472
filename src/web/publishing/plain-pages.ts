import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getCommitment, getOutcome, getPriorityContext, listPlans } from '../../db/plan/queries.ts';
import { savePlainText } from '../../db/publishing/commands.ts';
import { longSentenceWords } from '../../domain/readability.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths } from '../paths.ts';
import { editRoute } from '../forms/record-routes.ts';
import { plainForm } from './plain-forms.ts';
import { plainLanguageList } from './plain-list.ts';

const resource = { type: 'publication' as const };
/*
 * One edit route per kind of record, so each has its own form and loader. Their links are all built
 * by paths.publishing.editPlain ('/publishing/plain-language/:recordType/:recordId'); each route
 * fills in its kind and keeps ':recordId' as the parameter.
 */
const plainPath = <const K extends 'priority' | 'commitment' | 'outcome'>(kind: K) =>
  paths.publishing.editPlain(kind, ':recordId') as `/publishing/plain-language/${K}/:recordId`;
type PlainRequest = FastifyRequest<{ Params: { recordId: string } }>;
const id = (request: PlainRequest, what: string) => parseId(request.params.recordId, what);

/** Plain-language versions: the list of texts (what lacks one, what reads too hard) and editing each. */
export function plainPages(app: FastifyInstance): void {
  app.get<{ Querystring: { plan?: string; show?: string } }>(
    paths.publishing.plainLanguage.pattern,
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
        longSentenceWords,
      });
    },
  );

  const loadPriority = async (request: PlainRequest, reply: FastifyReply) => {
    const user = requireUser(request, reply);
    const ctx = await getPriorityContext(app.db, user.organisationId, id(request, 'Priority'));
    if (!ctx) throw new NotFoundError('Priority');
    return ctx;
  };
  editRoute(app, {
    path: plainPath('priority'),
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
    save: (ctx, data, version, actor) =>
      savePlainText(
        app.db,
        { recordType: 'priority', id: ctx.priority.id, organisationId: ctx.plan.organisationId },
        data.plain,
        version,
        actor,
      ),
    done: (ctx) => paths.publishing.plainLanguage({ plan: ctx.plan.id }),
  });

  editRoute(app, {
    path: plainPath('commitment'),
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
    save: (ctx, data, version, actor) =>
      savePlainText(
        app.db,
        { recordType: 'commitment', id: ctx.commitment.id, organisationId: ctx.plan.organisationId },
        data.plain,
        version,
        actor,
      ),
    done: (ctx) => paths.publishing.plainLanguage({ plan: ctx.plan.id }),
  });

  editRoute(app, {
    path: plainPath('outcome'),
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
    save: (ctx, data, version, actor) =>
      savePlainText(
        app.db,
        { recordType: 'outcome', id: ctx.outcome.id, organisationId: ctx.plan.organisationId },
        data.plain,
        version,
        actor,
      ),
    done: (ctx) => paths.publishing.plainLanguage({ plan: ctx.plan.id }),
  });
}
