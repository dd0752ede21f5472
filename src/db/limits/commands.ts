import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateLimits } from './schema.ts';

export interface Hit {
  key: string;
  windowStart: Date;
  windowEnd: Date;
}

/**
 * Counts one hit on each key and returns each key's hits in its window, after this one. One
 * statement for all the keys (an upsert that adds one), so two instances counting at the same
 * moment both see the other's hit and a limit of 10 lets exactly 10 through. Keys are taken in one
 * order, so two statements on the same rows never wait for each other in a circle.
 */
export async function countHits(db: Db, hits: Hit[], now: Date): Promise<Map<string, number>> {
  const rows = [...hits]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((h) => ({ key: h.key, windowStart: h.windowStart, expiresAt: h.windowEnd, hits: 1 }));
  if (!rows.length) return new Map();
  const counted = await db
    .insert(rateLimits)
    .values(rows)
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`"rate_limits"."hits" + 1` },
    })
    .returning({ key: rateLimits.key, hits: rateLimits.hits });
  // A first hit opens a window: the moment to clear windows that have ended, so the table stays small.
  if (counted.some((c) => c.hits === 1)) await pruneEnded(db, now);
  return new Map(counted.map((c) => [c.key, c.hits]));
}

/** Takes back one hit on each key (a sign-in that turned out right does not use up the allowance). */
export async function giveBackHits(db: Db, hits: Hit[]): Promise<void> {
  for (const h of hits) {
    await db
      .update(rateLimits)
      .set({ hits: sql`greatest("rate_limits"."hits" - 1, 0)` })
      .where(and(eq(rateLimits.key, h.key), eq(rateLimits.windowStart, h.windowStart)));
  }
}

/**
 * Deletes up to a thousand ended windows, skipping rows another instance is deleting or counting
 * at that moment rather than waiting for them.
 */
async function pruneEnded(db: Db, now: Date): Promise<void> {
  const ended = db
    .select({ key: rateLimits.key, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(lt(rateLimits.expiresAt, now))
    .limit(1000)
    .for('update', { skipLocked: true });
  await db.delete(rateLimits).where(sql`(${rateLimits.key}, ${rateLimits.windowStart}) in (${ended})`);
}
