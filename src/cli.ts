import { parseArgs } from 'node:util';
import { clockFor } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { SchemaRightsError } from './db/client.ts';
import { DataFolderInUseError } from './db/data-folder-lock.ts';
import { OrganisationChoiceError } from './db/people/commands.ts';
import { commands } from './cli/commands.ts';
import { UsageError } from './cli/command.ts';

/**
 * The one entry point: `wesaid <command> [options]`. Each command lives in src/cli/ and uses the
 * same configuration, database and app as the server.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const list = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(14)}${c.summary}`);
    console.error(
      `${name ? `Unknown command: ${name}\n\n` : ''}Usage: wesaid <command> [options]\n\nCommands:\n${list.join('\n')}`,
    );
    return name ? 2 : 0;
  }
  const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  const config = loadConfig();
  return command.run({
    config,
    clock: clockFor(config),
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    if (
      error instanceof ConfigError ||
      error instanceof DataFolderInUseError ||
      error instanceof SchemaRightsError ||
      error instanceof OrganisationChoiceError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error((error as Error).message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
