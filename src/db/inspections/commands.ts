import type { Db } from '../client.ts';
import {
  insertRecord,
  insertRecords,
  updateRecord,
  type Actor,
  type DbOrTx,
  type SaveResult,
  type Tx,
} from '../changes.ts';
import type { FindingKind, Grade, InspectionKind } from '../../domain/inspections/index.ts';
import type { FrameworkOutcome } from '../../domain/national-framework.ts';
import type { Finding, Inspection, Judgement } from './queries.ts';
import { inspectionFindings, inspectionJudgements, inspections } from './schema.ts';

/* Every change to the inspection record, each with its change-history row in the same transaction. */

export type { Actor, SaveResult } from '../changes.ts';

/** A rule of the record that a change would break, named by the form field it concerns. */
export class InspectionRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface InspectionInput {
  kind: InspectionKind;
  frameworkVersion: string;
  startDate: string;
  endDate: string | null;
  publishedDate: string | null;
  focus: string;
  summary: string;
  link: string;
  priorityIds: number[];
}

export interface JudgementInput {
  area: string;
  grade: Grade;
}

export interface FindingInput {
  kind: FindingKind;
  number: number | null;
  text: string;
  frameworkOutcome: FrameworkOutcome | null;
  improvementAreaIds: number[];
  commitmentIds: number[];
}

const isUniqueViolation = (error: unknown): boolean => {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505';
};

export async function createInspection(
  db: DbOrTx,
  organisationId: number,
  input: InspectionInput & { dataLoadId?: number | null },
  actor: Actor,
  action: 'create' | 'import' = 'create',
): Promise<Inspection> {
  return insertRecord(
    db,
    inspections,
    'inspection',
    organisationId,
    { ...input, organisationId },
    actor,
    action,
  );
}

export async function updateInspection(
  db: Db,
  inspection: Inspection,
  expectedVersion: number,
  input: InspectionInput,
  actor: Actor,
): Promise<SaveResult<Inspection>> {
  return updateRecord(
    db,
    inspections,
    'inspection',
    inspection.organisationId,
    inspection.id,
    expectedVersion,
    input,
    actor,
  );
}

/** One judgement per area: a second for the same area is refused, to be changed instead. */
export async function createJudgement(
  db: DbOrTx,
  inspection: Inspection,
  input: JudgementInput,
  actor: Actor,
  action: 'create' | 'import' = 'create',
): Promise<Judgement> {
  try {
    return await insertRecord(
      db,
      inspectionJudgements,
      'inspection-judgement',
      inspection.organisationId,
      { ...input, inspectionId: inspection.id },
      actor,
      action,
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new InspectionRuleError('area', 'This inspection already has a judgement for that area');
    throw error;
  }
}

export async function updateJudgement(
  db: Db,
  ctx: { inspection: Inspection; judgement: Judgement },
  expectedVersion: number,
  input: JudgementInput,
  actor: Actor,
): Promise<SaveResult<Judgement>> {
  try {
    return await updateRecord(
      db,
      inspectionJudgements,
      'inspection-judgement',
      ctx.inspection.organisationId,
      ctx.judgement.id,
      expectedVersion,
      input,
      actor,
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new InspectionRuleError('area', 'This inspection already has a judgement for that area');
    throw error;
  }
}

export async function createFinding(
  db: DbOrTx,
  inspection: Inspection,
  input: FindingInput,
  actor: Actor,
  action: 'create' | 'import' = 'create',
): Promise<Finding> {
  return insertRecord(
    db,
    inspectionFindings,
    'inspection-finding',
    inspection.organisationId,
    { ...input, inspectionId: inspection.id },
    actor,
    action,
  );
}

/** Saves the finding's words and what answers it (its links are part of the row, so of its history). */
export async function updateFinding(
  db: Db,
  ctx: { inspection: Inspection; finding: Finding },
  expectedVersion: number,
  input: FindingInput,
  actor: Actor,
): Promise<SaveResult<Finding>> {
  return updateRecord(
    db,
    inspectionFindings,
    'inspection-finding',
    ctx.inspection.organisationId,
    ctx.finding.id,
    expectedVersion,
    input,
    actor,
  );
}

/** An inspection read from its letter or report, with what it judged and found: written by an import. */
export interface ImportedInspectionInput {
  inspection: InspectionInput;
  judgements: JudgementInput[];
  findings: FindingInput[];
}

/**
 * Writes an imported inspection, its judgements and its findings in the import's transaction, each
 * with its history row (action "import"); the rows are returned for the import to note their lines.
 */
export async function importInspection(
  tx: Tx,
  organisationId: number,
  input: ImportedInspectionInput,
  actor: Actor,
): Promise<{ inspection: Inspection; judgements: Judgement[]; findings: Finding[] }> {
  const [inspection] = await insertRecords(
    tx,
    inspections,
    'inspection',
    organisationId,
    [{ ...input.inspection, organisationId }],
    actor,
    'import',
  );
  // One judgement per area: the first the document states is kept.
  const areas = new Set<string>();
  const judgements = input.judgements.filter((j) => !areas.has(j.area) && areas.add(j.area));
  const judged = await insertRecords(
    tx,
    inspectionJudgements,
    'inspection-judgement',
    organisationId,
    judgements.map((j) => ({ ...j, inspectionId: inspection!.id })),
    actor,
    'import',
  );
  const found = await insertRecords(
    tx,
    inspectionFindings,
    'inspection-finding',
    organisationId,
    input.findings.map((f) => ({ ...f, inspectionId: inspection!.id })),
    actor,
    'import',
  );
  return { inspection: inspection!, judgements: judged, findings: found };
}
