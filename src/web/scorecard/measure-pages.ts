import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addAnnotation,
  createMeasure,
  setMeasureLinks,
  type MeasureLink,
  updateMeasure,
} from '../../db/measures/commands.ts';
import {
  annotationsOf,
  councilAreas,
  councilPriorities,
  getMeasure,
  linksOf,
  neighbourhoodOf,
  observationsOf,
  planTargetsOf,
  revisionsOf,
  withFigures,
  breakdownsOf,
} from '../../db/measures/queries.ts';
import { listPlans } from '../../db/plan/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { planKindNames } from '../plan/labels.ts';
import {
  basisText,
  benchmarkNames,
  standingText,
  formatDifference,
  formatPeriod,
  formatValue,
  isPeriod,
  type Frequency,
} from '../../domain/measures/index.ts';
import { comparesWithOthers, countNotComparedText } from '../../domain/measures/honest.ts';
import { allowedActions, can } from '../../domain/policies.ts';
import { keptView, view } from '../kept-views.ts';
import { authorize, requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { z } from 'zod';
import { field, FieldError, parseForm } from '../forms/parse.ts';
import { text } from '../forms/validate.ts';
import { paths, type RouteParams } from '../paths.ts';
import { createRoute, editRoute } from '../forms/record-routes.ts';
import { measureForm, type LinkChoice, type MeasureFormContext } from './measure-form.ts';
import { loadCharts } from '../../reports/charts.ts';
import { frequencyNames, gapWords, measureChart, neighbourRows, polarityNames, unitNames } from './view.ts';
import { directionWords, latestWords } from '../../db/measures/queries.ts';
import { flash } from '../flash.ts';

const crumbs = [{ text: 'Scorecard', href: paths.scorecard() }];

const periodExamples: Record<Frequency, string> = {
  monthly: 'Enter a month in the form 2024-07',
  quarterly: 'Enter a quarter in the form 2024-Q2',
  annual: 'Enter a year in the form 2024',
};

/** A note on the chart: the period it is about, in the measure's own frequency, and what happened. */
const annotationForm = (frequency: Frequency) =>
  z.object({
    period: z.unknown().transform((raw, ctx) => {
      const period = typeof raw === 'string' ? raw.trim() : '';
      if (!isPeriod(period, frequency))
        ctx.addIssue({ code: 'custom', message: periodExamples[frequency], continue: true });
      return period;
    }),
    text: text('What happened', { max: 500, required: 'Enter what happened' }),
  });

type MeasureRequest = FastifyRequest<{ Params: RouteParams<typeof paths.measure> }>;

/** Two measures with one name would make loads ambiguous: the database refuses it, the form says so. */
async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ??
      (error as { code?: string }).code;
    if (code === '23505') throw new FieldError('name', `There is already a measure called ${name}`);
    throw error;
  }
}

/**
 * The "Targets by plan" table: each plan the measure evidences or holds a target for, with its own
 * target or, without one, the measure's; and the council's other plans, to set a target for.
 */
function targetsByPlan(
  ctx: { row: { id: number }; links: { planId: number }[] },
  targets: Awaited<ReturnType<typeof planTargetsOf>>,
  plans: { id: number; title: string; kind: keyof typeof planKindNames }[],
  format: (value: number) => string,
  ownTarget: string | null,
) {
  const shown = new Set([...ctx.links.map((l) => l.planId), ...targets.map((t) => t.planId)]);
  const rows = plans
    .filter((p) => shown.has(p.id))
    .reverse()
    .map((p) => {
      const t = targets.find((x) => x.planId === p.id)?.target;
      return {
        plan: p.title,
        kind: planKindNames[p.kind],
        target: t ? format(t.target) : ownTarget ? `${ownTarget} (the measure’s own target)` : 'No target',
        by: t ? [t.targetDate ? formatDate(t.targetDate) : '', t.period].filter(Boolean).join(', ') : '',
        note: t?.note ?? '',
        href: paths.measurePlanTarget(ctx.row.id, p.id),
        action: t ? 'Change' : 'Set',
      };
    });
  const others = plans
    .filter((p) => !shown.has(p.id))
    .map((p) => ({ plan: p.title, href: paths.measurePlanTarget(ctx.row.id, p.id) }));
  return { rows, others };
}

const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

export function measurePages(app: FastifyInstance) {
  /** The measure in the asker's council, with the sponsors of the priorities it evidences. */
  const load = async (request: MeasureRequest, reply: FastifyReply) => {
    const user = requireUser(request, reply);
    const row = await getMeasure(app.db, user.organisationId, parseId(request.params.measureId, 'Measure'));
    if (!row) throw new NotFoundError('Measure');
    const links = await linksOf(app.db, row.id);
    const sponsorUserIds = links.map((l) => l.sponsorUserId).filter((id): id is number => id !== null);
    return {
      row,
      links,
      resource: { type: 'measure' as const, sponsorUserIds },
      // The form edits the first link; any others (made by a load or an earlier edit) are kept.
      link: {
        priorityId: links[0]?.priorityId ?? null,
        improvementAreaId: links[0]?.improvementAreaId ?? null,
      },
    };
  };
  // A measure counts as evidence for its priority and gives that priority's sponsor rights over it,
  // so a person may link it only where they could edit a measure (issue 14: a sponsor moved one
  // onto another sponsor's priority).
  const formContext = async (request: FastifyRequest): Promise<MeasureFormContext> => {
    const user = request.user!;
    const mayLinkTo = (p: { sponsorUserId: number | null }) =>
      can(user, 'edit', {
        type: 'measure',
        sponsorUserIds: p.sponsorUserId === null ? [] : [p.sponsorUserId],
      });
    return {
      priorities: (await councilPriorities(app.db, user.organisationId)).filter(mayLinkTo).map((p) => ({
        id: p.id,
        text: `${p.planTitle}: priority ${p.number}, ${p.title}`,
      })),
      areas: (await councilAreas(app.db, user.organisationId)).filter(mayLinkTo).map((a) => ({
        id: a.id,
        priorityId: a.priorityId,
        text: `Priority ${a.priorityNumber} (${a.planTitle}): ${a.title}`,
      })),
      mayLeaveUnlinked: can(user, 'edit', { type: 'measure', sponsorUserIds: [] }),
    };
  };
  const linksFrom = (choice: LinkChoice): MeasureLink[] =>
    choice.priorityId === null
      ? []
      : [{ priorityId: choice.priorityId, improvementAreaId: choice.improvementAreaId }];

  const measureView = async (
    request: FastifyRequest,
    ctx: Awaited<ReturnType<typeof load>>,
    extra: object = {},
  ) => {
    const user = request.user!;
    const [rows, annotations, revisions, neighbourhood, planTargets, councilPlans] = await Promise.all([
      observationsOf(app.db, ctx.row.id),
      annotationsOf(app.db, ctx.row.id),
      revisionsOf(app.db, ctx.row.id),
      neighbourhoodOf(app.db, ctx.row.organisationId),
      planTargetsOf(app.db, ctx.row.organisationId, ctx.row.id),
      listPlans(app.db, ctx.row.organisationId),
      loadCharts(),
    ]);
    const m = withFigures(ctx.row, rows, app.clock.now(), neighbourhood);
    const breakdowns = await breakdownsOf(app.db, ctx.row.id);
    const { summary, measure } = m;
    const ownTarget = summary.rag.target === null ? null : formatValue(measure.unit, summary.rag.target);
    const latestOwn = summary.latest
      ? m.observations.find((o) => o.comparator === undefined && o.period === summary.latest!.period)
      : undefined;
    return view('scorecard/measure.njk', {
      title: ctx.row.name,
      row: ctx.row,
      links: ctx.links,
      summary,
      latest: latestWords(m),
      latestPeriod: summary.latest ? formatPeriod(measure, summary.latest.period) : '',
      target: summary.rag.target === null ? 'No target' : formatValue(measure.unit, summary.rag.target),
      gap: gapWords(m),
      direction: directionWords(m),
      lastYear:
        summary.direction.vsLastYear.direction === 'unknown'
          ? ''
          : `${summary.direction.vsLastYear.direction === 'up' ? 'Up' : summary.direction.vsLastYear.direction === 'down' ? 'Down' : 'No change'} on the same period last year`,
      comparators: summary.comparators.map((c) => ({
        name:
          c.comparator === 'statistical-neighbours' && c.basis
            ? `Statistical neighbours (${basisText(c.basis)})`
            : capitalise(benchmarkNames[c.comparator]),
        value:
          c.value === null
            ? c.suppression
              ? `suppressed (${c.suppression})`
              : 'No figure'
            : formatValue(measure.unit, c.value),
        difference:
          c.difference === null
            ? ''
            : c.difference === 0
              ? 'the same'
              : `${formatDifference(measure.unit, c.difference)} ${c.difference > 0 ? 'above' : 'below'}`,
        judgement: c.judgement === 'not-judged' ? '' : c.judgement,
      })),
      standing: latestOwn?.standing ? standingText(latestOwn.standing) : '',
      neighbours: neighbourRows(m, rows, neighbourhood),
      neighbourModel: neighbourhood.model,
      notCompared: comparesWithOthers(measure.unit) ? '' : countNotComparedText,
      chart: measureChart(m, annotations),
      annotations: annotations.map((a) => ({
        ...a,
        periodText: isPeriod(a.period, measure.frequency) ? formatPeriod(measure, a.period) : a.period,
      })),
      breakdowns: breakdownTable(
        breakdowns,
        (r) => r.suppression ?? (r.value === null ? '' : formatValue(m.measure.unit, r.value)),
      ),
      breakdownPeriod: breakdowns.period ? formatPeriod(m.measure, breakdowns.period) : '',
      revisions: revisions.map((r) => ({
        period: isPeriod(r.period, measure.frequency) ? formatPeriod(measure, r.period) : r.period,
        area: `${r.area === 'council' ? 'Council' : r.areaName || r.area}${r.breakdown ? `: ${r.breakdown}` : ''}`,
        was: r.suppression ?? (r.value === null ? 'No figure' : formatValue(measure.unit, r.value)),
        now:
          r.currentSuppression ??
          (r.currentValue === null ? 'No figure' : formatValue(measure.unit, r.currentValue)),
        revisedAt: r.revisedAt,
      })),
      targetsByPlan: targetsByPlan(
        ctx,
        planTargets,
        councilPlans,
        (v) => formatValue(measure.unit, v),
        ownTarget,
      ),
      mayEditPlanTargets: can(user, 'edit', { type: 'measure' }),
      names: {
        unit: unitNames[ctx.row.unit],
        polarity: polarityNames[ctx.row.polarity],
        frequency: frequencyNames[ctx.row.frequency],
      },
      can: allowedActions(user, ctx.resource),
      breadcrumbs: crumbs,
      ...extra,
    });
  };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: Awaited<ReturnType<typeof load>>,
    extra: object = {},
  ) => {
    const { template, data } = await measureView(request, ctx, extra);
    return reply.page(template, data);
  };

  app.get<{ Params: RouteParams<typeof paths.measure> }>(
    paths.measure.pattern,
    keptView(async (request, reply) => {
      const ctx = await load(request, reply);
      authorize(request, reply, 'read', ctx.resource);
      return measureView(request, ctx);
    }),
  );

  app.post<{ Params: RouteParams<typeof paths.measureAnnotations> }>(
    paths.measureAnnotations.pattern,
    async (request, reply) => {
      const ctx = await load(request, reply);
      authorize(request, reply, 'edit', ctx.resource);
      const values = {
        period: field(request.body, 'period').trim(),
        text: field(request.body, 'text').trim(),
      };
      const result = parseForm(annotationForm(ctx.row.frequency), values);
      if (!result.ok)
        return render(request, reply.code(400), ctx, { errors: result.errors, annotationValues: values });
      await addAnnotation(app.db, ctx.row.organisationId, ctx.row.id, result.data, {
        userId: request.user!.id,
        name: request.user!.name,
      });
      flash(request, 'Note added');
      return reply.redirect(paths.measure(ctx.row.id) + '#annotations', 303);
    },
  );

  createRoute(app, {
    path: paths.newMeasure.pattern,
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => ({ type: 'measure' }),
    form: measureForm,
    formContext: (_ctx, request) => formContext(request),
    initialValues: () => ({
      unit: 'count',
      polarity: 'context',
      frequency: 'monthly',
      rolling12Months: 'no',
      toleranceKind: 'relative',
      toleranceAmber: '10',
    }),
    page: () => ({
      title: 'Add a measure',
      section: 'scorecard',
      cancelLink: paths.scorecard(),
      breadcrumbs: crumbs,
    }),
    create: async (user, data, actor) => {
      const { priorityId, improvementAreaId, ...input } = data;
      const created = await uniqueName(input.name, () =>
        createMeasure(app.db, user.organisationId, input, actor),
      );
      const links = linksFrom({ priorityId, improvementAreaId });
      if (links.length > 0) await setMeasureLinks(app.db, user.organisationId, created.id, links, actor);
      return created;
    },
    done: (_user, created) => paths.measure(created.id),
  });

  editRoute(app, {
    path: paths.editMeasure.pattern,
    action: 'edit',
    load,
    resource: (ctx) => ctx.resource,
    form: measureForm,
    formContext: (_ctx, request) => formContext(request),
    record: (ctx) => ({ ...ctx.row, ...ctx.link }),
    historyKey: (ctx) => ({
      organisationId: ctx.row.organisationId,
      recordType: 'measure',
      recordId: ctx.row.id,
    }),
    page: (ctx) => ({
      title: `Change ${ctx.row.name}`,
      section: 'scorecard',
      caption: 'Measure',
      cancelLink: paths.measure(ctx.row.id),
      breadcrumbs: crumbs,
    }),
    save: async (ctx, data, version, actor) => {
      const { priorityId, improvementAreaId, ...input } = data;
      const choice = { priorityId, improvementAreaId };
      const saved = await uniqueName(input.name, () =>
        updateMeasure(app.db, ctx.row.organisationId, ctx.row.id, version, input, actor),
      );
      if (
        saved.ok &&
        (priorityId !== ctx.link.priorityId || improvementAreaId !== ctx.link.improvementAreaId)
      ) {
        const others = ctx.links
          .slice(1)
          .map((l) => ({ priorityId: l.priorityId, improvementAreaId: l.improvementAreaId }));
        await setMeasureLinks(
          app.db,
          ctx.row.organisationId,
          ctx.row.id,
          [...linksFrom(choice), ...others],
          actor,
        );
      }
      return saved.ok
        ? { ok: true, record: { ...saved.record, ...choice } }
        : saved.conflict
          ? { ok: false, conflict: true, current: { ...saved.current, ...ctx.link } }
          : saved;
    },
    done: (ctx) => paths.measure(ctx.row.id),
  });
}

/** One row per breakdown: the council's figure beside its region's and England's. */
function breakdownTable<R extends { breakdown: string; area: string }>(
  found: { rows: R[] },
  shown: (r: R) => string,
) {
  const byName = new Map<string, { name: string; council: string; region: string; england: string }>();
  for (const r of found.rows) {
    const row = byName.get(r.breakdown) ?? { name: r.breakdown, council: '', region: '', england: '' };
    if (r.area === 'council' || r.area === 'region' || r.area === 'england') row[r.area] = shown(r);
    byName.set(r.breakdown, row);
  }
  return [...byName.values()];
}
