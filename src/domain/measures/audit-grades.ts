/*
 * Case audit grades as a measure: boards track "% good or better" (seed 000: audits graded good or
 * outstanding to rise by 20% each quarter). Grades are Ofsted's four.
 */
import { percentage } from './ratios.ts';
import type { Observation, Period } from './types.ts';

export interface AuditGrades {
  outstanding: number;
  good: number;
  requiresImprovement: number;
  inadequate: number;
}

export type AuditGrade = keyof AuditGrades;

export interface AuditGradeSummary {
  total: number;
  goodOrBetter: number;
  /** null when no audits were graded: 0 of 0 is not 0%. */
  percentGoodOrBetter: number | null;
  /** Each grade's share of the total, in percentage points; null when there were none. */
  shares: Record<AuditGrade, number | null>;
}

const grades: readonly AuditGrade[] = ['outstanding', 'good', 'requiresImprovement', 'inadequate'];

export function summariseAuditGrades(counts: AuditGrades): AuditGradeSummary {
  for (const grade of grades) {
    const n = counts[grade];
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Audit count for ${grade} must be a whole number, 0 or more: ${n}`);
  }
  const total = grades.reduce((sum, grade) => sum + counts[grade], 0);
  const goodOrBetter = counts.outstanding + counts.good;
  const shares = Object.fromEntries(
    grades.map((grade) => [grade, percentage(counts[grade], total)]),
  ) as Record<AuditGrade, number | null>;
  return { total, goodOrBetter, percentGoodOrBetter: percentage(goodOrBetter, total), shares };
}

/** The observation a month's audits give a "% good or better" measure, keeping the cohort. */
export function auditGradeObservation(period: Period, counts: AuditGrades): Observation {
  const summary = summariseAuditGrades(counts);
  return {
    period,
    value: summary.percentGoodOrBetter,
    numerator: summary.goodOrBetter,
    denominator: summary.total,
  };
}
