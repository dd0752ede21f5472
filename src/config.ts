import { z } from 'zod';
import { isoDatePattern } from './domain/clock.ts';

/**
 * Every setting comes from the environment and is checked once at start, so a bad value stops the
 * app with a message that names it rather than failing later in a request.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder for the embedded database and the local session key. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL URL switches from the embedded database to a real server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * The owner role's URL, for migrations only (with DATABASE_URL naming the app role, which may
   * not change the schema or rewrite the history): see `wesaid db roles`. Sensitive.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** 32 bytes or more, hex or base64, shared by every instance behind a load balancer. Sensitive. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Send cookies only over HTTPS. On by default in production. */
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** A signed-in session not used for this many minutes ends (it must be signed into again). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** A signed-in session ends this many hours after sign-in, however busy it has been. */
  SESSION_LIFETIME_HOURS: z.coerce.number().int().min(1).max(168).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Sign-in attempts allowed per address and e-mail in 15 minutes. */
  SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Public address of the service, used in e-mails and feeds. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Wesaid <no-reply@localhost>'),
  /**
   * How long an instance serves its kept public pages before asking the database whether anything
   * they show has changed (a write on the same instance is seen at once). 0 asks on every request.
   */
  PUBLIC_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(1),
  /** Sets the date the service works to (an ISO date), for demos and tests; unset means the real date. */
  WESAID_TODAY: z.string().regex(isoDatePattern, 'must be a date like 2024-10-01').optional(),
});

export type Config = Omit<z.infer<typeof schema>, 'SECURE_COOKIES'> & { SECURE_COOKIES: boolean };

/** Keys whose values never reach logs or error messages. */
export const sensitiveKeys = ['SESSION_SECRET', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'SMTP_URL'] as const;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in an env file) means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Wesaid cannot start: these settings are not valid:\n${lines.join('\n')}`);
  }
  const config = {
    ...parsed.data,
    SECURE_COOKIES: parsed.data.SECURE_COOKIES ?? parsed.data.NODE_ENV === 'production',
  };
  if (config.DATABASE_OWNER_URL && !config.DATABASE_URL) {
    throw new ConfigError(
      'Wesaid cannot start: DATABASE_OWNER_URL is for migrations on a PostgreSQL server; set DATABASE_URL to the app role’s URL too.',
    );
  }
  if (config.NODE_ENV === 'production' && !config.SESSION_SECRET) {
    throw new ConfigError(
      'Wesaid cannot start: SESSION_SECRET must be set in production (32 or more random characters, the same on every instance).',
    );
  }
  return config;
}
