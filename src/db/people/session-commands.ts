import { and, eq, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../changes.ts';
import { hashToken, newSessionKey } from './credentials.ts';
import { sessions } from './schema.ts';

/* Internal to db/people (re-exported by commands.ts): starting and ending signed-in sessions. */

export interface NewSession {
  userId: number;
  now: Date;
  /** The absolute lifetime: the session ends this long after it starts, however busy. */
  lifetimeMs: number;
  userAgent: string;
}

/**
 * Starts a session and returns the key for the cookie (shown to nobody else, kept only hashed).
 * The person's sessions that have run out are cleared at the same time, so the table stays small.
 */
export async function startSession(db: DbOrTx, input: NewSession): Promise<string> {
  const key = newSessionKey();
  await db.delete(sessions).where(and(eq(sessions.userId, input.userId), lt(sessions.expiresAt, input.now)));
  await db.insert(sessions).values({
    userId: input.userId,
    idHash: hashToken(key),
    startedAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.lifetimeMs),
    userAgent: input.userAgent.slice(0, 200),
  });
  return key;
}

/** Notes that the session was used (the caller does this at most once a minute, to keep writes low). */
export async function touchSession(db: DbOrTx, sessionId: number, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** Signs out the browser holding `key`: its cookie, or any copy of it, stops working at once. */
export async function endSessionByKey(db: DbOrTx, key: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(key)));
}

/** A person ends one of their own sessions; false when it is not theirs (or already ended). */
export async function endOwnSession(db: DbOrTx, userId: number, sessionId: number): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every session of a person, or every one but `exceptSessionId` (the one they are using). */
export async function endSessionsOf(db: DbOrTx, userId: number, exceptSessionId?: number): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(
      exceptSessionId === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)),
    )
    .returning({ id: sessions.id });
  return ended.length;
}
