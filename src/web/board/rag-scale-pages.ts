import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveRagScale } from '../../db/board/commands.ts';
import { loadRagScale, type CouncilRagStatus } from '../../db/board/queries.ts';
import { authorize } from '../auth.ts';
import type { FormValues } from '../forms/fields.ts';
import { paths } from '../paths.ts';
import { runTheCycle } from './loaders.ts';
import { fieldsOf, readRagScale } from './rag-scale-form.ts';

/*
 * The council's RAG scale: the words and definitions sponsors choose from and the board pack
 * prints. Councils word their scales differently, and many add a local status (for example
 * "not started"), so each status is editable and one more may be added at a time.
 */

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
    const result = readRagScale(values, scale);
    if (!result.ok) return render(reply.code(400), scale, values, { errors: result.errors });
    await saveRagScale(app.db, user.organisationId, result.data, { userId: user.id, name: user.name });
    return render(reply, result.data, valuesOf(result.data), { saved: true });
  });
}
