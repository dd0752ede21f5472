import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/*
 * The council's data version: a number the database moves on as each transaction that changed the
 * council's records commits (migration 0034, a trigger on change_history). The table is the
 * trigger's, made in that migration's SQL, so it has no Drizzle schema: the app only reads it.
 */

/**
 * The council's data version now (0 before its first change). Read it before the records a kept
 * read is made from: a change that commits between the two then leaves the read kept under the
 * older number, made again on the next request, never the other way round.
 */
export async function dataVersion(db: Db, organisationId: number): Promise<string> {
  const result = await db.execute(
    sql`select version::text as version from data_versions where organisation_id = ${organisationId}`,
  );
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the two drivers type execute()'s result differently
  return (result as unknown as { rows: { version: string }[] }).rows[0]?.version ?? '0';
}
