import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '../../db/people/commands.ts';
import { listApiTokens, tokenScopes, type TokenRow } from '../../db/people/queries.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { field, parseForm } from '../forms/parse.ts';
import { choice, text } from '../forms/validate.ts';
import { paths, type RouteParams } from '../paths.ts';

const dayMs = 24 * 60 * 60 * 1000;
const expiryDays = ['7', '30', '90', '365'] as const;
const title = 'Your API tokens';
const ownAccount = { type: 'own-account' } as const;

const tokenForm = z.object({
  name: text('Name', { max: 100, required: 'Enter a name for the token' }),
  scope: choice(tokenScopes, 'Select what the token may do'),
  expiresInDays: choice(expiryDays, 'Select when the token expires'),
});

export const scopeNames = { read: 'Read', write: 'Read and write' } as const;

/**
 * Each person manages their own API tokens (a token acts with its owner's role, so making one
 * gives nobody more than they have). A token is shown once; only its hash is kept.
 */
export function tokenPages(app: FastifyInstance): void {
  const render = async (userId: number, extra: Record<string, unknown> = {}) => {
    const now = app.clock.now();
    const tokens = (await listApiTokens(app.db, userId)).map((t) => ({ ...t, state: stateOf(t, now) }));
    return { title, tokens, scopeNames, values: { scope: 'read', expiresInDays: '90' }, ...extra };
  };

  app.get(paths.apiTokens.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', ownAccount);
    return reply.page('account/tokens.njk', await render(user.id));
  });

  app.post(paths.apiTokens.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'edit', ownAccount);
    const values = {
      name: field(request.body, 'name'),
      scope: field(request.body, 'scope'),
      expiresInDays: field(request.body, 'expiresInDays'),
    };
    const form = parseForm(tokenForm, values);
    if (!form.ok)
      return reply
        .code(400)
        .page('account/tokens.njk', await render(user.id, { values, errors: form.errors }));
    const expiresAt = new Date(app.clock.now().getTime() + Number(form.data.expiresInDays) * dayMs);
    const token = await createApiToken(
      app.db,
      user.id,
      { name: form.data.name, scope: form.data.scope, expiresAt },
      { userId: user.id, name: user.name },
    );
    return reply.page('account/token-created.njk', {
      title: 'API token created',
      token,
      name: form.data.name,
      scopeName: scopeNames[form.data.scope],
      expiresAt,
    });
  });

  app.post<{ Params: RouteParams<typeof paths.revokeApiToken> }>(
    paths.revokeApiToken.pattern,
    async (request, reply) => {
      const user = authorize(request, reply, 'edit', ownAccount);
      const tokenId = parseId(request.params.tokenId, 'API token');
      const revoked = await revokeApiToken(
        app.db,
        { organisationId: user.organisationId, userId: user.id, tokenId, now: app.clock.now() },
        { userId: user.id, name: user.name },
      );
      if (!revoked) throw new NotFoundError('API token');
      flash(request, 'API token revoked');
      return reply.redirect(paths.apiTokens(), 303);
    },
  );
}

function stateOf(token: TokenRow, now: Date): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}
