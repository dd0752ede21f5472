import { bringUpToDate, openDatabase } from '../db/client.ts';
import { createApiToken } from '../db/people/commands.ts';
import { findUsersByEmail, tokenScopes, type TokenScope } from '../db/people/queries.ts';
import { formatDate } from '../domain/format.ts';
import { UsageError, type Command } from './command.ts';

const usage =
  'Usage: wesaid token create --email E [--organisation NAME] [--scope read|write] [--expires-days N] [--name NAME]';
const dayMs = 24 * 60 * 60 * 1000;

const isScope = (value: string): value is TokenScope => (tokenScopes as readonly string[]).includes(value);

/**
 * Creates an API token for a person. It reads only unless `--scope write` is given, and expires
 * after 90 days unless `--expires-days` says otherwise (at most a year): a token that never ends
 * is a password nobody changes. People manage their own tokens on /account/tokens.
 */
export const token: Command = {
  summary:
    'token create --email E [--organisation NAME] [--scope read|write] [--expires-days N] [--name NAME]: create an API token (printed as the last line)',
  options: {
    email: { type: 'string' },
    organisation: { type: 'string' },
    scope: { type: 'string' },
    'expires-days': { type: 'string' },
    name: { type: 'string' },
  },
  async run({ config, clock, values, positionals }) {
    if (positionals[0] !== 'create') throw new UsageError(usage);
    const email = String(values.email ?? '').trim();
    if (!email) throw new UsageError('Give the person’s email address with --email');
    const scope = String(values.scope ?? 'read');
    if (!isScope(scope)) throw new UsageError('--scope must be read or write');
    const daysText = String(values['expires-days'] ?? '90');
    const days = /^[1-9][0-9]{0,2}$/.test(daysText) ? Number(daysText) : 0;
    if (days < 1 || days > 366) throw new UsageError('--expires-days must be a whole number from 1 to 366');
    const name =
      String(values.name ?? 'Command line')
        .trim()
        .slice(0, 100) || 'Command line';
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const found = chooseAccount(
        await findUsersByEmail(database.db, email),
        email,
        values.organisation === undefined ? undefined : String(values.organisation),
      );
      const expiresAt = new Date(clock.now().getTime() + days * dayMs);
      const created = await createApiToken(database.db, found.id, { name, scope, expiresAt });
      const may = scope === 'write' ? 'read and write' : 'read only';
      console.log(
        `API token "${name}" for ${found.name} (${found.role}), ${may}, expires ${formatDate(expiresAt)}.`,
      );
      console.log('Keep it secret; it is shown once:');
      console.log(created);
      return 0;
    } finally {
      await database.close();
    }
  },
};

/** An address may have an account in several councils: then the council must be named. */
function chooseAccount<T extends { organisation: string }>(
  accounts: T[],
  email: string,
  organisation?: string,
): T {
  const named = organisation
    ? accounts.filter((a) => a.organisation.toLowerCase() === organisation.trim().toLowerCase())
    : accounts;
  if (named.length === 1) return named[0]!;
  if (named.length === 0)
    throw new UsageError(
      `There is no user with the email address ${email}${organisation ? ` in ${organisation}` : ''}`,
    );
  throw new UsageError(
    `${email} has an account in several councils; say which with --organisation: ${named.map((a) => `"${a.organisation}"`).join(', ')}`,
  );
}
