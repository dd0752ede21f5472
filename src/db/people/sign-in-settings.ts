import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { SignInSettings } from '../../domain/sign-in/oidc.ts';
import { councilSignIn, organisations, users } from './schema.ts';

/* Internal to db/people (re-exported by queries.ts): reads of how a council's people sign in. */

export type SignInSettingsRow = typeof councilSignIn.$inferSelect;

const settingsOf = (row: SignInSettingsRow): SignInSettings => ({
  providerName: row.providerName,
  issuer: row.issuer,
  clientId: row.clientId,
  secretVariable: row.secretVariable,
  emailClaim: row.emailClaim,
  groupsClaim: row.groupsClaim,
  groupRoles: row.groupRoles,
  allowPasswords: row.allowPasswords,
});

/** A council's own sign-in settings; `row` is null while it uses the service's defaults. */
export async function getSignInSettings(
  db: Db,
  organisationId: number,
): Promise<{ settings: SignInSettings | null; row: SignInSettingsRow | null }> {
  const [row] = await db.select().from(councilSignIn).where(eq(councilSignIn.organisationId, organisationId));
  return row ? { settings: settingsOf(row), row } : { settings: null, row: null };
}

/** A council as the sign-in page offers it: by name and slug, with its own settings if it has any. */
export interface SignInCouncil {
  organisationId: number;
  name: string;
  slug: string;
  settings: SignInSettings | null;
}

/** Every council with its sign-in settings, for the sign-in page's buttons (council names are public). */
export async function listSignInCouncils(db: Db): Promise<SignInCouncil[]> {
  const rows = await db
    .select({ organisation: organisations, settings: councilSignIn })
    .from(organisations)
    .leftJoin(councilSignIn, eq(councilSignIn.organisationId, organisations.id))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({
    organisationId: r.organisation.id,
    name: r.organisation.name,
    slug: r.organisation.slug,
    settings: r.settings ? settingsOf(r.settings) : null,
  }));
}

/** The account with this e-mail in this council (a turned-off one included); another council's is not found. */
export async function findCouncilAccount(db: Db, organisationId: number, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      organisationId: users.organisationId,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), sql`lower(${users.email}) = lower(${email})`));
  return row ?? null;
}

/**
 * Whether this person may sign in with a password: yes unless their council turned passwords off,
 * and always for the council's first administrator, so a broken provider cannot lock a council out.
 */
export async function passwordSignInAllowed(
  db: Db,
  user: { id: number; organisationId: number },
): Promise<boolean> {
  const { settings } = await getSignInSettings(db, user.organisationId);
  if (!settings || settings.allowPasswords) return true;
  const [first] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, user.organisationId), eq(users.role, 'administrator')))
    .orderBy(asc(users.id))
    .limit(1);
  return first?.id === user.id;
}
