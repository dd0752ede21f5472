import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadRagScale } from '../../db/board/queries.ts';
import { listUsers } from '../../db/people/queries.ts';
import { listMeasureRows } from '../../db/measures/queries.ts';
import {
  getBudgetLine,
  getMilestone,
  getProject,
  projectPriorityChoices,
  type ProjectContext,
} from '../../db/projects/queries.ts';
import { ragTitle } from '../../domain/rag-scale.ts';
import type { PolicyResource } from '../../domain/policies.ts';
import { requireUser } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import type { ProjectFormContext } from './forms.ts';

/* Each record by the id in the URL, within the signed-in person's council; another council's is not found. */

export const projectResource = (): PolicyResource => ({ type: 'project' });

export async function loadProject(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  id: unknown,
): Promise<ProjectContext> {
  const user = requireUser(request, reply);
  const ctx = await getProject(app.db, user.organisationId, parseId(id, 'Project'));
  if (!ctx) throw new NotFoundError('Project');
  return ctx;
}

export async function loadMilestone(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  id: unknown,
) {
  const user = requireUser(request, reply);
  const ctx = await getMilestone(app.db, user.organisationId, parseId(id, 'Milestone'));
  if (!ctx) throw new NotFoundError('Milestone');
  return ctx;
}

export async function loadBudgetLine(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  id: unknown,
) {
  const user = requireUser(request, reply);
  const ctx = await getBudgetLine(app.db, user.organisationId, parseId(id, 'Budget line'));
  if (!ctx) throw new NotFoundError('Budget line');
  return ctx;
}

/** What the project form offers: the plan's priorities, the council's measures, people and RAG scale. */
export async function projectFormContext(
  app: FastifyInstance,
  organisationId: number,
  planId: number,
): Promise<ProjectFormContext> {
  const [priorities, measures, people, scale] = await Promise.all([
    projectPriorityChoices(app.db, planId),
    listMeasureRows(app.db, organisationId),
    listUsers(app.db, organisationId),
    loadRagScale(app.db, organisationId),
  ]);
  return {
    priorities,
    measures: measures.map((m) => ({ id: m.id, name: m.name })).sort((a, b) => a.name.localeCompare(b.name)),
    leads: people.map((p) => ({ id: p.id, name: p.name })),
    scale: scale.map((s) => ({ code: s.code, label: ragTitle(s) })),
  };
}
