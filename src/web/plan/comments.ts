import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addComment } from '../../db/plan/commands.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError } from '../errors/http-errors.ts';
import { parseForm } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { loaders } from './loaders.ts';
import { flash } from '../flash.ts';

// The board's pages list comments from here; the read itself lives with the plan's queries.
export { listComments } from '../../db/plan/queries.ts';

const commentForm = z.object({
  text: z.string().trim().min(1, 'Enter a comment').max(5000, 'Comment must be 5,000 characters or fewer'),
});

/** Board members, sponsors and the programme office comment on commitments; comments are kept in the history. */
export function commentRoutes(app: FastifyInstance): void {
  const load = loaders(app);

  app.post<{ Params: RouteParams<typeof paths.comments> }>(paths.comments.pattern, async (request, reply) => {
    if (request.params.recordType !== 'commitment') throw new NotFoundError();
    const ctx = await load.commitmentById(request, reply, request.params.recordId);
    const user = authorize(request, reply, 'comment', {
      type: 'commitment',
      sponsorUserIds: ctx.sponsorUserIds,
    });
    const form = parseForm(commentForm, request.body);
    if (!form.ok) throw new BadRequestError(form.errors.list[0]!.text);
    await addComment(
      app.db,
      { organisationId: ctx.plan.organisationId, commitmentId: ctx.commitment.id, text: form.data.text },
      { userId: user.id, name: user.name },
    );
    flash(request, 'Comment added');
    return reply.redirect(paths.commitment(ctx.commitment.id) + '#comments', 303);
  });
}
