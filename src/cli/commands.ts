import type { Command } from './command.ts';
import { dbCommand } from './db.ts';
import { importCommand } from './import.ts';
import { loadCommand } from './load.ts';
import { migrate } from './migrate.ts';
import { packCommand } from './pack.ts';
import { publishCommand } from './publish.ts';
import { remindCommand } from './remind.ts';
import { serve } from './serve.ts';
import { token } from './token.ts';
import { user } from './user.ts';

export const commands: Record<string, Command> = {
  serve,
  migrate,
  db: dbCommand,
  user,
  token,
  import: importCommand,
  load: loadCommand,
  pack: packCommand,
  publish: publishCommand,
  remind: remindCommand,
};
