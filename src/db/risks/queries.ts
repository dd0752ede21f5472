import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../people/schema.ts';
import { plans, priorities } from '../plan/schema.ts';
import { riskSettings, risks } from './schema.ts';
import {
  defaultRiskSettings,
  isAboveThreshold,
  rateRisk,
  riskDirection,
  type RiskDirection,
  type RiskRating,
  type RiskSettings,
} from '../../domain/risks/scoring.ts';

/* Reads of the risk register. Every lookup by id joins to the plan's council. */

export type Risk = typeof risks.$inferSelect;
export type RiskSettingsRow = typeof riskSettings.$inferSelect;

/** A risk with its owner's name and what the council's scale makes of its scores. */
export interface RiskRow extends Risk {
  ownerDisplayName: string;
  inherent: RiskRating;
  residual: RiskRating;
  direction: RiskDirection;
  aboveThreshold: boolean;
}

export interface LinkedPriority {
  id: number;
  number: number;
  title: string;
  sponsorUserId: number | null;
}

/** The council's scale and threshold, with the stored row (to edit) when it changed the defaults. */
export async function getRiskSettings(
  db: Db,
  organisationId: number,
): Promise<{ settings: RiskSettings; row: RiskSettingsRow | null }> {
  const [row] = await db.select().from(riskSettings).where(eq(riskSettings.organisationId, organisationId));
  if (!row) return { settings: defaultRiskSettings, row: null };
  const { scaleSize, mediumFrom, highFrom, veryHighFrom, threshold } = row;
  return { settings: { scaleSize, mediumFrom, highFrom, veryHighFrom, threshold }, row };
}

const ownerDisplayName = sql<string>`coalesce(${users.name}, ${risks.ownerName})`;

export function rated(risk: Risk & { ownerDisplayName: string }, settings: RiskSettings): RiskRow {
  const residual = rateRisk(risk.residualLikelihood, risk.residualImpact, settings);
  return {
    ...risk,
    inherent: rateRisk(risk.inherentLikelihood, risk.inherentImpact, settings),
    residual,
    direction: riskDirection(risk.previousResidualScore, residual.score),
    aboveThreshold: risk.status === 'open' && isAboveThreshold(residual.score, settings),
  };
}

/** The council's risks, or one plan's, highest residual score first. */
export async function listRisks(
  db: Db,
  organisationId: number,
  options: { planId?: number } = {},
): Promise<RiskRow[]> {
  const { settings } = await getRiskSettings(db, organisationId);
  const rows = await db
    .select({ risk: risks, ownerDisplayName })
    .from(risks)
    .innerJoin(plans, eq(plans.id, risks.planId))
    .leftJoin(users, eq(users.id, risks.ownerUserId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        options.planId === undefined ? undefined : eq(risks.planId, options.planId),
      ),
    )
    .orderBy(asc(risks.id));
  return rows
    .map((r) => rated({ ...r.risk, ownerDisplayName: r.ownerDisplayName }, settings))
    .sort((a, b) => b.residual.score - a.residual.score || a.id - b.id);
}

/** Open risks of a plan at or above the council's threshold: what the board and the plan overview show. */
export async function risksAboveThreshold(db: Db, organisationId: number, planId: number) {
  return (await listRisks(db, organisationId, { planId })).filter((r) => r.aboveThreshold);
}

/** The plan's priorities a risk may be linked to (archived ones included, so an old link still reads). */
export async function prioritiesOf(
  db: Db,
  planId: number,
  ids?: readonly number[],
): Promise<LinkedPriority[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select({
      id: priorities.id,
      number: priorities.number,
      title: priorities.title,
      sponsorUserId: priorities.sponsorUserId,
    })
    .from(priorities)
    .where(and(eq(priorities.planId, planId), ids ? inArray(priorities.id, [...ids]) : undefined))
    .orderBy(asc(priorities.number));
}

export interface RiskContext {
  risk: RiskRow;
  plan: typeof plans.$inferSelect;
  priorities: LinkedPriority[];
  /** Sponsors of the priorities the risk is linked to: they may edit it. */
  sponsorUserIds: number[];
  settings: RiskSettings;
}

export async function getRisk(db: Db, organisationId: number, riskId: number): Promise<RiskContext | null> {
  const [row] = await db
    .select({ risk: risks, plan: plans, ownerDisplayName })
    .from(risks)
    .innerJoin(plans, eq(plans.id, risks.planId))
    .leftJoin(users, eq(users.id, risks.ownerUserId))
    .where(and(eq(risks.id, riskId), eq(plans.organisationId, organisationId)));
  if (!row) return null;
  const { settings } = await getRiskSettings(db, organisationId);
  const linked = await prioritiesOf(db, row.plan.id, row.risk.priorityIds);
  return {
    risk: rated({ ...row.risk, ownerDisplayName: row.ownerDisplayName }, settings),
    plan: row.plan,
    priorities: linked,
    sponsorUserIds: linked.map((p) => p.sponsorUserId).filter((id): id is number => id !== null),
    settings,
  };
}

/** The council's open risks whose next review falls on or before `through` (late reviews too), soonest first. */
export async function risksDueForReview(db: Db, organisationId: number, through: string): Promise<RiskRow[]> {
  return (await listRisks(db, organisationId))
    .filter((r) => r.status === 'open' && r.nextReviewOn !== null && r.nextReviewOn <= through)
    .sort((a, b) => a.nextReviewOn!.localeCompare(b.nextReviewOn!) || a.id - b.id);
}
