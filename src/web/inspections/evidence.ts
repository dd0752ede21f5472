import type { FastifyInstance } from 'fastify';
import { reportsForPriorities } from '../../db/board/queries.ts';
import { visitEvidence, type Inspection } from '../../db/inspections/queries.ts';
import { listMeasureRows, priorityIdsByMeasure } from '../../db/measures/queries.ts';
import { matchesFocus } from '../../domain/inspections/index.ts';

/**
 * A visit's evidence for its focus, from the plan, the scorecard and the board: the commitments
 * under its linked priorities or in its focus's words; the measures linked to those priorities or
 * named in its focus's words; the highlight reports of the priorities either brings in.
 */
export async function gatherEvidence(app: FastifyInstance, organisationId: number, inspection: Inspection) {
  const plan = await visitEvidence(app.db, organisationId, inspection);
  const measureRows = await listMeasureRows(app.db, organisationId);
  const links = await priorityIdsByMeasure(
    app.db,
    measureRows.map((m) => m.id),
  );
  const linked = new Set(inspection.priorityIds);
  const measures = measureRows
    .filter(
      (m) => (links.get(m.id) ?? []).some((p) => linked.has(p)) || matchesFocus(plan.focusAreas, m.name),
    )
    .map((m) => ({ id: m.id, name: m.name }));
  const priorityIds = [...new Set([...linked, ...plan.commitments.map((c) => c.priorityId)])];
  const reports = (await reportsForPriorities(app.db, organisationId, priorityIds)).slice(0, 12);
  return {
    focusAreas: plan.focusAreas.map((a) => a.name),
    priorities: plan.priorities,
    commitments: plan.commitments,
    measures,
    reports,
  };
}
