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

/**
 * The person with this e-mail and password, if their account is on; null otherwise. An address may
 * have an account in more than one council: the password is checked against each (a council's
 * sign-in link can narrow it to one), and the first that matches signs in.
 */
export async function checkPassword(
  db: Db,
  email: string,
  password: string,
  organisationId?: number,
): Promise<CurrentUser | null> {
  const rows = await db
    .select({ ...userColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(
      organisationId === undefined
        ? sameEmail(email)
        : and(sameEmail(email), eq(users.organisationId, organisationId)),
    )
    .orderBy(users.id)
    .limit(maxAccountsPerAddress);
  if (rows.length === 0) {
    await passwordMatches(null, password);
    return null;
  }
  let signedIn: CurrentUser | null = null;
  // Every account's password is checked, disabled ones too, so the answer takes as long whichever
  // matches and timing cannot tell a disabled account from a wrong password (issue 14).
  for (const row of rows) {
    const matches = await passwordMatches(row.passwordHash, password);
    if (!signedIn && matches && !row.disabled) {
      const { passwordHash: _hash, disabled: _disabled, ...user } = row;
      signedIn = user;
    }
  }
  return signedIn;
}

/** More accounts than this for one address are not tried at sign-in (each costs a password hash). */
const maxAccountsPerAddress = 10;

export async function findUser(db: Db, id: number): Promise<CurrentUser | null> {
  const [user] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false)));
  return user ?? null;
}

/** The accounts with this address, one per council at most, oldest first. */
export async function findUsersByEmail(
  db: Db,
  email: string,
): Promise<(CurrentUser & { organisation: string })[]> {
  return db
    .select({ ...userColumns, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(sameEmail(email))
    .orderBy(users.id);
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
