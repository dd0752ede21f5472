import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { hashToken } from './credentials.ts';
import { apiTokens, passwordResets, sessions, users, type TokenScope } from './schema.ts';
import type { CurrentUser } from './queries.ts';

/* Internal to db/people (re-exported by queries.ts): reads of sessions, API tokens and reset links. */

const userColumns = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  name: users.name,
  role: users.role,
};

/*
 * The council's data version (src/db/data-versions/queries.ts), read with the person in the same
 * query, before anything the request reads: kept reads need it, and it costs no round trip here.
 */
const dataVersion = sql<string>`coalesce((select dv.version::text from data_versions dv where dv.organisation_id = ${users.organisationId}), '0')`;

export interface SessionLimits {
  now: Date;
  /** A session not seen for this long has ended. */
  idleMs: number;
}

const live = ({ now, idleMs }: SessionLimits) =>
  and(gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)));

export interface FoundSession {
  sessionId: number;
  lastSeenAt: Date;
  user: CurrentUser;
  /** The council's data version as the request began. */
  dataVersion: string;
}

/*
 * Asked on every signed-in request, so it is prepared once per database: Drizzle builds the SQL
 * once rather than on each call (a sixth of what a kept page cost).
 */
const preparedFindSession = new WeakMap<Db, ReturnType<typeof prepareFindSession>>();

function prepareFindSession(db: Db) {
  return db
    .select({ ...userColumns, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt, dataVersion })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, sql.placeholder('idHash')),
        eq(users.disabled, false),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('seenSince')),
      ),
    )
    .prepare('find_session');
}

/**
 * The session whose cookie holds `key`, with its person, in one query: an ended, idle, expired
 * session or a turned-off account is not found.
 */
export async function findSession(
  db: Db,
  key: string,
  { now, idleMs }: SessionLimits,
): Promise<FoundSession | null> {
  let prepared = preparedFindSession.get(db);
  if (!prepared) {
    prepared = prepareFindSession(db);
    preparedFindSession.set(db, prepared);
  }
  const [row] = await prepared.execute({
    idHash: hashToken(key),
    now,
    seenSince: new Date(now.getTime() - idleMs),
  });
  if (!row) return null;
  const { sessionId, lastSeenAt, dataVersion: version, ...user } = row;
  return { sessionId, lastSeenAt, user, dataVersion: version };
}

export interface SessionRow {
  id: number;
  startedAt: Date;
  lastSeenAt: Date;
  userAgent: string;
}

/** A person's sessions still running, the most recently used first. */
export async function listSessions(db: Db, userId: number, limits: SessionLimits): Promise<SessionRow[]> {
  return db
    .select({
      id: sessions.id,
      startedAt: sessions.startedAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), live(limits)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
}

export interface FoundToken {
  tokenId: number;
  scope: TokenScope;
  lastUsedAt: Date | null;
  user: CurrentUser;
  /** The council's data version as the request began. */
  dataVersion: string;
}

/** The person an API token acts for, unless it is revoked, expired or their account is off. */
export async function findApiToken(db: Db, token: string, now: Date): Promise<FoundToken | null> {
  const [row] = await db
    .select({
      ...userColumns,
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      dataVersion,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        eq(users.disabled, false),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    );
  if (!row) return null;
  const { tokenId, scope, lastUsedAt, dataVersion: version, ...user } = row;
  return { tokenId, scope, lastUsedAt, user, dataVersion: version };
}

export interface TokenRow {
  id: number;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A person's own API tokens, newest first (revoked and expired ones too, marked as such). */
export async function listApiTokens(db: Db, userId: number): Promise<TokenRow[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id));
}

/** Whether a reset link is still good: unused, within its hour, for an account that is on. */
export async function passwordResetIsValid(db: Db, token: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        eq(users.disabled, false),
      ),
    );
  return row !== undefined;
}
