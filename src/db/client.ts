import { sql } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataFolderLock } from './data-folder-lock.ts';
import { createPglite } from './pglite-client.ts';
import { keepAppendOnlySql } from './roles.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgresql';
  /** Runs the migrations that have not run yet, as this connection's role. */
  migrate(): Promise<void>;
  /** How many migrations have not run yet (read only: the app's role may ask). */
  pendingMigrations(): Promise<number>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseOptions {
  DATABASE_URL?: string;
  DATA_DIR: string;
}

/** The migrations' own record: which have run, by the time of their folder (drizzle's migrator). */
const migrationsTable = 'drizzle.__drizzle_migrations';

/** The schema needs a migration the connected role may not run (the app role of a two-role set-up). */
export class SchemaRightsError extends Error {}

/**
 * Brings the schema up to date before the service or a command uses it. With DATABASE_OWNER_URL
 * the migrations run as the owner role, never as the app's; without it, as the connected role and
 * only when one is waiting, so an app role that may not change the schema starts when it is current.
 */
export async function bringUpToDate(
  database: Database,
  options: { DATABASE_OWNER_URL?: string },
): Promise<void> {
  if (database.kind === 'embedded') return database.migrate();
  if (options.DATABASE_OWNER_URL) {
    const owner = await openPostgres(options.DATABASE_OWNER_URL);
    try {
      await owner.migrate();
    } finally {
      await owner.close();
    }
    return;
  }
  const waiting = await database.pendingMigrations();
  if (waiting === 0) return;
  try {
    await database.migrate();
  } catch (error) {
    if (!isInsufficientPrivilege(error)) throw error;
    throw new SchemaRightsError(
      `The database needs ${waiting} migration${waiting === 1 ? '' : 's'}, and the role in DATABASE_URL may not change the schema: run \`wesaid migrate\` with DATABASE_OWNER_URL set to the owner role's URL.`,
    );
  }
}

const isInsufficientPrivilege = (error: unknown): boolean =>
  [error, (error as { cause?: unknown }).cause].some((e) => (e as { code?: string })?.code === '42501');

async function migrationsRun(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<number> {
  try {
    const { rows } = await query(`select coalesce(max(created_at), 0) as last from ${migrationsTable}`);
    return Number((rows[0] as { last: string | number }).last);
  } catch (error) {
    // No record yet (42P01: no such table, 3F000: no such schema): nothing has run.
    if (['42P01', '3F000'].includes((error as { code?: string }).code ?? '')) return 0;
    throw error;
  }
}

async function countPending(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<number> {
  const last = await migrationsRun(query);
  return readMigrationFiles({ migrationsFolder }).filter((m) => m.folderMillis > last).length;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.DATABASE_URL) return openPostgres(options.DATABASE_URL);
  return openEmbedded(options.DATA_DIR);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at start, with the server's own message, rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema });
  return {
    db,
    kind: 'postgresql',
    async migrate() {
      await migratePg(db, { migrationsFolder });
      // Default privileges give a new table the app role's full rights; a record keeps only its reads and adds.
      await pool.query(keepAppendOnlySql);
    },
    pendingMigrations: () => countPending((text) => pool.query(text)),
    close: () => pool.end(),
  };
}

/** The embedded database lives in `<dataDir>/pglite`. One process may hold it at a time. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataFolderLock(dataDir);
  try {
    const client = await createPglite(path.join(dataDir, 'pglite'));
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** An embedded database held in memory, optionally loaded from a dump (used by tests). */
export async function openInMemory(loadDataDir?: Blob): Promise<Database> {
  const client = await createPglite(undefined, loadDataDir ? { loadDataDir } : {});
  return wrapPglite(client, () => undefined);
}

function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: 'embedded',
    migrate: () => migratePglite(db, { migrationsFolder }),
    pendingMigrations: () => countPending((text) => client.query(text)),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Whether the database answers a trivial query: what the health check reports. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
