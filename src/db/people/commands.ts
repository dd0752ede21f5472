import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recordChange, type Actor, type DbOrTx } from '../changes.ts';
import type { Role } from '../../domain/policies.ts';
import { hashPassword } from './credentials.ts';
import { endSessionsOf } from './session-commands.ts';
import { userColumns, type CurrentUser } from './queries.ts';
import { organisations, users } from './schema.ts';

export {
  endOwnSession,
  endSessionByKey,
  endSessionsOf,
  startSession,
  touchSession,
  type NewSession,
} from './session-commands.ts';
export { createApiToken, revokeApiToken, touchApiToken, type NewApiToken } from './token-commands.ts';
export {
  changePassword,
  finishPasswordReset,
  startPasswordReset,
  WrongPasswordError,
} from './password-commands.ts';
export { addPersonFromProvider, saveSignInSettings } from './sign-in-commands.ts';
export { BrandColourError, logoTypes, saveBranding, saveLogo, type LogoType } from './branding-commands.ts';

/* Writes to councils and their people. */

/** Someone in the council already has an account with this e-mail address (unique per council, ignoring case). */
export class DuplicateEmailError extends Error {
  readonly code = 'duplicate-email';
  readonly field = 'email';
}

/** The database holds several councils and the caller did not say which one it meant. */
export class OrganisationChoiceError extends Error {
  readonly code = 'organisation-choice';
}

/** An administrator tried to take away their own administrator role or turn off their own account. */
export class OwnAccessError extends Error {
  readonly code = 'own-access';
  constructor() {
    super('An administrator cannot change their own role or turn off their own account');
  }
}

/** The council with this name, created if there is none yet. */
export async function ensureOrganisation(db: DbOrTx, name: string): Promise<number> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (existing) return existing.id;
  const [created] = await db.insert(organisations).values({ name, slug }).returning({ id: organisations.id });
  return created!.id;
}

/**
 * The council a command acts for: the one named, or the only one there is. With none yet, the
 * named one (or "Council") is created; with several and none named, the caller must choose.
 */
export async function resolveOrganisation(db: Db, name?: string): Promise<number> {
  if (name) return ensureOrganisation(db, name);
  const all = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(organisations.id);
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0) return ensureOrganisation(db, 'Council');
  throw new OrganisationChoiceError(
    `This database holds several councils; say which with --organisation: ${all.map((o) => `"${o.name}"`).join(', ')}`,
  );
}

export interface NewUser {
  organisationId: number;
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Adds an account (from the command line, the demo or a test: no one to name in the history). */
export async function addUser(db: DbOrTx, input: NewUser): Promise<CurrentUser> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.organisationId, input.organisationId), sql`lower(${users.email}) = lower(${input.email})`),
    );
  if (existing)
    throw new DuplicateEmailError(
      `A user with the e-mail address ${input.email} already exists in this council`,
    );
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({
      organisationId: input.organisationId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    })
    .returning(userColumns);
  return user!;
}

/** An administrator adds a person: the account and its history row together. */
export async function addPerson(db: Db, input: NewUser, actor: Actor): Promise<CurrentUser> {
  return db.transaction(async (tx) => {
    const added = await addUser(tx, input);
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'user',
      recordId: added.id,
      action: 'create',
      actor,
      before: null,
      after: { name: added.name, email: added.email, role: added.role },
    });
    return added;
  });
}

/**
 * An administrator sets a person's role and whether their account is on. Nobody can lock
 * themselves out this way (nor leave the council with no administrator by demoting themselves).
 * Returns false when the person is not in the council.
 */
export async function changeAccess(
  db: Db,
  input: { organisationId: number; userId: number; role: Role; disabled: boolean },
  actor: Actor,
): Promise<boolean> {
  if (input.userId === actor.userId && (input.role !== 'administrator' || input.disabled))
    throw new OwnAccessError();
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ organisationId: users.organisationId, role: users.role, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!person || person.organisationId !== input.organisationId) return false;
    await tx
      .update(users)
      .set({ role: input.role, disabled: input.disabled })
      .where(eq(users.id, input.userId));
    // A turned-off account is signed out everywhere at once, not at its sessions' next expiry.
    if (input.disabled) await endSessionsOf(tx, input.userId);
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'user',
      recordId: input.userId,
      action: 'update',
      actor,
      before: { role: person.role, disabled: person.disabled },
      after: { role: input.role, disabled: input.disabled },
    });
    return true;
  });
}
