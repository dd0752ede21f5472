import type { FastifyRequest } from 'fastify';

/*
 * The success banner shown once on the page a change redirects to: set here before the redirect,
 * read and cleared by `reply.page` (views.ts), carried between the two in the session cookie.
 */

declare module '@fastify/secure-session' {
  interface SessionData {
    flash: string;
  }
}

/** Says, on the next page this person sees, that what they did was done. */
export function flash(request: FastifyRequest, message: string): void {
  request.session.set('flash', message);
}

/** The message waiting to be shown, if any; it is shown once. */
export function takeFlash(request: FastifyRequest): string | undefined {
  // Token requests (the API) carry no session cookie, and the public site reads no session.
  const message = request.session?.get('flash');
  if (message === undefined) return undefined;
  request.session.set('flash', undefined);
  return message;
}

/** Whether a message is waiting, without taking it. */
export function hasFlash(request: FastifyRequest): boolean {
  return request.session?.get('flash') !== undefined;
}
