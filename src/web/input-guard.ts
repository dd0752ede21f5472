import fp from 'fastify-plugin';
import { BadRequestError } from './errors/http-errors.ts';

/*
 * PostgreSQL cannot store a NUL character in text, so a NUL anywhere in a form, query or route
 * parameter used to reach the database and come back as a 500. It is refused here, before any
 * handler, with a 400 that says why. Uploaded files' bytes are not text fields and are not looked at.
 */
export const NUL_REFUSED =
  'The request contains a character that cannot be saved (a NUL byte). Remove it and try again.';

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  // A multipart file part carries its own stream and bytes; only its field name and filename are text.
  if ('file' in value && 'filename' in value) return holdsNul((value as { filename: unknown }).filename);
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1));
}

export const inputGuard = fp(
  (app, _options, done) => {
    app.addHook('preValidation', (request, _reply, next) => {
      // The raw URL too: a NUL encoded in a path segment that no route parses into a parameter.
      if (
        request.url.includes('%00') ||
        holdsNul(request.query) ||
        holdsNul(request.params) ||
        holdsNul(request.body)
      )
        return next(new BadRequestError(NUL_REFUSED));
      next();
    });
    done();
  },
  { name: 'input-guard' },
);
