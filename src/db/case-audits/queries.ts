import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../changes.ts';
import type { Db } from '../client.ts';
import { plans } from '../plan/schema.ts';
import { defaultCaseAuditSettings, type CaseAuditSettings } from '../../domain/case-audits/grades.ts';
import {
  nextQuarter,
  previousQuarter,
  quarterByKey,
  recentQuarters,
} from '../../domain/case-audits/quarters.ts';
import { summariseQuarter, type QuarterSummary } from '../../domain/case-audits/summary.ts';
import { caseAuditFindings, caseAuditProgrammes, caseAudits, caseAuditSettings } from './schema.ts';

/* Reads of case audits. Every lookup by id joins to the plan's council. */

export type CaseAuditProgramme = typeof caseAuditProgrammes.$inferSelect;
export type CaseAudit = typeof caseAudits.$inferSelect;
export type CaseAuditFinding = typeof caseAuditFindings.$inferSelect;
export type CaseAuditSettingsRow = typeof caseAuditSettings.$inferSelect;
type Plan = typeof plans.$inferSelect;

export async function getCaseAuditSettings(
  db: DbOrTx,
  organisationId: number,
): Promise<{ settings: CaseAuditSettings; row: CaseAuditSettingsRow | null }> {
  const [row] = await db
    .select()
    .from(caseAuditSettings)
    .where(eq(caseAuditSettings.organisationId, organisationId));
  if (!row) return { settings: defaultCaseAuditSettings, row: null };
  const { outstandingName, goodName, requiresImprovementName, inadequateName } = row;
  const { inadequateCeiling, quarterlyRise } = row;
  return {
    settings: {
      outstandingName,
      goodName,
      requiresImprovementName,
      inadequateName,
      inadequateCeiling,
      quarterlyRise,
    },
    row,
  };
}

/** The grades and programmes of one quarter, for one plan or for all of the council's. */
async function quarterFigures(
  db: DbOrTx,
  organisationId: number,
  planId: number | undefined,
  quarter: string,
) {
  const planFilter = and(
    eq(plans.organisationId, organisationId),
    planId === undefined ? undefined : eq(plans.id, planId),
  );
  const [grades, programmes] = await Promise.all([
    db
      .select({ grade: caseAudits.grade })
      .from(caseAudits)
      .innerJoin(plans, eq(plans.id, caseAudits.planId))
      .where(and(planFilter, eq(caseAudits.quarter, quarter))),
    db
      .select({
        plannedCount: caseAuditProgrammes.plannedCount,
        targetPercent: caseAuditProgrammes.targetPercent,
      })
      .from(caseAuditProgrammes)
      .innerJoin(plans, eq(plans.id, caseAuditProgrammes.planId))
      .where(and(planFilter, eq(caseAuditProgrammes.quarter, quarter))),
  ]);
  return { grades: grades.map((g) => g.grade), programmes };
}

/**
 * A quarter's summary. The target is the programme's own, or the previous quarter's share raised by
 * the council's rise; across several plans only a single programme's own target is taken as given.
 */
export async function quarterSummary(
  db: DbOrTx,
  organisationId: number,
  planId: number | undefined,
  quarter: string,
): Promise<QuarterSummary> {
  const [{ settings }, now, before] = await Promise.all([
    getCaseAuditSettings(db, organisationId),
    quarterFigures(db, organisationId, planId, quarter),
    quarterFigures(db, organisationId, planId, previousQuarter(quarter).key),
  ]);
  const previous = summariseQuarter({
    grades: before.grades,
    planned: null,
    explicitTarget: null,
    previousPercent: null,
    rise: settings.quarterlyRise,
    inadequateCeiling: settings.inadequateCeiling,
  });
  return summariseQuarter({
    grades: now.grades,
    planned: now.programmes.length === 0 ? null : now.programmes.reduce((n, p) => n + p.plannedCount, 0),
    explicitTarget: now.programmes.length === 1 ? (now.programmes[0]!.targetPercent ?? null) : null,
    previousPercent: previous.percentGoodOrBetter,
    rise: settings.quarterlyRise,
    inadequateCeiling: settings.inadequateCeiling,
  });
}

/**
 * The quarters a plan's audits page lists: those with a programme or audits, and the last, this and
 * the next (a quarter's audits are often recorded just after it ends).
 */
export async function listQuarterSummaries(db: Db, organisationId: number, planId: number, today: string) {
  const [programmed, audited] = await Promise.all([
    db
      .selectDistinct({ quarter: caseAuditProgrammes.quarter })
      .from(caseAuditProgrammes)
      .where(eq(caseAuditProgrammes.planId, planId)),
    db.selectDistinct({ quarter: caseAudits.quarter }).from(caseAudits).where(eq(caseAudits.planId, planId)),
  ]);
  const current = recentQuarters(today, 1)[0]!;
  const keys = new Set([
    previousQuarter(current.key).key,
    current.key,
    nextQuarter(current.key).key,
    ...programmed.map((p) => p.quarter),
    ...audited.map((a) => a.quarter),
  ]);
  const quarters = [...keys].map((k) => quarterByKey(k)).filter((q) => q !== null);
  quarters.sort((a, b) => b.start.localeCompare(a.start));
  return Promise.all(
    quarters.map(async (quarter) => ({
      quarter,
      summary: await quarterSummary(db, organisationId, planId, quarter.key),
    })),
  );
}

export async function getProgramme(
  db: DbOrTx,
  planId: number,
  quarter: string,
): Promise<CaseAuditProgramme | null> {
  const [row] = await db
    .select()
    .from(caseAuditProgrammes)
    .where(and(eq(caseAuditProgrammes.planId, planId), eq(caseAuditProgrammes.quarter, quarter)));
  return row ?? null;
}

export interface AuditRow extends CaseAudit {
  findings: number;
  openFindings: number;
}

/** A plan's quarter: its programme, its audits (with their findings counted) and the open findings. */
export async function getQuarter(db: Db, organisationId: number, planId: number, quarter: string) {
  const [programme, audits, summary] = await Promise.all([
    getProgramme(db, planId, quarter),
    db
      .select()
      .from(caseAudits)
      .where(and(eq(caseAudits.planId, planId), eq(caseAudits.quarter, quarter)))
      .orderBy(asc(caseAudits.auditedOn), asc(caseAudits.id)),
    quarterSummary(db, organisationId, planId, quarter),
  ]);
  const findings =
    audits.length === 0
      ? []
      : await db
          .select()
          .from(caseAuditFindings)
          .where(
            inArray(
              caseAuditFindings.auditId,
              audits.map((a) => a.id),
            ),
          )
          .orderBy(asc(caseAuditFindings.dueOn), asc(caseAuditFindings.id));
  const rows: AuditRow[] = audits.map((a) => {
    const own = findings.filter((f) => f.auditId === a.id);
    return { ...a, findings: own.length, openFindings: own.filter((f) => f.status === 'open').length };
  });
  const openFindings = findings
    .filter((f) => f.status === 'open')
    .map((f) => ({ ...f, caseReference: audits.find((a) => a.id === f.auditId)!.caseReference }));
  return { programme, audits: rows, openFindings, summary };
}

export interface CaseAuditContext {
  audit: CaseAudit;
  plan: Plan;
  findings: CaseAuditFinding[];
  programme: CaseAuditProgramme | null;
}

export async function getCaseAudit(
  db: Db,
  organisationId: number,
  auditId: number,
): Promise<CaseAuditContext | null> {
  const [row] = await db
    .select({ audit: caseAudits, plan: plans })
    .from(caseAudits)
    .innerJoin(plans, eq(plans.id, caseAudits.planId))
    .where(and(eq(caseAudits.id, auditId), eq(plans.organisationId, organisationId)));
  if (!row) return null;
  const [findings, programme] = await Promise.all([
    db
      .select()
      .from(caseAuditFindings)
      .where(eq(caseAuditFindings.auditId, auditId))
      .orderBy(desc(caseAuditFindings.status), asc(caseAuditFindings.dueOn), asc(caseAuditFindings.id)),
    getProgramme(db, row.plan.id, row.audit.quarter),
  ]);
  return { ...row, findings, programme };
}

export interface FindingContext {
  finding: CaseAuditFinding;
  audit: CaseAudit;
  plan: Plan;
}

export async function getFinding(
  db: Db,
  organisationId: number,
  findingId: number,
): Promise<FindingContext | null> {
  const [row] = await db
    .select({ finding: caseAuditFindings, audit: caseAudits, plan: plans })
    .from(caseAuditFindings)
    .innerJoin(caseAudits, eq(caseAudits.id, caseAuditFindings.auditId))
    .innerJoin(plans, eq(plans.id, caseAudits.planId))
    .where(and(eq(caseAuditFindings.id, findingId), eq(plans.organisationId, organisationId)));
  return row ?? null;
}
