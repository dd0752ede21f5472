import type { FastifyRequest } from 'fastify';

/*
 * What the log says of each request. A password reset link holds its secret in the path, so the
 * path is logged without it: a log reader must not be able to set someone's password. The identity
 * provider's answer carries a one-time code and the state in its query, logged without them too.
 */

export function redactUrl(url: string): string {
  return url
    .replace(/^\/account\/reset\/[^/?#]+/, '/account/reset/[redacted]')
    .replace(/^(\/sign-in\/oidc\/callback)\?.*$/, '$1?[redacted]');
}

export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
