import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySecureSession from '@fastify/secure-session';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

/**
 * Headers, bodies, the session cookie and CSRF: everything a request passes
 * through before a route sees it. The encrypted cookie holds the CSRF secret (forms work before
 * sign-in), a flash message and, once signed in, the random key of a session kept in the database
 * (auth.ts), so signing out ends it everywhere. The cookie lasts no longer than a session may.
 * Rate limits are counted in the database once a route has read the body (limits.ts).
 */
export const security = fp<{ config: Config; sessionKey?: Buffer }>(
  async (app, { config, sessionKey }) => {
    await app.register(fastifyHelmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Helmet replaces these with nonces only; 'self' keeps the GOV.UK stylesheet and script.
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.SECURE_COOKIES ? [] : null,
        },
      },
      hsts: config.SECURE_COOKIES ? { maxAge: 31536000, includeSubDomains: true } : false,
    });
    await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
    // Fields arrive in the body before the CSRF check, so upload forms work without JavaScript.
    // Files are kept with their names (importers recognise .docx by it); the size limit is above the
    // importers' own, so an oversized file gets their specific message rather than a bare 413.
    await app.register(fastifyMultipart, {
      attachFieldsToBody: true,
      limits: { fileSize: 20 * 1024 * 1024, files: 10, fields: 50 },
    });
    await app.register(fastifySecureSession, {
      key: sessionKey ?? loadSessionKey(config),
      cookieName: 'wesaid-session',
      expiry: config.SESSION_LIFETIME_HOURS * 60 * 60,
      cookie: {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.SECURE_COOKIES,
        maxAge: config.SESSION_LIFETIME_HOURS * 60 * 60,
      },
    });
    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/secure-session',
      // A stale or forged form is answered 403 and logged at info, as other refusals are (issue 14).
      logLevel: 'info',
      // A form field is a string, or { value } when the form was sent as multipart.
      getToken: (request) => {
        const field = (request.body as Record<string, unknown> | undefined)?._csrf;
        const value =
          typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : field;
        return typeof value === 'string' ? value : String(request.headers['x-csrf-token'] ?? '');
      },
    });
  },
  { name: 'security' },
);

/**
 * The key that encrypts session cookies. In production it comes from SESSION_SECRET (the same on
 * every instance); elsewhere a random key is kept in the data folder so restarts keep people signed in.
 */
export function loadSessionKey(config: Pick<Config, 'SESSION_SECRET' | 'DATA_DIR'>): Buffer {
  if (config.SESSION_SECRET) return createHash('sha256').update(config.SESSION_SECRET).digest();
  const file = path.join(config.DATA_DIR, 'session.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(config.DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
