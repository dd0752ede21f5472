import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { Hit } from './commands.ts';
import { rateLimits } from './schema.ts';

/** Hits counted so far on a key in its window (0 when none): a look before work that must not start. */
export async function hitsSoFar(db: Db, hit: Hit): Promise<number> {
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, hit.key), eq(rateLimits.windowStart, hit.windowStart)));
  return row?.hits ?? 0;
}
