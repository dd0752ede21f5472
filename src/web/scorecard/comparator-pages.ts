import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setComparators } from '../../db/measures/commands.ts';
import { comparatorsOf } from '../../db/measures/queries.ts';
import { authorize } from '../auth.ts';
import { FormReader } from '../forms/reader.ts';
import { field } from '../forms/parse.ts';
import type { FormValues } from '../forms/fields.ts';
import { paths } from '../paths.ts';

const LA_CODE = /^[EWSN]\d{8}$/;
const crumbs = [
  { text: 'Scorecard', href: paths.scorecard() },
  { text: 'Load figures', href: paths.dataLoads() },
];
const names = ['laCode', 'oldLaCode', 'laName', 'regionName', 'neighbourCodes'] as const;

/*
 * Who the council compares itself with in DfE files: its own LA code, region and statistical
 * neighbours. Kept by the council, because the DfE lists change after reorganisations.
 */
export function comparatorPages(app: FastifyInstance) {
  const render = (request: FastifyRequest, reply: FastifyReply, values: FormValues, extra: object = {}) =>
    reply.page('scorecard/comparators.njk', {
      title: 'Who the council compares itself with',
      values,
      breadcrumbs: crumbs,
      ...extra,
    });

  app.get(paths.comparatorSettings(), async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const settings = await comparatorsOf(app.db, user.organisationId);
    const values: FormValues = settings
      ? {
          laCode: settings.laCode,
          oldLaCode: settings.oldLaCode,
          laName: settings.laName,
          regionName: settings.regionName,
          neighbourCodes: settings.neighbourCodes.join('\n'),
        }
      : {};
    return render(request, reply, values);
  });

  app.post(paths.comparatorSettings(), async (request, reply) => {
    const user = authorize(request, reply, 'import', { type: 'import' });
    const values: FormValues = Object.fromEntries(names.map((n) => [n, field(request.body, n)]));
    const form = new FormReader(values);
    const laCode = form
      .text('laCode', { label: 'LA code', max: 9, required: 'Enter the council’s LA code, like E08000008' })
      .toUpperCase();
    if (laCode !== '' && !LA_CODE.test(laCode))
      form.problem('laCode', 'LA code must be a letter and 8 digits, like E08000008');
    const oldLaCode = form.text('oldLaCode', { label: 'Old LA code', max: 3 });
    if (oldLaCode !== '' && !/^\d{3}$/.test(oldLaCode))
      form.problem('oldLaCode', 'Old LA code must be 3 digits, like 357');
    const laName = form.text('laName', {
      label: 'Council name',
      max: 200,
      required: 'Enter the council’s name as DfE files write it',
    });
    const regionName = form.text('regionName', {
      label: 'Region',
      max: 200,
      required: 'Enter the council’s region, like North West',
    });
    const neighbourCodes = form
      .text('neighbourCodes', { label: 'Statistical neighbours', max: 2000 })
      .split(/[\s,]+/)
      .filter((c) => c !== '')
      .map((c) => c.toUpperCase());
    const wrong = neighbourCodes.find((c) => !LA_CODE.test(c));
    if (wrong) form.problem('neighbourCodes', `“${wrong}” is not an LA code: give each like E08000004`);
    else if (neighbourCodes.length > 20)
      form.problem('neighbourCodes', 'Give 20 statistical neighbours or fewer');
    const result = form.result({
      laCode,
      oldLaCode,
      laName,
      regionName,
      neighbourCodes: [...new Set(neighbourCodes)],
    });
    if (!result.ok) return render(request, reply.code(400), values, { errors: result.errors });
    await setComparators(app.db, user.organisationId, result.data, { userId: user.id, name: user.name });
    return reply.redirect(paths.dataLoads(), 303);
  });
}
