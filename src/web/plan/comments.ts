import type { FastifyInstance } from 'fastify';
import { asc, and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recordChange } from '../../db/changes.ts';
import { comments, users } from '../../db/schema.ts';
import { authorize } from '../auth.ts';
import { BadRequestError, NotFoundError } from '../errors/http-errors.ts';
import { parseForm } from '../forms/parse.ts';
import { paths } from '../paths.ts';
import { loaders } from './loaders.ts';

export async function listComments(db: Db, recordType: string, recordId: number) {
  return db
    .select({ id: comments.id, text: comments.text, createdAt: comments.createdAt, author: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .where(and(eq(comments.recordType, recordType), eq(comments.recordId, recordId)))
    .orderBy(asc(comments.id));
}

const commentForm = z.object({
  text: z.string().trim().min(1, 'Enter a comment').max(5000, 'Comment must be 5,000 characters or fewer'),
});

/** Board members, sponsors and the programme office comment on commitments; comments are kept in the history. */
export async function commentRoutes(app: FastifyInstance) {
  const load = loaders(app);

  app.post<{ Params: { recordType: string; recordId: string } }>(
    '/comments/:recordType/:recordId',
    async (request, reply) => {
      if (request.params.recordType !== 'commitment') throw new NotFoundError();
      (request.params as Record<string, string>).commitmentId = request.params.recordId;
      const ctx = await load.commitment(request, reply);
      const user = authorize(request, reply, 'comment', {
        type: 'commitment',
        sponsorUserIds: ctx.sponsorUserIds,
      });
      const form = parseForm(commentForm, request.body);
      if (!form.ok) throw new BadRequestError(form.errors.list[0]!.text);
      await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(comments)
          .values({
            recordType: 'commitment',
            recordId: ctx.commitment.id,
            userId: user.id,
            text: form.data.text,
          })
          .returning();
        await recordChange(tx, {
          organisationId: ctx.plan.organisationId,
          recordType: 'comment',
          recordId: row!.id,
          action: 'create',
          actor: { userId: user.id, name: user.name },
          before: null,
          after: row!,
        });
      });
      return reply.redirect(paths.commitment(ctx.commitment.id) + '#comments', 303);
    },
  );
}
