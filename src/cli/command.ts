import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import type { Clock } from '../domain/clock.ts';

export interface CommandInput {
  config: Config;
  /** The real clock, or the date WESAID_TODAY sets. */
  clock: Clock;
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
