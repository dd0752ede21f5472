import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { touchApiToken, touchSession } from '../db/people/commands.ts';
import { findApiToken, findSession, type CurrentUser } from '../db/people/queries.ts';
import { can, type Action, type PolicyResource } from '../domain/policies.ts';
import { secondsUntil } from '../domain/limits.ts';
import { ForbiddenError, HttpError, TooManyRequestsError, UnauthorisedError } from './errors/http-errors.ts';
import { failureLimit, limitsOf } from './limits.ts';
import { paths } from './paths.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    /** True when the request authenticated with an API token rather than the session cookie. */
    viaToken: boolean;
    /** The database session the cookie names, when someone is signed in through one. */
    sessionId: number | null;
    /** The signed-in person's council data version, read with the session or token (kept-reads.ts). */
    dataVersion: string | null;
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The key of the database session; the database keeps only its hash. */
    sid: string;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** "Last seen" and "last used" are written at most this often, to keep writes low. */
const touchEveryMs = 60 * 1000;

/** API tokens are for the JSON API only: a page or form never acts on one (it has no CSRF token). */
class TokenOnPageError extends HttpError {
  constructor() {
    super(401, 'API tokens are accepted only by the API under /api/v1. Sign in to use the pages.');
  }
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const stale = (seen: Date | null, now: Date) => !seen || now.getTime() - seen.getTime() >= touchEveryMs;

/**
 * Who is asking: from `Authorization: Bearer <token>` (the API only) or the session the cookie
 * names, looked up afresh on every request (one query, joined to the account) so that signing out,
 * a turned-off account or a changed password takes effect at once. Every unsafe request that rides
 * on the cookie must carry the CSRF token.
 */
export const auth = fp(
  (app, _options, done) => {
    app.decorateRequest('user', null);
    app.decorateRequest('viaToken', false);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('dataVersion', null);
    const idleMs = app.config.SESSION_IDLE_MINUTES * 60 * 1000;
    const limits = limitsOf(app.config);

    app.addHook('preHandler', async (request, reply) => {
      const now = app.clock.now();
      const header = request.headers.authorization;
      if (header) {
        request.viaToken = true;
        if (!isApi(request)) throw new TokenOnPageError();
        // Bad tokens from one client address are counted in the database every instance shares; past
        // the allowance every token from there is refused until the window ends, right ones too.
        const failures = failureLimit(app, limits.apiTokenAddress, request.ip);
        const refused = (turn: { allowed: boolean; retryAt: Date }) =>
          new TooManyRequestsError(
            'Too many requests with a wrong API token from this address. Try again later.',
            secondsUntil(turn.retryAt, now),
          );
        const before = await failures.check();
        if (!before.allowed) throw refused(before);
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const found = match ? await findApiToken(app.db, match[1]!, now) : null;
        if (!found) {
          const after = await failures.fail();
          throw after.allowed ? new UnauthorisedError() : refused(after);
        }
        if (unsafeMethods.has(request.method) && found.scope !== 'write')
          throw new ForbiddenError('This API token may only read. Create a token that may read and write.');
        request.user = found.user;
        request.dataVersion = found.dataVersion;
        if (stale(found.lastUsedAt, now)) await touchApiToken(app.db, found.tokenId, now);
        return;
      }
      const key = request.session.get('sid');
      if (typeof key === 'string') {
        // An ended session's cookie is left as it is (no cookie is set here): it names nothing now.
        const found = await findSession(app.db, key, { now, idleMs });
        if (found) {
          request.user = found.user;
          request.sessionId = found.sessionId;
          request.dataVersion = found.dataVersion;
          if (stale(found.lastSeenAt, now)) await touchSession(app.db, found.sessionId, now);
        }
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
  if (isApi(request)) throw new UnauthorisedError();
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
