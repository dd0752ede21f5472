import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasFlash } from './flash.ts';

/*
 * Signed-in pages kept whole, rendered once per council data version and person. The reads were
 * already kept (kept-reads.ts); what each answer still cost was rendering the page and finding the
 * record it names, several times the session's own cost. A kept view's handler runs once for each
 * person, address and data version, and every answer after that is the kept page with its own CSRF
 * token and nonces put in (views.ts `sendKept`).
 */

/** What a kept view's handler answers: the template and its data. */
export interface View {
  template: string;
  data: Record<string, unknown>;
}

export const view = (template: string, data: Record<string, unknown>): View => ({ template, data });

/**
 * A GET route handler whose page is kept. The handler must depend on nothing but the signed-in
 * person, the address (path and query), the date and what the council's data version covers, and
 * must not set headers: it runs for the first request, and others are answered with its page. A
 * handler that throws (not found, not allowed) keeps nothing, so the next request asks again.
 */
export function keptView<Request extends FastifyRequest>(
  handler: (request: Request, reply: FastifyReply) => Promise<View>,
) {
  return async (request: Request, reply: FastifyReply) => {
    const user = request.user;
    // A waiting banner is shown once, so that answer is the person's own; so is one without a session.
    if (!user || request.dataVersion === null || hasFlash(request)) {
      const { template, data } = await handler(request, reply);
      return reply.page(template, data);
    }
    const today = request.server.clock.today();
    const key = `view ${user.id} ${user.role} ${user.name} ${today} ${request.url}`;
    const kept = await request.server.keptReads.get(request, key, async () => {
      const { template, data } = await handler(request, reply);
      return reply.renderKept(template, data);
    });
    return reply.sendKept(kept);
  };
}

/**
 * A GET API handler whose JSON is kept, serialised once by the route's response schema, on the same
 * terms as `keptView` (the same person, address, date and data version; headers are not kept).
 */
export function keptJson<Request extends FastifyRequest>(
  handler: (request: Request, reply: FastifyReply) => Promise<unknown>,
) {
  return async (request: Request, reply: FastifyReply) => {
    const user = request.user;
    if (!user || request.dataVersion === null) return handler(request, reply);
    const key = `json ${user.id} ${user.role} ${request.server.clock.today()} ${request.url}`;
    const body = await request.server.keptReads.get(request, key, async () =>
      reply.serialize(await handler(request, reply)),
    );
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
