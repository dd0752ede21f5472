import { randomBytes } from 'node:crypto';
import { bringUpToDate, openDatabase } from '../db/client.ts';
import { roles, type Role } from '../domain/policies.ts';
import { addUser, DuplicateEmailError, resolveOrganisation } from '../db/people/commands.ts';
import { UsageError, type Command } from './command.ts';

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

export const user: Command = {
  summary: 'user add --email E --name N --role R [--password P] [--organisation NAME]: add a person',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    organisation: { type: 'string' },
  },
  async run({ config, values, positionals }) {
    if (positionals[0] !== 'add')
      throw new UsageError('Usage: wesaid user add --email E --name N --role R [--password P]');
    const email = String(values.email ?? '').trim();
    const name = String(values.name ?? '').trim();
    const role = String(values.role ?? '');
    if (!/^[^\s@]+@[^\s@]+$/.test(email))
      throw new UsageError('Give an email address with --email, like name@council.gov.uk');
    if (!name) throw new UsageError('Give the person’s name with --name');
    if (!isRole(role)) throw new UsageError(`--role must be one of: ${roles.join(', ')}`);
    const password =
      typeof values.password === 'string' ? values.password : randomBytes(12).toString('base64url');
    if (password.length < 10) throw new UsageError('The password must be 10 characters or more');
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const organisationId = await resolveOrganisation(
        database.db,
        typeof values.organisation === 'string' ? values.organisation : undefined,
      );
      const added = await addUser(database.db, { organisationId, email, name, role, password });
      console.log(`Added ${added.name} <${added.email}> as ${role}.`);
      if (values.password === undefined) console.log(`Password (shown once): ${password}`);
      return 0;
    } catch (error) {
      if (error instanceof DuplicateEmailError) throw new UsageError(error.message);
      throw error;
    } finally {
      await database.close();
    }
  },
};
