import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import { changeHistory } from './schema.ts';

import type { Actor, SaveResult } from '../domain/changes.ts';

export { systemActor, type Actor, type SaveResult } from '../domain/changes.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

type Row = Record<string, unknown>;

/** A table whose rows people edit: it has an id, a version and an updated time. */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** Fields left out of the history's before and after, because they change on every save. */
const bookkeeping = new Set(['version', 'updatedAt', 'createdAt']);

function snapshot(row: Row | null): Row | null {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !bookkeeping.has(key)));
}

export async function recordChange(
  tx: DbOrTx,
  change: {
    organisationId: number;
    recordType: string;
    recordId: number;
    action: (typeof changeHistory.$inferInsert)['action'];
    actor: Actor;
    before: Row | null;
    after: Row | null;
  },
): Promise<void> {
  await tx.insert(changeHistory).values({
    organisationId: change.organisationId,
    recordType: change.recordType,
    recordId: change.recordId,
    action: change.action,
    userId: change.actor.userId,
    actorName: change.actor.name,
    before: snapshot(change.before),
    after: snapshot(change.after),
  });
}

/** Many changes' history rows, a statement per chunk (an import's undo removes thousands of records). */
export async function recordChanges(
  tx: Tx,
  changes: {
    organisationId: number;
    recordType: string;
    recordId: number;
    action: (typeof changeHistory.$inferInsert)['action'];
    actor: Actor;
    before: Row | null;
    after: Row | null;
  }[],
): Promise<void> {
  for (const chunk of chunks(changes)) {
    await tx.insert(changeHistory).values(
      chunk.map((change) => ({
        organisationId: change.organisationId,
        recordType: change.recordType,
        recordId: change.recordId,
        action: change.action,
        userId: change.actor.userId,
        actorName: change.actor.name,
        before: snapshot(change.before),
        after: snapshot(change.after),
      })),
    );
    await betweenChunks();
  }
}

/**
 * Lets the event loop run between the statements of a long write: timers, sockets and requests
 * that do not wait on this transaction are served meanwhile (on PostgreSQL every other request;
 * on the embedded database, whose one connection the transaction holds, those that need no query).
 */
export const betweenChunks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Many creations and their history rows, one statement for each (an import writes thousands of
 * records: one round trip each would take minutes). Rows come back in the order given. Chunked so
 * that no statement passes PostgreSQL's limit on parameters.
 */
export async function insertRecords<T extends VersionedTable>(
  tx: Tx,
  table: T,
  recordType: string,
  organisationId: number,
  values: T['$inferInsert'][],
  actor: Actor,
  action: 'create' | 'import' = 'create',
): Promise<T['$inferSelect'][]> {
  const rows: Row[] = [];
  for (const chunk of chunks(values)) {
    rows.push(...((await tx.insert(table).values(chunk).returning()) as Row[]));
    await betweenChunks();
  }
  for (const chunk of chunks(rows)) {
    await tx.insert(changeHistory).values(
      chunk.map((row) => ({
        organisationId,
        recordType,
        recordId: row.id as number,
        action,
        userId: actor.userId,
        actorName: actor.name,
        before: null,
        after: snapshot(row),
      })),
    );
    await betweenChunks();
  }
  return rows;
}

/** Rows a statement at a time: PostgreSQL takes at most 65,535 parameters in one. */
export function chunks<T>(rows: readonly T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function insertRecord<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  recordType: string,
  organisationId: number,
  values: T['$inferInsert'],
  actor: Actor,
  action: 'create' | 'import' = 'create',
): Promise<T['$inferSelect']> {
  const run = async (tx: DbOrTx) => {
    const [row] = (await tx.insert(table).values(values).returning()) as Row[];
    await recordChange(tx, {
      organisationId,
      recordType,
      recordId: row!.id as number,
      action,
      actor,
      before: null,
      after: row!,
    });
    return row as T['$inferSelect'];
  };
  return 'transaction' in db ? db.transaction(run) : run(db);
}

/**
 * Saves an edit only if the record is still at the version the person loaded; otherwise returns
 * the newer version so the page can show both and keep what they typed. The change and its history
 * row are written together or not at all.
 */
export async function updateRecord<T extends VersionedTable>(
  db: Db,
  table: T,
  recordType: string,
  organisationId: number,
  id: number,
  expectedVersion: number,
  values: Partial<T['$inferInsert']>,
  actor: Actor,
): Promise<SaveResult<T['$inferSelect']>> {
  // Read through the plain table type: the generic one is too wide for drizzle's select.
  const source: PgTable = table;
  return db.transaction(async (tx) => {
    const [before] = (await tx.select().from(source).where(eq(table.id, id)).for('update')) as Row[];
    if (!before) return { ok: false, conflict: false };
    if (before.version !== expectedVersion) return { ok: false, conflict: true, current: before };
    const entries: [string, unknown][] = Object.entries(values);
    // Saving without changing anything leaves the version alone, so it cannot cause a false conflict.
    if (
      entries.every(([key, value]) => JSON.stringify(before[key] ?? null) === JSON.stringify(value ?? null))
    ) {
      return { ok: true, record: before };
    }
    const changes = {
      ...values,
      version: sql`${table.version} + 1`,
      updatedAt: sql`now()`,
    } as PgUpdateSetSource<T>;
    const [after] = (await tx
      .update(table)
      .set(changes)
      .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
      .returning()) as Row[];
    await recordChange(tx, {
      organisationId,
      recordType,
      recordId: id,
      action: 'update',
      actor,
      before,
      after: after!,
    });
    return { ok: true, record: after! };
  });
}
