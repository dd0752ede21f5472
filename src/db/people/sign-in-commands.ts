import { randomBytes } from 'node:crypto';
import type { Db } from '../client.ts';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Role } from '../../domain/policies.ts';
import type { SignInSettings } from '../../domain/sign-in/oidc.ts';
import { addUser } from './commands.ts';
import type { CurrentUser } from './queries.ts';
import { councilSignIn } from './schema.ts';
import type { SignInSettingsRow } from './sign-in-settings.ts';

/* Internal to db/people (re-exported by commands.ts): writes to how a council's people sign in. */

const recordType = 'council-sign-in';

/** Saves a council's sign-in settings at the version the administrator loaded (a first save creates them). */
export async function saveSignInSettings(
  db: Db,
  organisationId: number,
  current: SignInSettingsRow | null,
  expectedVersion: number,
  input: SignInSettings,
  actor: Actor,
): Promise<SaveResult<SignInSettingsRow>> {
  if (!current) {
    const record = await insertRecord(
      db,
      councilSignIn,
      recordType,
      organisationId,
      { ...input, organisationId },
      actor,
    );
    return { ok: true, record };
  }
  return updateRecord(
    db,
    councilSignIn,
    recordType,
    organisationId,
    current.id,
    expectedVersion,
    input,
    actor,
  );
}

/**
 * An account made at first sign-in through the council's provider, because a group the provider
 * named maps to a role. Its password is random and never told, so it signs in through the provider
 * (or sets a password by the reset link, where the council allows passwords). The history says why.
 */
export async function addPersonFromProvider(
  db: Db,
  input: { organisationId: number; email: string; name: string; role: Role; group: string; provider: string },
  actor: Actor,
): Promise<CurrentUser> {
  return db.transaction(async (tx) => {
    const added = await addUser(tx, {
      organisationId: input.organisationId,
      email: input.email,
      name: input.name,
      role: input.role,
      password: randomBytes(32).toString('base64url'),
    });
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'user',
      recordId: added.id,
      action: 'create',
      actor,
      before: null,
      after: {
        name: added.name,
        email: added.email,
        role: added.role,
        reason: `Signed in through ${input.provider} for the first time, in the group “${input.group}”`,
      },
    });
    return added;
  });
}
