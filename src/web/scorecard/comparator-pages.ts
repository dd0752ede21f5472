import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setComparators } from '../../db/measures/commands.ts';
import { comparatorsOf } from '../../db/measures/queries.ts';
import { authorize } from '../auth.ts';
import { z } from 'zod';
import { field, parseForm } from '../forms/parse.ts';
import { choice, text } from '../forms/validate.ts';
import { listHistory } from '../../db/plan/queries.ts';
import {
  DEFAULT_NEIGHBOUR_AVERAGE,
  neighbourAverageNames,
  neighbourAverages,
} from '../../domain/measures/neighbours.ts';
import type { ComparatorSettings } from '../../db/measures/queries.ts';
import type { FormValues } from '../forms/fields.ts';
import { paths } from '../paths.ts';
import { flash } from '../flash.ts';

const LA_CODE = /^[EWSN]\d{8}$/;
const crumbs = [
  { text: 'Scorecard', href: paths.scorecard() },
  { text: 'Load figures', href: paths.dataLoads() },
];
const names = ['laCode', 'oldLaCode', 'laName', 'regionName', 'neighbourCodes', 'average'] as const;

/** A problem with the field being read (the summary links to it). */
const refuse = (ctx: z.RefinementCtx, message: string) =>
  ctx.addIssue({ code: 'custom', message, continue: true });

const comparatorForm = z.object({
  laCode: text('LA code', { max: 9, required: 'Enter the council’s LA code, like E08000008' }).transform(
    (value, ctx) => {
      const code = value.toUpperCase();
      if (code !== '' && !LA_CODE.test(code))
        refuse(ctx, 'LA code must be a letter and 8 digits, like E08000008');
      return code;
    },
  ),
  oldLaCode: text('Old LA code', { max: 3 }).transform((value, ctx) => {
    if (value !== '' && !/^\d{3}$/.test(value)) refuse(ctx, 'Old LA code must be 3 digits, like 357');
    return value;
  }),
  laName: text('Council name', { max: 200, required: 'Enter the council’s name as DfE files write it' }),
  regionName: text('Region', { max: 200, required: 'Enter the council’s region, like North West' }),
  neighbourCodes: text('Statistical neighbours', { max: 2000 }).transform((value, ctx) => {
    const codes = value
      .split(/[\s,]+/)
      .filter((c) => c !== '')
      .map((c) => c.toUpperCase());
    const wrong = codes.find((c) => !LA_CODE.test(c));
    if (wrong) refuse(ctx, `“${wrong}” is not an LA code: give each like E08000004`);
    else if (codes.length > 20) refuse(ctx, 'Give 20 statistical neighbours or fewer');
    return [...new Set(codes)];
  }),
  average: choice(neighbourAverages, 'Select how the statistical neighbours’ figures are averaged'),
});

const valuesOf = (settings: ComparatorSettings): FormValues => ({
  laCode: settings.laCode,
  oldLaCode: settings.oldLaCode,
  laName: settings.laName,
  regionName: settings.regionName,
  neighbourCodes: settings.neighbourCodes.join('\n'),
  average: settings.average,
});

/*
 * Who the council compares itself with in DfE files: its own LA code, region and statistical
 * neighbours. Kept by the council, because the DfE lists change after reorganisations.
 */
export function comparatorPages(app: FastifyInstance) {
  const render = (request: FastifyRequest, reply: FastifyReply, values: FormValues, extra: object = {}) =>
    reply.page('scorecard/comparators.njk', {
      title: 'Who the council compares itself with',
      values,
      averages: neighbourAverages.map((value) => ({
        value,
        text: neighbourAverageNames[value],
        checked: values.average === value,
      })),
      breadcrumbs: crumbs,
      ...extra,
    });

  app.get(paths.comparatorSettings.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const settings = await comparatorsOf(app.db, user.organisationId);
    const values: FormValues = settings ? valuesOf(settings) : { average: DEFAULT_NEIGHBOUR_AVERAGE };
    return render(request, reply, values, { version: settings?.version ?? 0 });
  });

  app.post(paths.comparatorSettings.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const values: FormValues = Object.fromEntries(names.map((n) => [n, field(request.body, n)]));
    // The radios start on the median, so only a hand-made request leaves the choice out.
    if (values.average === '') values.average = DEFAULT_NEIGHBOUR_AVERAGE;
    // The form always sends the version it loaded (0 before the first save).
    const sent = field(request.body, 'version');
    const version = /^\d+$/.test(sent) ? Number(sent) : undefined;
    const result = parseForm(comparatorForm, values);
    if (!result.ok) return render(request, reply.code(400), values, { errors: result.errors, version });
    const saved = await setComparators(
      app.db,
      user.organisationId,
      result.data,
      { userId: user.id, name: user.name },
      version,
    );
    if (!saved.ok) {
      // Someone saved first: show theirs, keep this person's values in the form.
      const [latest] = await listHistory(
        app.db,
        user.organisationId,
        'comparator-settings',
        user.organisationId,
      );
      const theirs = valuesOf(saved.conflict);
      return render(request, reply.code(409), values, {
        version: saved.conflict.version,
        conflict: {
          by: latest?.actorName ?? 'Someone else',
          at: saved.conflict.updatedAt,
          rows: [
            ['LA code', theirs.laCode],
            ['Old LA code', theirs.oldLaCode],
            ['Council name', theirs.laName],
            ['Region', theirs.regionName],
            ['Statistical neighbours', theirs.neighbourCodes],
            ['Average', neighbourAverageNames[saved.conflict.average]],
          ].map(([key, value]) => ({ key: { text: key }, value: { text: value || 'Not set' } })),
        },
      });
    }
    flash(request, 'Comparators saved');
    return reply.redirect(paths.dataLoads(), 303);
  });
}
