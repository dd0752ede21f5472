import type { Db } from '../client.ts';
import { insertRecord, updateRecord, type Actor, type SaveResult, type Tx } from '../changes.ts';
import {
  needsFinding,
  type CaseAuditGrade,
  type CaseAuditSettings,
  type FindingStatus,
} from '../../domain/case-audits/grades.ts';
import { caseReferenceProblem } from '../../domain/case-audits/reference.ts';
import { feedAllAuditQuarters, feedAuditMeasure } from './measure-feed.ts';
import type {
  CaseAudit,
  CaseAuditContext,
  CaseAuditFinding,
  CaseAuditProgramme,
  CaseAuditSettingsRow,
  FindingContext,
} from './queries.ts';
import { caseAuditFindings, caseAuditProgrammes, caseAudits, caseAuditSettings } from './schema.ts';

/*
 * Every change to case audits, each with its change-history row in the same transaction; a change to
 * a quarter's audits or target also writes the scorecard's figure for that quarter in it.
 */

export type { Actor, SaveResult } from '../changes.ts';
export { auditMeasureName } from './measure-feed.ts';

export interface ProgrammeInput {
  themes: string[];
  plannedCount: number;
  auditors: string[];
  moderationNote: string;
  targetPercent: number | null;
}

export interface CaseAuditInput {
  caseReference: string;
  theme: string;
  grade: CaseAuditGrade;
  auditor: string;
  moderated: boolean;
  learning: string;
  auditedOn: string;
}

export interface FindingInput {
  description: string;
  ownerName: string;
  dueOn: string;
}

/** A reference that could identify the child: the form refuses it first, and the data never holds one. */
export class CaseReferenceRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseReferenceRefusedError';
  }
}

function checkAudit(input: CaseAuditInput, findings: number) {
  const wrong = caseReferenceProblem(input.caseReference);
  if (wrong) throw new CaseReferenceRefusedError(wrong);
  if (needsFinding(input.grade, findings)) throw new FindingRequiredError();
}

/** An inadequate audit saved without any finding: the form asks for one first, so this is a bug. */
export class FindingRequiredError extends Error {
  constructor() {
    super('An inadequate audit needs at least one finding');
    this.name = 'FindingRequiredError';
  }
}

type Plan = { id: number; organisationId: number };

// A transaction is a database for the shared helpers: updateRecord nests as a savepoint.
const asDb = (tx: Tx) => tx as unknown as Db;

export async function saveProgramme(
  db: Db,
  plan: Plan,
  quarter: string,
  current: CaseAuditProgramme | null,
  expectedVersion: number,
  input: ProgrammeInput,
  actor: Actor,
): Promise<SaveResult<CaseAuditProgramme>> {
  return db.transaction(async (tx) => {
    const saved: SaveResult<CaseAuditProgramme> = current
      ? await updateRecord(
          asDb(tx),
          caseAuditProgrammes,
          'case-audit-programme',
          plan.organisationId,
          current.id,
          expectedVersion,
          input,
          actor,
        )
      : {
          ok: true,
          record: await insertRecord(
            tx,
            caseAuditProgrammes,
            'case-audit-programme',
            plan.organisationId,
            { ...input, planId: plan.id, quarter },
            actor,
          ),
        };
    if (saved.ok) await feedAuditMeasure(tx, plan.organisationId, [quarter], actor);
    return saved;
  });
}

export async function createCaseAudit(
  db: Db,
  plan: Plan,
  quarter: string,
  input: CaseAuditInput,
  finding: FindingInput | null,
  actor: Actor,
): Promise<CaseAudit> {
  checkAudit(input, finding ? 1 : 0);
  return db.transaction(async (tx) => {
    const audit = await insertRecord(
      tx,
      caseAudits,
      'case-audit',
      plan.organisationId,
      { ...input, planId: plan.id, quarter },
      actor,
    );
    if (finding)
      await insertRecord(
        tx,
        caseAuditFindings,
        'case-audit-finding',
        plan.organisationId,
        { ...finding, auditId: audit.id },
        actor,
      );
    await feedAuditMeasure(tx, plan.organisationId, [quarter], actor);
    return audit;
  });
}

export async function updateCaseAudit(
  db: Db,
  ctx: CaseAuditContext,
  expectedVersion: number,
  input: CaseAuditInput,
  finding: FindingInput | null,
  actor: Actor,
): Promise<SaveResult<CaseAudit>> {
  checkAudit(input, ctx.findings.length + (finding ? 1 : 0));
  const organisationId = ctx.plan.organisationId;
  return db.transaction(async (tx) => {
    const saved = await updateRecord(
      asDb(tx),
      caseAudits,
      'case-audit',
      organisationId,
      ctx.audit.id,
      expectedVersion,
      input,
      actor,
    );
    if (!saved.ok) return saved;
    if (finding)
      await insertRecord(
        tx,
        caseAuditFindings,
        'case-audit-finding',
        organisationId,
        { ...finding, auditId: ctx.audit.id },
        actor,
      );
    await feedAuditMeasure(tx, organisationId, [ctx.audit.quarter], actor);
    return saved;
  });
}

export async function createFinding(
  db: Db,
  ctx: CaseAuditContext,
  input: FindingInput,
  actor: Actor,
): Promise<CaseAuditFinding> {
  return insertRecord(
    db,
    caseAuditFindings,
    'case-audit-finding',
    ctx.plan.organisationId,
    { ...input, auditId: ctx.audit.id },
    actor,
  );
}

export interface FindingEdit extends FindingInput {
  status: FindingStatus;
  closedOn: string | null;
}

/** Saves a finding at the version loaded; closing one is an edit that sets its status and closed date. */
export async function updateFinding(
  db: Db,
  ctx: FindingContext,
  expectedVersion: number,
  input: Partial<FindingEdit>,
  actor: Actor,
): Promise<SaveResult<CaseAuditFinding>> {
  const closing =
    input.status === undefined
      ? {}
      : { closedOn: input.status === 'closed' ? (input.closedOn ?? null) : null };
  return updateRecord(
    db,
    caseAuditFindings,
    'case-audit-finding',
    ctx.plan.organisationId,
    ctx.finding.id,
    expectedVersion,
    { ...input, ...closing },
    actor,
  );
}

export async function closeFinding(
  db: Db,
  ctx: FindingContext,
  expectedVersion: number,
  closedOn: string,
  actor: Actor,
): Promise<SaveResult<CaseAuditFinding>> {
  return updateFinding(db, ctx, expectedVersion, { status: 'closed', closedOn }, actor);
}

/**
 * The council's first change to its scale creates its settings row; later ones are versioned edits.
 * A new rise moves the trajectory targets, so the scorecard's are written again in the same transaction.
 */
export async function saveCaseAuditSettings(
  db: Db,
  organisationId: number,
  current: CaseAuditSettingsRow | null,
  expectedVersion: number,
  input: CaseAuditSettings,
  actor: Actor,
): Promise<SaveResult<CaseAuditSettingsRow>> {
  return db.transaction(async (tx) => {
    const saved: SaveResult<CaseAuditSettingsRow> = current
      ? await updateRecord(
          asDb(tx),
          caseAuditSettings,
          'case-audit-settings',
          organisationId,
          current.id,
          expectedVersion,
          input,
          actor,
        )
      : {
          ok: true,
          record: await insertRecord(
            tx,
            caseAuditSettings,
            'case-audit-settings',
            organisationId,
            { ...input, organisationId },
            actor,
          ),
        };
    if (saved.ok) await feedAllAuditQuarters(tx, organisationId, actor);
    return saved;
  });
}
