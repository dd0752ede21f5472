import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../changes.ts';

/** The next position in a list of children, so new records go to the end. */
export async function nextPosition(
  db: DbOrTx,
  table: PgTable & { position: PgColumn },
  parent: PgColumn,
  parentId: number,
): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${table.position}), -1)::int + 1` })
    .from(table)
    .where(eq(parent, parentId));
  return row?.next ?? 0;
}
