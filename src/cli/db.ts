import { createRoles, RoleNameError, roleSetupSql } from '../db/roles.ts';
import { UsageError, type Command } from './command.ts';

const usage =
  'Usage: wesaid db roles --owner wesaid_owner --app wesaid_app [--print]\n' +
  '  Makes the owner role (migrations run as it: DATABASE_OWNER_URL) and the app role (the service\n' +
  '  signs in as it: DATABASE_URL), which may only read and add to the history. Without --print it\n' +
  '  runs on DATABASE_URL, which must then be a superuser’s URL; with --print it writes the SQL for psql.';

/** `wesaid db roles`: the two PostgreSQL roles that keep the history out of the app's reach (issue 14). */
export const dbCommand: Command = {
  summary: 'db roles --owner O --app A [--print]: make the PostgreSQL owner and app roles',
  options: {
    owner: { type: 'string', default: 'wesaid_owner' },
    app: { type: 'string', default: 'wesaid_app' },
    print: { type: 'boolean', default: false },
  },
  async run({ config, values, positionals }) {
    if (positionals[0] !== 'roles' || positionals.length > 1) throw new UsageError(usage);
    const names = { owner: String(values.owner), app: String(values.app) };
    let script: string;
    try {
      script = roleSetupSql(names);
    } catch (error) {
      if (error instanceof RoleNameError) throw new UsageError(error.message);
      throw error;
    }
    if (values.print) {
      process.stdout.write(script);
      return 0;
    }
    if (!config.DATABASE_URL)
      throw new UsageError(
        'The embedded database has one role and keeps its append-only triggers; roles are for a PostgreSQL server. Set DATABASE_URL to a superuser’s URL of the service’s database, or use --print.',
      );
    await createRoles(config.DATABASE_URL, names);
    console.log(
      [
        `Made the roles ${names.owner} (owns the schema; migrations run as it) and ${names.app} (the service).`,
        `Give each a password in psql (\\password ${names.owner}, \\password ${names.app}), then set:`,
        `  DATABASE_OWNER_URL=postgres://${names.owner}:…@host/database   for \`wesaid migrate\``,
        `  DATABASE_URL=postgres://${names.app}:…@host/database           for \`wesaid serve\``,
      ].join('\n'),
    );
    return 0;
  },
};
