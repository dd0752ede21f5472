import { isIP } from 'node:net';
import { z } from 'zod';
import { isoDatePattern } from './domain/clock.ts';
import { secretVariablePattern } from './domain/sign-in/oidc.ts';

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
  /**
   * Failed sign-ins allowed for one account (by e-mail address, whether or not it has an account) in
   * a window of SIGN_IN_WINDOW_MINUTES, from any address; a sign-in that succeeds is not counted.
   */
  SIGN_IN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins allowed from one client address in a window, to any accounts (an office shares one). */
  SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(100),
  /** The window of the sign-in and password reset limits, in minutes. */
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Password reset links asked for one e-mail address in a window (every ask counts: each sends mail). */
  PASSWORD_RESET_LIMIT: z.coerce.number().int().min(1).default(5),
  /** Password reset links asked from one client address in a window. */
  PASSWORD_RESET_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(20),
  /**
   * API requests with an unknown, expired or revoked token allowed from one client address in a
   * window; past it even a right token is answered 429 until the window ends. Good tokens never count.
   */
  API_TOKEN_FAILURE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Responses one client address may send to one public consultation in an hour (a family, an office). */
  CONSULTATION_RESPONSE_LIMIT: z.coerce.number().int().min(1).default(20),
  /**
   * The reverse proxies in front of the app whose X-Forwarded-For is believed: addresses or CIDR
   * ranges, comma-separated (`10.0.0.0/8,192.0.2.7`), or proxy-addr's `loopback`, `linklocal`,
   * `uniquelocal`. Unset trusts none, in production too: the client address is the connection's.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const entries = (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        if (!isProxyEntry(entry)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `${entry} is not an address, a CIDR range, loopback, linklocal or uniquelocal`,
          });
        }
      }
      return entries;
    }),
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
  /**
   * Sign-in through the council's identity provider (OpenID Connect). A council's own settings
   * (/settings/sign-in) may name another issuer, client and secret variable.
   */
  OIDC_ISSUER: z
    .string()
    .url('must be the issuer’s URL, like https://login.microsoftonline.com/<tenant>/v2.0')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Sensitive. Sent only to OIDC_ISSUER. */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The claim of the ID token that carries the person's e-mail address. */
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  /** The claim that lists the person's groups, for the group-to-role mapping (`groups` when unset). */
  OIDC_GROUPS_CLAIM: z.string().min(1).optional(),
  /** How long to wait for the identity provider before giving up on a request to it. */
  OIDC_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  /** Sets the date the service works to (an ISO date), for demos and tests; unset means the real date. */
  WESAID_TODAY: z.string().regex(isoDatePattern, 'must be a date like 2024-10-01').optional(),
});

export type Config = Omit<z.infer<typeof schema>, 'SECURE_COOKIES'> & {
  SECURE_COOKIES: boolean;
  /**
   * Client secrets a council's sign-in settings may name: every variable called like
   * `OIDC_<NAME>_SECRET` (see `secretVariablePattern`), by name. Sensitive.
   */
  oidcSecrets: Readonly<Record<string, string>>;
};

/** Keys whose values never reach logs or error messages. */
export const sensitiveKeys = [
  'SESSION_SECRET',
  'DATABASE_URL',
  'DATABASE_OWNER_URL',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
] as const;

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
    oidcSecrets: Object.fromEntries(
      Object.entries(given).filter(
        (entry): entry is [string, string] =>
          secretVariablePattern.test(entry[0]) && typeof entry[1] === 'string',
      ),
    ),
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

/** An address, a CIDR range (10.0.0.0/8, 2001:db8::/32) or one of proxy-addr's names. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
