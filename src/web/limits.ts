import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { countHits, giveBackHits, type Hit } from '../db/limits/commands.ts';
import { hitsSoFar } from '../db/limits/queries.ts';
import { formatTime } from '../domain/format.ts';
import { secondsUntil, windowAt, type Limit } from '../domain/limits.ts';

export interface Turn {
  allowed: boolean;
  /** When every limit that refused has a new window. */
  retryAt: Date;
  /** Takes the hits back: for an attempt that should not count (a sign-in that succeeded). */
  giveBack(): Promise<void>;
}

/** Every limit kept in the database, from the settings (README: Configuration). */
export function limitsOf(config: Config) {
  const windowMinutes = config.SIGN_IN_WINDOW_MINUTES;
  return {
    signInAccount: { name: 'sign-in:account', max: config.SIGN_IN_LIMIT, windowMinutes },
    signInAddress: { name: 'sign-in:address', max: config.SIGN_IN_ADDRESS_LIMIT, windowMinutes },
    resetAccount: { name: 'reset:account', max: config.PASSWORD_RESET_LIMIT, windowMinutes },
    resetAddress: { name: 'reset:address', max: config.PASSWORD_RESET_ADDRESS_LIMIT, windowMinutes },
    apiTokenAddress: { name: 'api-token:address', max: config.API_TOKEN_FAILURE_LIMIT, windowMinutes },
  } satisfies Record<string, Limit>;
}

/** A key for the table: the limit's name and a hash of what it limits (an address, an e-mail). */
function keyOf(limit: Limit, subject: string): string {
  return `${limit.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 32)}`;
}

function hitOf(limit: Limit, subject: string, now: Date): Hit {
  const window = windowAt(now, limit.windowMinutes);
  return { key: keyOf(limit, subject), windowStart: window.start, windowEnd: window.end };
}

/**
 * A limit that counts only failures (bad API tokens): `check` refuses once the allowance is used up,
 * before any work, so even a right guess is refused then; `fail` counts one. Good requests only read.
 */
export function failureLimit(app: FastifyInstance, limit: Limit, subject: string) {
  const hit = hitOf(limit, subject, app.clock.now());
  return {
    async check(): Promise<{ allowed: boolean; retryAt: Date }> {
      return { allowed: (await hitsSoFar(app.db, hit)) < limit.max, retryAt: hit.windowEnd };
    },
    async fail(): Promise<{ allowed: boolean; retryAt: Date }> {
      const counted = await countHits(app.db, [hit], app.clock.now());
      return { allowed: (counted.get(hit.key) ?? 0) < limit.max, retryAt: hit.windowEnd };
    },
  };
}

/**
 * Counts one hit against each limit, in the database every instance shares, and says whether all
 * are still within their allowance. The hit is counted before the work it guards (checking a
 * password), so attempts sent at once cannot all slip in before the first is counted.
 */
export async function takeTurn(
  app: FastifyInstance,
  checks: { limit: Limit; subject: string }[],
): Promise<Turn> {
  const now = app.clock.now();
  const hits = checks.map(({ limit, subject }) => ({ limit, hit: hitOf(limit, subject, now) }));
  const counted = await countHits(
    app.db,
    hits.map((h) => h.hit),
    now,
  );
  const refused = hits.filter((h) => (counted.get(h.hit.key) ?? 0) > h.limit.max);
  const retryAt = new Date(Math.max(now.getTime(), ...refused.map((h) => h.hit.windowEnd.getTime())));
  const taken: Hit[] = hits.map((h) => h.hit);
  return { allowed: refused.length === 0, retryAt, giveBack: () => giveBackHits(app.db, taken) };
}

/** The GOV.UK page for a refusal: what happened, the time to try again, and Retry-After. */
export function tooManyAttempts(
  reply: FastifyReply,
  retryAt: Date,
  { title = 'Too many attempts', message }: { title?: string; message: string },
) {
  const now = reply.server.clock.now();
  reply.request.log.info({ status: 429, retryAt }, 'rate limited');
  return reply
    .code(429)
    .header('retry-after', String(secondsUntil(retryAt, now)))
    .page('errors/too-many.njk', { title, message, retryAt: formatTime(retryAt) });
}
