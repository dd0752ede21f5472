import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RenderQueueFullError } from '../../reports/render-pool.ts';
import { SignInFirstError } from '../auth.ts';
import { HttpError, TooManyRequestsError } from './http-errors.ts';

const titles: Record<number, string> = {
  400: 'There is a problem with the request',
  401: 'Sign in to continue',
  403: 'You do not have permission to see or change this',
  404: 'Page not found',
  409: 'Someone else changed this',
  413: 'The file is too large',
  429: 'Too many attempts',
  500: 'Sorry, there is a problem with the service',
  503: 'Sorry, the service is busy',
};

/**
 * One place that turns errors into answers: a GOV.UK page for people, a JSON problem for the API.
 * The detail goes to the log with the request id; people never see a stack trace.
 */
export const errors = fp(
  (app, _options, done) => {
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) return reply.code(404).send(problem(404, 'Not found'));
      return reply.code(404).page('errors/error.njk', { title: titles[404], status: 404 });
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof SignInFirstError) {
        request.log.info({ status: 302 }, 'sign-in needed');
        return reply.redirect(error.location);
      }
      // Too many documents being made at once: a moment's wait, not a fault.
      if (error instanceof RenderQueueFullError) {
        request.log.warn({ status: 503 }, 'render queue full');
        reply.header('retry-after', String(error.retryAfterSeconds));
        return answer(request, reply, 503, error.message);
      }
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      const status = statusOf(error);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ status, message: error.message }, 'request refused');
      const title = error instanceof HttpError ? error.title : undefined;
      return answer(request, reply, status, status >= 500 ? undefined : publicMessage(error, status), title);
    });
    done();
  },
  { name: 'errors', dependencies: ['views'] },
);

function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string | undefined,
  title?: string,
) {
  if (request.url.startsWith('/api/') || request.viaToken) {
    return reply.code(status).send(problem(status, detail ?? titles[500]!));
  }
  return reply
    .code(status)
    .page('errors/error.njk', { title: title ?? titles[status] ?? titles[500], status, detail });
}

function statusOf(error: FastifyError): number {
  if (error instanceof HttpError) return error.statusCode;
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') return 403;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

function publicMessage(error: FastifyError, status: number): string {
  if (error.code?.startsWith('FST_CSRF')) {
    return 'The form could not be accepted because it was out of date or did not come from this service. Go back, reload the page and try again.';
  }
  if (status === 400 && error.validation) return 'The request was not in the expected form.';
  return error.message;
}

function problem(status: number, detail: string) {
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail };
}
