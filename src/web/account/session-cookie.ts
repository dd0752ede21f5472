import type { FastifyInstance, FastifyRequest } from 'fastify';
import { endSessionByKey, startSession } from '../../db/people/commands.ts';
import { summariseUserAgent } from '../../domain/user-agent.ts';

/* Starting and ending the database session the cookie names. */

/** Signs a person in: a fresh cookie (so one planted before cannot ride in) naming a new session. */
export async function beginSession(app: FastifyInstance, request: FastifyRequest, userId: number) {
  request.session.regenerate();
  const key = await startSession(app.db, {
    userId,
    now: app.clock.now(),
    lifetimeMs: app.config.SESSION_LIFETIME_HOURS * 60 * 60 * 1000,
    userAgent: summariseUserAgent(request.headers['user-agent']),
  });
  request.session.set('sid', key);
}

/** Signs this browser out: the session row goes, so any copy of the cookie stops working too. */
export async function finishSession(app: FastifyInstance, request: FastifyRequest) {
  const key = request.session.get('sid');
  if (typeof key === 'string') await endSessionByKey(app.db, key);
  request.session.delete();
}
