import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recordChange, systemActor, type Actor } from '../changes.ts';
import { hashToken, newToken } from './credentials.ts';
import { apiTokens, users, type TokenScope } from './schema.ts';

/* Internal to db/people (re-exported by commands.ts): API tokens made, used and revoked. */

export interface NewApiToken {
  name: string;
  scope: TokenScope;
  expiresAt: Date;
}

/**
 * Creates an API token for a person, with its history row; only its hash is stored, so the caller
 * must show it now or never. Returns null when there is no such person.
 */
export async function createApiToken(
  db: Db,
  userId: number,
  input: NewApiToken,
  actor: Actor = systemActor('Command line'),
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ organisationId: users.organisationId })
      .from(users)
      .where(eq(users.id, userId));
    if (!person) return null;
    const token = newToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, tokenHash: hashToken(token), ...input })
      .returning({ id: apiTokens.id });
    await recordChange(tx, {
      organisationId: person.organisationId,
      recordType: 'api-token',
      recordId: row!.id,
      action: 'create',
      actor,
      before: null,
      after: { userId, name: input.name, scope: input.scope, expiresAt: input.expiresAt.toISOString() },
    });
    return token;
  });
}

/** A person revokes one of their own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(
  db: Db,
  input: { organisationId: number; userId: number; tokenId: number; now: Date },
  actor: Actor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: input.now })
      .where(
        and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId), isNull(apiTokens.revokedAt)),
      )
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!revoked) return false;
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'api-token',
      recordId: revoked.id,
      action: 'update',
      actor,
      before: { name: revoked.name, revoked: false },
      after: { name: revoked.name, revoked: true },
    });
    return true;
  });
}

/** Notes when a token was last used (the caller does this at most once a minute). */
export async function touchApiToken(db: Db, tokenId: number, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}
