import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recordChange, systemActor, type Actor } from '../changes.ts';
import { hashPassword, hashToken, newResetToken, passwordMatches } from './credentials.ts';
import { organisations, passwordResets, users } from './schema.ts';
import { endSessionsOf } from './session-commands.ts';

/* Internal to db/people (re-exported by commands.ts): changing and resetting passwords. */

const resetLifetimeMs = 60 * 60 * 1000;

/** The current password given to change it was not the person's password. */
export class WrongPasswordError extends Error {
  readonly code = 'wrong-password';
  readonly field = 'currentPassword';
}

const passwordChanged = { password: 'changed' };

/**
 * A signed-in person changes their password, giving the current one. Their other sessions end in
 * the same transaction (a thief who had signed in elsewhere is signed out); this one carries on.
 */
export async function changePassword(
  db: Db,
  input: { userId: number; currentPassword: string; newPassword: string; keepSessionId: number },
  actor: Actor,
): Promise<void> {
  const [person] = await db
    .select({ passwordHash: users.passwordHash, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!person || !(await passwordMatches(person.passwordHash, input.currentPassword)))
    throw new WrongPasswordError('The current password is not right');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    await endSessionsOf(tx, input.userId, input.keepSessionId);
    await recordChange(tx, {
      organisationId: person.organisationId,
      recordType: 'user',
      recordId: input.userId,
      action: 'update',
      actor,
      before: null,
      after: passwordChanged,
    });
  });
}

/**
 * Makes a reset link's token for each account with this address that is on (an address may have an
 * account in more than one council, and each gets its own link, naming its council); none otherwise
 * (the caller answers the same either way). Each token lasts an hour.
 */
export async function startPasswordReset(
  db: Db,
  email: string,
  now: Date,
): Promise<{ token: string; name: string; email: string; organisation: string }[]> {
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eqEmail(email), eq(users.disabled, false)))
    .orderBy(users.id);
  if (people.length === 0) return [];
  const made = people.map((person) => ({ ...person, token: newResetToken() }));
  await db.insert(passwordResets).values(
    made.map((person) => ({
      userId: person.id,
      tokenHash: hashToken(person.token),
      expiresAt: new Date(now.getTime() + resetLifetimeMs),
    })),
  );
  return made.map(({ token, name, email, organisation }) => ({ token, name, email, organisation }));
}

const eqEmail = (email: string) => sql`lower(${users.email}) = lower(${email})`;

/**
 * Sets a new password through a reset link: the link is used up, every session of the account
 * ends, and the change is in the history, all in one transaction. False when the link is unknown,
 * used, more than an hour old, or for an account that has been turned off.
 */
export async function finishPasswordReset(
  db: Db,
  input: { token: string; newPassword: string; now: Date },
): Promise<boolean> {
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .select({
        id: passwordResets.id,
        userId: passwordResets.userId,
        organisationId: users.organisationId,
        name: users.name,
      })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, input.now),
          eq(users.disabled, false),
        ),
      )
      .for('update');
    if (!reset) return false;
    await tx.update(passwordResets).set({ usedAt: input.now }).where(eq(passwordResets.id, reset.id));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await endSessionsOf(tx, reset.userId);
    await recordChange(tx, {
      organisationId: reset.organisationId,
      recordType: 'user',
      recordId: reset.userId,
      action: 'update',
      actor: systemActor(`${reset.name} (password reset link)`),
      before: null,
      after: passwordChanged,
    });
    return true;
  });
}
