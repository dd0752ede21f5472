import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { roles, type Role } from '../domain/policies.ts';
import { addUser } from '../db/people/commands.ts';

export interface DemoAccount {
  id: number;
  role: Role;
  email: string;
  name: string;
  password: string;
}

const people: Record<Role, string> = {
  administrator: 'Demo Administrator',
  'programme-manager': 'Demo Programme Manager',
  sponsor: 'Alison Montgomery',
  'board-member': 'Demo Independent Chair',
  viewer: 'Demo Viewer',
};

/** One account per role with a random password, for a demo start only; the caller prints them. */
export async function createDemoAccounts(db: Db, organisationId: number): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const role of roles) {
    const account = {
      role,
      email: `${role}@demo.wesaid.test`,
      name: people[role],
      password: randomBytes(12).toString('base64url'),
    };
    const user = await addUser(db, { organisationId, ...account });
    accounts.push({ id: user.id, ...account });
  }
  return accounts;
}
