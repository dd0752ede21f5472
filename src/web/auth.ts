import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findUser, findUserByToken, type CurrentUser } from '../db/people/queries.ts';
import { can, type Action, type PolicyResource } from '../domain/policies.ts';
import { ForbiddenError, UnauthorisedError } from './errors/http-errors.ts';
import { paths } from './paths.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    /** True when the request authenticated with an API token rather than the session cookie. */
    viaToken: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Who is asking: from `Authorization: Bearer <token>` or the session cookie, looked up afresh on
 * every request so that a changed role or a disabled account takes effect at once. Every unsafe
 * request that rides on the cookie must carry the CSRF token.
 */
export const auth = fp(
  (app, _options, done) => {
    app.decorateRequest('user', null);
    app.decorateRequest('viaToken', false);

    app.addHook('preHandler', async (request, reply) => {
      const header = request.headers.authorization;
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        request.user = match ? await findUserByToken(app.db, match[1]!) : null;
        if (!request.user) throw new UnauthorisedError();
        request.viaToken = true;
        return;
      }
      const userId = request.session.get('userId');
      if (typeof userId === 'number') {
        request.user = await findUser(app.db, userId);
        if (!request.user) request.session.delete();
      }
      if (unsafeMethods.has(request.method)) {
        await new Promise<void>((resolve, reject) => {
          app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
        });
      }
    });
    done();
  },
  { name: 'auth', dependencies: ['security', 'database'] },
);

/** Ends the request unless someone is signed in: pages go to sign-in, the API answers 401. */
export function requireUser(request: FastifyRequest, _reply: FastifyReply): CurrentUser {
  if (request.user) return request.user;
  if (request.url.startsWith('/api/')) throw new UnauthorisedError();
  throw new SignInFirstError(paths.signIn({ returnTo: request.url }));
}

/**
 * Stops the handler so the error handler can send the visitor to sign in. The redirect is sent
 * there, not here: a reply sent before the handler's promise rejects is logged by Fastify as an
 * error with a stack, and a signed-out visit is an everyday event, not an error.
 */
export class SignInFirstError extends Error {
  constructor(readonly location: string) {
    super('Sign in to continue');
  }
}

export function authorize(
  request: FastifyRequest,
  reply: FastifyReply,
  action: Action,
  resource: PolicyResource,
): CurrentUser {
  const user = requireUser(request, reply);
  if (!can(user, action, resource)) throw new ForbiddenError();
  return user;
}
