/*
 * Audit results feed the scorecard: the council's measure "Case audits good or better" (a quarterly
 * percentage, created the first time) gets the quarter's share as its figure and the quarter's
 * target as a target from that quarter. Called inside the transaction that changed the audits, so
 * the scorecard never disagrees with the audits page.
 */
import { and, eq, sql } from 'drizzle-orm';
import { insertRecord, recordChange, type Actor, type Tx } from '../changes.ts';
import { measures, observationRevisions, observations } from '../measures/schema.ts';
import { measurePeriodOf, nextQuarter } from '../../domain/case-audits/quarters.ts';
import { plans } from '../plan/schema.ts';
import { caseAuditProgrammes, caseAudits } from './schema.ts';
import { periodOrdinal } from '../../domain/measures/period.ts';
import type { TargetStep } from '../../domain/measures/types.ts';
import { quarterSummary } from './queries.ts';

export const auditMeasureName = 'Case audits good or better';

async function auditMeasure(tx: Tx, organisationId: number, actor: Actor) {
  const [found] = await tx
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, organisationId),
        sql`lower(${measures.name}) = ${auditMeasureName.toLowerCase()}`,
      ),
    );
  if (found) return found;
  return insertRecord(
    tx,
    measures,
    'measure',
    organisationId,
    {
      organisationId,
      name: auditMeasureName,
      definition:
        'Case audits in the quarter graded good or outstanding, as a share of all case audits graded.',
      numeratorDescription: 'Case audits graded good or outstanding',
      denominatorDescription: 'Case audits graded',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'quarterly',
      sourceSystem: 'Case audits',
      owner: 'Programme office',
      toleranceKind: 'absolute',
      toleranceAmber: 5,
    },
    actor,
  );
}

/**
 * Writes each quarter's figure and target on the measure, across all of the council's plans, and the
 * target of the quarter after it: without a target of its own, that one is this one's share raised.
 */
export async function feedAuditMeasure(
  tx: Tx,
  organisationId: number,
  quarters: readonly string[],
  actor: Actor,
) {
  const all = new Set(quarters.flatMap((q) => [q, nextQuarter(q).key]));
  const ordered = [...all].sort((a, b) => a.localeCompare(b));
  for (const quarter of ordered) await feedQuarter(tx, organisationId, quarter, actor);
}

/** Every quarter the council has audits or a programme in, after its scale (the rise) changed. */
export async function feedAllAuditQuarters(tx: Tx, organisationId: number, actor: Actor) {
  const own = eq(plans.organisationId, organisationId);
  const [audited, programmed] = await Promise.all([
    tx
      .selectDistinct({ quarter: caseAudits.quarter })
      .from(caseAudits)
      .innerJoin(plans, eq(plans.id, caseAudits.planId))
      .where(own),
    tx
      .selectDistinct({ quarter: caseAuditProgrammes.quarter })
      .from(caseAuditProgrammes)
      .innerJoin(plans, eq(plans.id, caseAuditProgrammes.planId))
      .where(own),
  ]);
  await feedAuditMeasure(
    tx,
    organisationId,
    [...audited, ...programmed].map((r) => r.quarter),
    actor,
  );
}

async function feedQuarter(tx: Tx, organisationId: number, quarter: string, actor: Actor) {
  const summary = await quarterSummary(tx, organisationId, undefined, quarter);
  const period = measurePeriodOf(quarter);
  const measure = await auditMeasure(tx, organisationId, actor);

  const others = measure.targets.filter((s) => s.from !== period);
  const targets: TargetStep[] = (
    summary.target === null ? others : [...others, { from: period, target: summary.target }]
  ).sort((a, b) => periodOrdinal(a.from, 'quarterly') - periodOrdinal(b.from, 'quarterly'));
  if (JSON.stringify(targets) !== JSON.stringify(measure.targets)) {
    const [after] = await tx
      .update(measures)
      .set({ targets, version: sql`${measures.version} + 1`, updatedAt: sql`now()` })
      .where(eq(measures.id, measure.id))
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'measure',
      recordId: measure.id,
      action: 'update',
      actor,
      before: measure,
      after: after!,
    });
  }

  const figure = {
    value: summary.percentGoodOrBetter,
    numerator: summary.audits === 0 ? null : summary.goodOrBetter,
    denominator: summary.audits === 0 ? null : summary.audits,
  };
  const [held] = await tx
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.measureId, measure.id),
        eq(observations.period, period),
        eq(observations.area, 'council'),
        eq(observations.areaCode, ''),
      ),
    );
  if (!held) {
    if (summary.audits > 0)
      await tx
        .insert(observations)
        .values({ measureId: measure.id, period, ...figure, note: 'From case audits' });
    return;
  }
  if (
    held.value === figure.value &&
    held.numerator === figure.numerator &&
    held.denominator === figure.denominator
  )
    return;
  // The figure it replaces is kept, as a load keeps a revised one.
  await tx.insert(observationRevisions).values({
    observationId: held.id,
    value: held.value,
    suppression: held.suppression,
    numerator: held.numerator,
    denominator: held.denominator,
    dataLoadId: held.dataLoadId,
  });
  await tx
    .update(observations)
    .set({ ...figure, suppression: null, updatedAt: sql`now()` })
    .where(eq(observations.id, held.id));
}
