import { roles, type Role } from '../roles.ts';

/*
 * Sign-in through a council's identity provider (OpenID Connect): which provider a council uses,
 * read from its own settings over the service's defaults, and what the provider's answer means
 * for an account. Pure: the routes do the talking to the provider.
 */

/** A group the provider names and the role a person in it is given on their first sign-in. */
export interface GroupRole {
  group: string;
  role: Role;
}

/** A council's own sign-in settings, as an administrator saves them (blank means "the default"). */
export interface SignInSettings {
  providerName: string;
  issuer: string;
  clientId: string;
  /** The name of the environment variable holding the client secret; never the secret itself. */
  secretVariable: string;
  emailClaim: string;
  groupsClaim: string;
  groupRoles: GroupRole[];
  /** Whether people may still sign in with a password (the first administrator always may). */
  allowPasswords: boolean;
}

/** The service's defaults, from OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and the claims' names. */
export interface OidcDefaults {
  issuer?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  emailClaim: string;
  groupsClaim?: string | undefined;
}

/** Everything needed to send a council's people to their provider and read its answer. */
export interface OidcProvider {
  name: string;
  issuer: string;
  clientId: string;
  /** Absent for a public client, which proves itself with PKCE alone. */
  clientSecret?: string;
  emailClaim: string;
  groupsClaim: string;
  groupRoles: GroupRole[];
}

export const defaultProviderName = 'your council’s account';

/**
 * Only variables named like this may be read as a client secret. An administrator types the name,
 * so without the pattern they could have the service send SESSION_SECRET or DATABASE_URL to an
 * issuer of their choosing.
 */
export const secretVariablePattern = /^OIDC_[A-Z0-9_]*SECRET[A-Z0-9_]*$/;

/** A claim's name: letters, digits and the few marks providers use (`preferred_username`, a URL). */
export const claimPattern = /^[A-Za-z0-9_:/.\-#]{1,200}$/;

/**
 * The provider a council signs in with: its own settings over the service's defaults, or null when
 * neither names an issuer and a client. The default secret (OIDC_CLIENT_SECRET) goes only to the
 * default issuer: a council that names another issuer names the variable of that issuer's secret.
 */
export function effectiveProvider(
  settings: SignInSettings | null,
  defaults: OidcDefaults,
  secrets: Readonly<Record<string, string>>,
): OidcProvider | null {
  const issuer = settings?.issuer || defaults.issuer;
  const clientId = settings?.clientId || defaults.clientId;
  if (!issuer || !clientId) return null;
  let clientSecret: string | undefined;
  if (settings?.secretVariable) clientSecret = secrets[settings.secretVariable];
  else if (sameIssuer(issuer, defaults.issuer)) clientSecret = defaults.clientSecret;
  return {
    name: settings?.providerName || defaultProviderName,
    issuer,
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    emailClaim: settings?.emailClaim || defaults.emailClaim,
    groupsClaim: settings?.groupsClaim || defaults.groupsClaim || 'groups',
    groupRoles: settings?.groupRoles ?? [],
  };
}

const sameIssuer = (a: string, b: string | undefined) =>
  b !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** The e-mail address in the claim the council named, if it holds one. */
export function emailFrom(claims: Record<string, unknown>, claim: string): string | null {
  const value = claims[claim];
  if (typeof value !== 'string') return null;
  const email = value.trim();
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

/** The groups the provider says a person is in: a list of names, or one name. */
export function groupsFrom(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return [];
}

/** The first mapping row (in the order the council listed them) whose group the person is in. */
export function roleForGroups(groups: readonly string[], mapping: readonly GroupRole[]): GroupRole | null {
  return mapping.find((row) => groups.includes(row.group)) ?? null;
}

/** The name a new account is given: the provider's `name` claim, or the e-mail address. */
export function nameFrom(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return name !== '' && name.length <= 200 ? name : email;
}

/**
 * Mapping rows as an administrator types them, one a line: `group = role`, the role by its key
 * (`programme-manager`) or its name ("Programme manager"). Problems say which line.
 */
export function parseGroupRoles(
  text: string,
  roleNames: Readonly<Record<Role, string>>,
): { ok: true; rows: GroupRole[] } | { ok: false; problem: string } {
  const rows: GroupRole[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const at = line.lastIndexOf('=');
    const group = at < 0 ? '' : line.slice(0, at).trim();
    const roleText =
      at < 0
        ? ''
        : line
            .slice(at + 1)
            .trim()
            .toLowerCase();
    const role = roles.find((r) => r === roleText || roleNames[r].toLowerCase() === roleText);
    if (group === '' || !role)
      return {
        ok: false,
        problem: `Line ${index + 1} of the group mapping must be a group, an equals sign and a role, like “Children’s services leads = Programme manager”`,
      };
    if (group.length > 200)
      return { ok: false, problem: `The group on line ${index + 1} must be 200 characters or fewer` };
    rows.push({ group, role });
  }
  return { ok: true, rows };
}

export function formatGroupRoles(rows: readonly GroupRole[], roleNames: Readonly<Record<Role, string>>) {
  return rows.map((row) => `${row.group} = ${roleNames[row.role]}`).join('\n');
}
