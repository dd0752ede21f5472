import type { FastifyInstance } from 'fastify';
import { endOwnSession, endSessionsOf } from '../../db/people/commands.ts';
import { listSessions } from '../../db/people/queries.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { paths, type RouteParams } from '../paths.ts';
import { finishSession } from './session-cookie.ts';

const ownAccount = { type: 'own-account' } as const;

/**
 * A person's own signed-in sessions: where, since when, last used; they can end one (a browser
 * left signed in elsewhere) or every one but this. Ending a session is not a change to a record,
 * so it writes no history; the session row simply goes.
 */
export function sessionPages(app: FastifyInstance): void {
  app.get(paths.accountSessions.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'read', ownAccount);
    const sessions = await listSessions(app.db, user.id, {
      now: app.clock.now(),
      idleMs: app.config.SESSION_IDLE_MINUTES * 60 * 1000,
    });
    return reply.page('account/sessions.njk', {
      title: 'Where you are signed in',
      sessions: sessions.map((s) => ({ ...s, current: s.id === request.sessionId })),
      idleMinutes: app.config.SESSION_IDLE_MINUTES,
      lifetimeHours: app.config.SESSION_LIFETIME_HOURS,
    });
  });

  app.post<{ Params: RouteParams<typeof paths.endSession> }>(
    paths.endSession.pattern,
    async (request, reply) => {
      const user = authorize(request, reply, 'edit', ownAccount);
      const sessionId = parseId(request.params.sessionId, 'Session');
      // Ending the session in use is signing out.
      if (sessionId === request.sessionId) {
        await finishSession(app, request);
        return reply.redirect(paths.signIn(), 303);
      }
      if (!(await endOwnSession(app.db, user.id, sessionId))) throw new NotFoundError('Session');
      flash(request, 'Session ended');
      return reply.redirect(paths.accountSessions(), 303);
    },
  );

  app.post(paths.endOtherSessions.pattern, async (request, reply) => {
    const user = authorize(request, reply, 'edit', ownAccount);
    const ended = await endSessionsOf(app.db, user.id, request.sessionId ?? undefined);
    flash(
      request,
      ended === 1
        ? 'You have signed out of 1 other session'
        : `You have signed out of ${ended} other sessions`,
    );
    return reply.redirect(paths.accountSessions(), 303);
  });
}
