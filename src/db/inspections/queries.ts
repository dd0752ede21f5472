import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { DbOrTx } from '../changes.ts';
import { liveArea, liveCommitment, livePriority } from '../plan/queries.ts';
import { commitments, improvementAreas, plans, priorities } from '../plan/schema.ts';
import { inspectionFindings, inspectionJudgements, inspections } from './schema.ts';
import {
  focusAreasOf,
  frameworkByCode,
  matchesFocus,
  type FocusArea,
  inspectionKey,
  needsAnswer,
} from '../../domain/inspections/index.ts';

/* Reads of the inspection record. Every lookup by id joins to the inspection's council. */

export type Inspection = typeof inspections.$inferSelect;
export type Judgement = typeof inspectionJudgements.$inferSelect;
export type Finding = typeof inspectionFindings.$inferSelect;

export interface AnswerArea {
  id: number;
  title: string;
  priorityId: number;
  priorityNumber: number;
  planId: number;
  planTitle: string;
}

export interface AnswerCommitment {
  id: number;
  text: string;
  status: string;
  improvementAreaId: number | null;
  priorityId: number;
  priorityNumber: number;
  planId: number;
  planTitle: string;
}

/** A finding with what answers it now: the linked areas and commitments in use, and every commitment counted. */
export interface FindingRow extends Finding {
  areas: AnswerArea[];
  commitments: AnswerCommitment[];
  /**
   * The commitments that answer it: those linked to it and those in an improvement area linked to
   * it, each once, archived ones left out. A finding that calls for an answer and has none is unanswered.
   */
  answeringCommitmentIds: number[];
}

export interface InspectionRow extends Inspection {
  judgements: Judgement[];
  findings: FindingRow[];
}

/** The council's improvement areas and commitments in use, in plan and priority order: what may answer a finding. */
export async function answerOptions(
  db: Db,
  organisationId: number,
): Promise<{ areas: AnswerArea[]; commitments: AnswerCommitment[] }> {
  return answersWhere(db, organisationId, {});
}

/**
 * The areas and commitments that findings link to (and the commitments in those areas): what a
 * list of findings needs to say what answers each. Read by the findings' links, not the council's
 * whole plan: the plan overview lists unanswered findings, and reading every commitment the council
 * has for it was most of a 50-priority overview's time (issue 13).
 */
async function linkedAnswers(db: Db, organisationId: number, findings: Finding[]) {
  const areaIds = [...new Set(findings.flatMap((f) => f.improvementAreaIds))];
  const commitmentIds = [...new Set(findings.flatMap((f) => f.commitmentIds))];
  if (areaIds.length === 0 && commitmentIds.length === 0) return { areas: [], commitments: [] };
  return answersWhere(db, organisationId, { areaIds, commitmentIds });
}

/** Areas and commitments in use in the council's plans; with ids, only those (and the commitments in those areas). */
async function answersWhere(
  db: Db,
  organisationId: number,
  only: { areaIds?: number[]; commitmentIds?: number[] },
): Promise<{ areas: AnswerArea[]; commitments: AnswerCommitment[] }> {
  const limited = only.areaIds !== undefined;
  const areaIds = only.areaIds ?? [];
  const commitmentIds = only.commitmentIds ?? [];
  const areaFilter = limited ? inArray(improvementAreas.id, areaIds) : undefined;
  const commitmentFilter = limited
    ? or(inArray(commitments.id, commitmentIds), inArray(commitments.improvementAreaId, areaIds))
    : undefined;
  const [areaRows, commitmentRows] = await Promise.all([
    db
      .select({
        id: improvementAreas.id,
        title: improvementAreas.title,
        priorityId: priorities.id,
        priorityNumber: priorities.number,
        planId: plans.id,
        planTitle: plans.title,
      })
      .from(improvementAreas)
      .innerJoin(priorities, eq(priorities.id, improvementAreas.priorityId))
      .innerJoin(plans, eq(plans.id, priorities.planId))
      .where(and(eq(plans.organisationId, organisationId), liveArea(), areaFilter))
      .orderBy(
        asc(plans.id),
        asc(priorities.number),
        asc(improvementAreas.position),
        asc(improvementAreas.id),
      ),
    db
      .select({
        id: commitments.id,
        text: commitments.text,
        status: commitments.status,
        improvementAreaId: commitments.improvementAreaId,
        priorityId: priorities.id,
        priorityNumber: priorities.number,
        planId: plans.id,
        planTitle: plans.title,
      })
      .from(commitments)
      .innerJoin(priorities, eq(priorities.id, commitments.priorityId))
      .innerJoin(plans, eq(plans.id, priorities.planId))
      .where(and(eq(plans.organisationId, organisationId), liveCommitment(), commitmentFilter))
      .orderBy(asc(plans.id), asc(priorities.number), asc(commitments.position), asc(commitments.id)),
  ]);
  return { areas: areaRows, commitments: commitmentRows };
}

function withAnswers(findings: Finding[], options: Awaited<ReturnType<typeof answerOptions>>): FindingRow[] {
  return findings.map((f) => {
    const areas = options.areas.filter((a) => f.improvementAreaIds.includes(a.id));
    const linked = options.commitments.filter((c) => f.commitmentIds.includes(c.id));
    const inAreas = options.commitments.filter(
      (c) => c.improvementAreaId !== null && f.improvementAreaIds.includes(c.improvementAreaId),
    );
    const answering = [...new Set([...linked, ...inAreas].map((c) => c.id))];
    return { ...f, areas, commitments: linked, answeringCommitmentIds: answering };
  });
}

async function findingsOf(db: Db, organisationId: number, inspectionIds: number[]): Promise<FindingRow[]> {
  if (inspectionIds.length === 0) return [];
  const rows = await db
    .select()
    .from(inspectionFindings)
    .where(inArray(inspectionFindings.inspectionId, inspectionIds))
    .orderBy(asc(inspectionFindings.number), asc(inspectionFindings.id));
  return withAnswers(rows, await linkedAnswers(db, organisationId, rows));
}

/** The council's inspections and visits, latest first, each with its judgements and findings. */
export async function listInspections(db: Db, organisationId: number): Promise<InspectionRow[]> {
  const rows = await db
    .select()
    .from(inspections)
    .where(eq(inspections.organisationId, organisationId))
    .orderBy(desc(inspections.startDate), desc(inspections.id));
  const ids = rows.map((r) => r.id);
  const [judgements, findings] = await Promise.all([
    ids.length === 0
      ? []
      : db.select().from(inspectionJudgements).where(inArray(inspectionJudgements.inspectionId, ids)),
    findingsOf(db, organisationId, ids),
  ]);
  return rows.map((r) => ({
    ...r,
    judgements: sortJudgements(
      r.frameworkVersion,
      judgements.filter((j) => j.inspectionId === r.id),
    ),
    findings: findings.filter((f) => f.inspectionId === r.id),
  }));
}

/** In the order the framework lists its areas, so every page reads the report's order. */
export function sortJudgements(frameworkCode: string, rows: Judgement[]): Judgement[] {
  const order = (frameworkByCode(frameworkCode)?.areas ?? []).map((a) => a.code);
  const at = (area: string) => (order.includes(area) ? order.indexOf(area) : order.length);
  return [...rows].sort((a, b) => at(a.area) - at(b.area) || a.id - b.id);
}

export async function getInspection(
  db: Db,
  organisationId: number,
  inspectionId: number,
): Promise<InspectionRow | null> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, inspectionId), eq(inspections.organisationId, organisationId)));
  if (!row) return null;
  const [judgements, findings] = await Promise.all([
    db.select().from(inspectionJudgements).where(eq(inspectionJudgements.inspectionId, row.id)),
    findingsOf(db, organisationId, [row.id]),
  ]);
  return { ...row, judgements: sortJudgements(row.frameworkVersion, judgements), findings };
}

export async function getJudgement(
  db: Db,
  organisationId: number,
  judgementId: number,
): Promise<{ judgement: Judgement; inspection: Inspection } | null> {
  const [row] = await db
    .select({ judgement: inspectionJudgements, inspection: inspections })
    .from(inspectionJudgements)
    .innerJoin(inspections, eq(inspections.id, inspectionJudgements.inspectionId))
    .where(and(eq(inspectionJudgements.id, judgementId), eq(inspections.organisationId, organisationId)));
  return row ?? null;
}

export async function getFinding(
  db: Db,
  organisationId: number,
  findingId: number,
): Promise<{ finding: Finding; inspection: Inspection } | null> {
  const [row] = await db
    .select({ finding: inspectionFindings, inspection: inspections })
    .from(inspectionFindings)
    .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
    .where(and(eq(inspectionFindings.id, findingId), eq(inspections.organisationId, organisationId)));
  return row ?? null;
}

export interface UnansweredFinding extends FindingRow {
  inspection: Inspection;
}

/** Findings that call for an answer (all but strengths) and that no commitment in use answers. */
export async function unansweredFindings(db: Db, organisationId: number): Promise<UnansweredFinding[]> {
  const all = await listInspections(db, organisationId);
  return all.flatMap(({ findings, judgements: _judgements, ...inspection }) =>
    findings
      .filter((f) => needsAnswer(f.kind) && f.answeringCommitmentIds.length === 0)
      .map((f) => ({ ...f, inspection })),
  );
}

/** The council's priorities in use, to link a visit's focus to (with their plan's title). */
export async function priorityOptions(db: Db, organisationId: number) {
  return db
    .select({ id: priorities.id, number: priorities.number, title: priorities.title, planTitle: plans.title })
    .from(priorities)
    .innerJoin(plans, eq(plans.id, priorities.planId))
    .where(and(eq(plans.organisationId, organisationId), livePriority()))
    .orderBy(asc(plans.id), asc(priorities.number));
}

export interface VisitEvidence {
  /** The focus areas the visit's focus names, by which the plan's words were matched. */
  focusAreas: FocusArea[];
  priorities: { id: number; number: number; title: string }[];
  commitments: AnswerCommitment[];
}

/**
 * What the plan holds for a visit's focus: the commitments under the priorities linked to the
 * visit, and those whose words match its focus. (Its measures and highlight reports are gathered
 * by the page from theirs, by the same priorities and focus.)
 */
export async function visitEvidence(
  db: Db,
  organisationId: number,
  inspection: Inspection,
): Promise<VisitEvidence> {
  const areas = focusAreasOf(inspection.focus);
  const [options, priorityRows] = await Promise.all([
    answerOptions(db, organisationId),
    priorityOptions(db, organisationId),
  ]);
  const linked = new Set(inspection.priorityIds);
  return {
    focusAreas: areas,
    priorities: priorityRows.filter((p) => linked.has(p.id)),
    commitments: options.commitments.filter((c) => linked.has(c.priorityId) || matchesFocus(areas, c.text)),
  };
}

/** Inspections already recorded, by kind and start date, so a file loaded again adds none twice. */
export async function recordedInspectionKeys(db: DbOrTx, organisationId: number): Promise<Set<string>> {
  const rows = await db
    .select({ kind: inspections.kind, startDate: inspections.startDate })
    .from(inspections)
    .where(eq(inspections.organisationId, organisationId));
  return new Set(rows.map((r) => inspectionKey(r.kind, r.startDate)));
}
