import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/* Internal to db/people: how passwords and API tokens are hashed and checked. */

export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a fixed hash when the e-mail is unknown keeps the response time the same, so
// timing does not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; with no hash, spends the same time and says no. */
export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await decoyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newToken = (): string => 'wsd_' + randomBytes(32).toString('base64url');

/** A session id for the cookie: 256 random bits; the database keeps only `hashToken` of it. */
export const newSessionKey = (): string => randomBytes(32).toString('base64url');

/** The secret in a password reset link. */
export const newResetToken = (): string => randomBytes(32).toString('base64url');
