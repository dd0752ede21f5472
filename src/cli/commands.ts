import type { Command } from './command.ts';
import { importCommand } from './import.ts';
import { migrate } from './migrate.ts';
import { serve } from './serve.ts';
import { token, user } from './user.ts';

export const commands: Record<string, Command> = { serve, migrate, user, token, import: importCommand };
