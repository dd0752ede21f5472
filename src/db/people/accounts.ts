import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { apiTokens, organisations, users, type Role } from '../schema.ts';

export interface CurrentUser {
  id: number;
  organisationId: number;
  email: string;
  name: string;
  role: Role;
}

const columns = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  name: users.name,
  role: users.role,
};

export async function ensureOrganisation(db: Db, name: string): Promise<number> {
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

export class OrganisationChoiceError extends Error {}

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

export class DuplicateEmailError extends Error {}

export async function addUser(
  db: Db,
  input: { organisationId: number; email: string; name: string; role: Role; password: string },
): Promise<CurrentUser> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${input.email})`);
  if (existing) throw new DuplicateEmailError(`A user with the e-mail address ${input.email} already exists`);
  const passwordHash = await hash(input.password);
  const [user] = await db
    .insert(users)
    .values({
      organisationId: input.organisationId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    })
    .returning(columns);
  return user!;
}

// Verifying against a fixed hash when the e-mail is unknown keeps the response time the same, so
// timing does not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

export async function checkPassword(db: Db, email: string, password: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({ ...columns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  if (!row) {
    decoyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await decoyHash, password);
    return null;
  }
  if (row.disabled || !(await verify(row.passwordHash, password))) return null;
  const { passwordHash: _hash, disabled: _disabled, ...user } = row;
  return user;
}

export async function findUser(db: Db, id: number): Promise<CurrentUser | null> {
  const [user] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false)));
  return user ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<CurrentUser | null> {
  const [user] = await db
    .select(columns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return user ?? null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an API token; only its hash is stored, so the caller must show it now or never. */
export async function createApiToken(db: Db, userId: number): Promise<string> {
  const token = 'wsd_' + randomBytes(32).toString('base64url');
  await db.insert(apiTokens).values({ userId, tokenHash: hashToken(token) });
  return token;
}

export async function findUserByToken(db: Db, token: string): Promise<CurrentUser | null> {
  const [user] = await db
    .select(columns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), eq(users.disabled, false)));
  return user ?? null;
}

export async function listUsers(db: Db, organisationId: number): Promise<CurrentUser[]> {
  return db.select(columns).from(users).where(eq(users.organisationId, organisationId)).orderBy(users.name);
}
