import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveRagScale } from '../../db/board/commands.ts';
import { loadRagScale, type CouncilRagStatus } from '../../db/board/queries.ts';
import { validateRagScale } from '../../domain/rag-scale.ts';
import { authorize } from '../auth.ts';
import { FormReader } from '../forms/reader.ts';
import type { FormErrors } from '../forms/parse.ts';
import type { FormValues } from '../forms/fields.ts';
import { paths } from '../paths.ts';
import { runTheCycle } from './loaders.ts';

/*
 * The council's RAG scale: the words and definitions sponsors choose from and the board pack
 * prints. Councils word their scales differently, and many add a local status (for example
 * "not started"), so each status is editable and one more may be added at a time.
 */

const fieldsOf = (code: string) => ({
  label: `label-${code}`,
  meaning: `meaning-${code}`,
  definition: `definition-${code}`,
});

function read(
  values: FormValues,
  scale: CouncilRagStatus[],
): { ok: true; data: CouncilRagStatus[] } | { ok: false; errors: FormErrors } {
  const form = new FormReader(values);
  const next = scale.map((s) => {
    const f = fieldsOf(s.code);
    return {
      ...s,
      label: form.text(f.label, {
        label: 'Name',
        max: 60,
        required: `Enter a name for the status ${s.label}`,
      }),
      meaning: form.text(f.meaning, { label: 'Short meaning', max: 60 }),
      definition: form.text(f.definition, {
        label: 'Definition',
        max: 2000,
        required: `Enter a definition for ${s.label}`,
      }),
    };
  });
  const newLabel = form.text('newLabel', { label: 'Name of the new status', max: 60 });
  const newDefinition = form.text('newDefinition', { label: 'Definition of the new status', max: 2000 });
  if (newLabel !== '' || newDefinition !== '') {
    const code = newLabel
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (newLabel === '' || code === '')
      form.problem('newLabel', 'Enter a name for the new status, using letters or numbers');
    else if (newDefinition === '') form.problem('newDefinition', 'Enter a definition for the new status');
    else
      next.push({
        code,
        label: newLabel,
        meaning: '',
        definition: newDefinition,
        rank: null,
        stance: 'local',
        colour: '#b1b4b6',
        colourClass: 'govuk-tag--grey',
      });
  }
  const problems = validateRagScale(next);
  if (problems.length) form.problem('newLabel', problems[0]!);
  return form.result(next);
}

export function ragScalePages(app: FastifyInstance) {
  const render = (reply: FastifyReply, scale: CouncilRagStatus[], values: FormValues, extra: object = {}) =>
    reply.page('board/rag-scale.njk', {
      title: 'The council’s RAG scale',
      scale,
      values,
      fieldsOf,
      breadcrumbs: [{ text: 'Boards', href: paths.boards() }],
      ...extra,
    });

  const valuesOf = (scale: CouncilRagStatus[]): FormValues =>
    Object.fromEntries(
      scale.flatMap((s) =>
        Object.entries(fieldsOf(s.code)).map(([key, name]) => [
          name,
          s[key as 'label' | 'meaning' | 'definition'],
        ]),
      ),
    );

  app.get(paths.ragScale(), async (request: FastifyRequest, reply) => {
    const user = authorize(request, reply, 'edit', runTheCycle);
    const scale = await loadRagScale(app.db, user.organisationId);
    return render(reply, scale, valuesOf(scale));
  });

  app.post(paths.ragScale(), async (request: FastifyRequest, reply) => {
    const user = authorize(request, reply, 'edit', runTheCycle);
    const scale = await loadRagScale(app.db, user.organisationId);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: FormValues = Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const result = read(values, scale);
    if (!result.ok) return render(reply.code(400), scale, values, { errors: result.errors });
    await saveRagScale(app.db, user.organisationId, result.data, { userId: user.id, name: user.name });
    return render(reply, result.data, valuesOf(result.data), { saved: true });
  });
}
