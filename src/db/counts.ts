import { getTableName, sql, type Column, type SQL } from 'drizzle-orm';

/*
 * How many child rows point at the outer row, as a column of a select. Written with every column
 * named by its table: in a select from one table Drizzle prints a bare column name inside sql``
 * fields, so `where child.plan_id = plans.id` became `where plan_id = id`, both read from the
 * child, and every plan counted "1" (issue 10).
 */
export function countOf(childKey: Column, outerKey: Column, archivedAt?: Column): SQL<number> {
  // Archived child rows are not counted: they have left the plan's lists too.
  const current = archivedAt ? sql` and ${qualified(archivedAt)} is null` : sql``;
  return sql<number>`(select count(*)::int from ${childKey.table} where ${qualified(childKey)} = ${qualified(outerKey)}${current})`;
}

function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
