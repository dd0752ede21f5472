import type { Db } from '../client.ts';
import { insertRecord, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import { riskScore, type RiskSettings, type RiskStatus } from '../../domain/risks/scoring.ts';
import type { Risk, RiskSettingsRow } from './queries.ts';
import { riskSettings, risks } from './schema.ts';

/* Every change to the risk register, each with its change-history row in the same transaction. */

export type { Actor, SaveResult } from '../changes.ts';

export interface RiskInput {
  title: string;
  priorityIds: number[];
  cause: string;
  effect: string;
  controls: string;
  ownerUserId: number | null;
  ownerName: string;
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
  reviewedOn: string;
  nextReviewOn: string | null;
  status: RiskStatus;
}

export async function createRisk(
  db: Db,
  plan: { id: number; organisationId: number },
  input: RiskInput,
  actor: Actor,
): Promise<Risk> {
  return insertRecord(db, risks, 'risk', plan.organisationId, { ...input, planId: plan.id }, actor);
}

/**
 * Saves an edit at the version the person loaded. A new review date is a new review: the residual
 * score as it stood is kept as the previous review's, so the direction of travel compares with it.
 * Scores corrected without a new review date leave that comparison where it was.
 */
export async function updateRisk(
  db: Db,
  ctx: { plan: { organisationId: number }; risk: Risk },
  expectedVersion: number,
  input: RiskInput,
  actor: Actor,
): Promise<SaveResult<Risk>> {
  const { risk } = ctx;
  const reviewed = input.reviewedOn !== risk.reviewedOn;
  return updateRecord(
    db,
    risks,
    'risk',
    ctx.plan.organisationId,
    risk.id,
    expectedVersion,
    {
      ...input,
      ...(reviewed ? { previousResidualScore: riskScore(risk.residualLikelihood, risk.residualImpact) } : {}),
    },
    actor,
  );
}

/** The council's first change to its scale creates its settings row; later ones are versioned edits. */
export async function saveRiskSettings(
  db: Db,
  organisationId: number,
  current: RiskSettingsRow | null,
  expectedVersion: number,
  input: RiskSettings,
  actor: Actor,
): Promise<SaveResult<RiskSettingsRow>> {
  if (!current) {
    const record = await insertRecord(
      db,
      riskSettings,
      'risk-settings',
      organisationId,
      { ...input, organisationId },
      actor,
    );
    return { ok: true, record };
  }
  return updateRecord(
    db,
    riskSettings,
    'risk-settings',
    organisationId,
    current.id,
    expectedVersion,
    input,
    actor,
  );
}
