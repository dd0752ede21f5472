import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listUsers } from '../../db/people/queries.ts';
import { getRisk, getRiskSettings, prioritiesOf, type RiskContext } from '../../db/risks/queries.ts';
import type { PolicyResource } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import type { RiskFormContext } from './forms.ts';

/** A risk by the id in the URL, within the signed-in person's council; another council's is not found. */
export async function loadRisk(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  id: unknown,
): Promise<RiskContext> {
  const user = requireUser(request, reply);
  const ctx = await getRisk(app.db, user.organisationId, parseId(id, 'Risk'));
  if (!ctx) throw new NotFoundError('Risk');
  return ctx;
}

export const riskResource = (ctx?: { sponsorUserIds: number[] }): PolicyResource => ({
  type: 'risk',
  sponsorUserIds: ctx?.sponsorUserIds ?? [],
});

/** What the risk form offers: the plan's priorities, the council's people, and its scale. */
export async function riskFormContext(
  app: FastifyInstance,
  organisationId: number,
  planId: number,
): Promise<RiskFormContext> {
  const [priorities, people, { settings }] = await Promise.all([
    prioritiesOf(app.db, planId),
    listUsers(app.db, organisationId),
    getRiskSettings(app.db, organisationId),
  ]);
  return { priorities, owners: people.map((p) => ({ id: p.id, name: p.name })), settings };
}
