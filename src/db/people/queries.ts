import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { Role } from '../../domain/policies.ts';
import { passwordMatches } from './credentials.ts';
import { organisations, users } from './schema.ts';

export { brandingOf, getLogo, type Branding } from './branding.ts';
export {
  findApiToken,
  findSession,
  listApiTokens,
  listSessions,
  passwordResetIsValid,
  type FoundSession,
  type FoundToken,
  type SessionLimits,
  type SessionRow,
  type TokenRow,
} from './sessions.ts';
export { tokenScopes, type TokenScope } from './schema.ts';
export {
  findCouncilAccount,
  getSignInSettings,
  listSignInCouncils,
  passwordSignInAllowed,
  type SignInCouncil,
  type SignInSettingsRow,
} from './sign-in-settings.ts';

/* Reads of councils' people: who is signed in, who may sponsor, who is on the people page. */

/** Whether any council has been set up yet: a demo start loads only into an empty database. */
export async function hasAnyCouncil(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return row !== undefined;
}

/** The signed-in person, as every request sees them. */
export interface CurrentUser {
  id: number;
  organisationId: number;
  email: string;
  name: string;
  role: Role;
}

/** A person as the administrator's people page lists them. */
export interface Person extends CurrentUser {
  disabled: boolean;
}

export const userColumns = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  name: users.name,
  role: users.role,
};

const sameEmail = (email: string) => sql`lower(${users.email}) = lower(${email})`;

/** The person with this e-mail and password, if their account is on; null otherwise. */
export async function checkPassword(db: Db, email: string, password: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(sameEmail(email));
  if (!row) {
    await passwordMatches(null, password);
    return null;
  }
  // The password is checked even for a disabled account, so the answer takes as long as any
  // other and timing cannot tell a disabled account from a wrong password (issue 14).
  const matches = await passwordMatches(row.passwordHash, password);
  if (row.disabled || !matches) return null;
  const { passwordHash: _hash, disabled: _disabled, ...user } = row;
  return user;
}

export async function findUser(db: Db, id: number): Promise<CurrentUser | null> {
  const [user] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false)));
  return user ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<CurrentUser | null> {
  const [user] = await db.select(userColumns).from(users).where(sameEmail(email));
  return user ?? null;
}

/** Everyone in a council, by name (accounts turned off included). */
export async function listUsers(db: Db, organisationId: number): Promise<CurrentUser[]> {
  return db
    .select(userColumns)
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(users.name);
}

/** Everyone in a council with whether their account is on, for the people page. */
export async function listPeople(db: Db, organisationId: number): Promise<Person[]> {
  return db
    .select({ ...userColumns, disabled: users.disabled })
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(users.name);
}

/** One person in a council; someone in another council is not found. */
export async function getPerson(db: Db, organisationId: number, id: number): Promise<Person | null> {
  const [person] = await db
    .select({ ...userColumns, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.id, id), eq(users.organisationId, organisationId)));
  return person ?? null;
}
