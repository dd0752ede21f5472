import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';

export interface CommandInput {
  config: Config;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: CommandInput): Promise<number>;
}

/** A usage error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
