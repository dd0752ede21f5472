/*
 * A quarter's audits against its programme: how many were done of those planned, the share good or
 * better against the trajectory target, and the share inadequate against the council's ceiling.
 */
import { isGoodOrBetter, type CaseAuditGrade } from './grades.ts';

export interface QuarterSummary {
  planned: number | null;
  audits: number;
  goodOrBetter: number;
  /** null when nothing was audited: 0 of 0 is not 0%. */
  percentGoodOrBetter: number | null;
  /** The share good or better the quarter aims at; null with no explicit target and no earlier share. */
  target: number | null;
  /** Whether the target is the programme's own or the rise on the previous quarter. */
  targetSource: 'programme' | 'trajectory' | null;
  metTarget: boolean | null;
  inadequate: number;
  percentInadequate: number | null;
  inadequateCeiling: number;
  overCeiling: boolean | null;
}

/** Percentages to one decimal place, as the board reads them. */
export const roundPercent = (n: number) => Math.round(n * 10) / 10;

const share = (part: number, whole: number) => (whole === 0 ? null : roundPercent((part / whole) * 100));

/**
 * The target for a quarter: the programme's own when it set one, otherwise the previous quarter's
 * share raised by the council's rise (20%: × 1.2), never above 100.
 */
export function targetFor(
  explicit: number | null,
  previousPercent: number | null,
  rise: number,
): { target: number | null; source: QuarterSummary['targetSource'] } {
  if (explicit !== null) return { target: explicit, source: 'programme' };
  if (previousPercent === null) return { target: null, source: null };
  return { target: Math.min(100, roundPercent(previousPercent * (1 + rise / 100))), source: 'trajectory' };
}

export function summariseQuarter(input: {
  grades: readonly CaseAuditGrade[];
  planned: number | null;
  explicitTarget: number | null;
  previousPercent: number | null;
  rise: number;
  inadequateCeiling: number;
}): QuarterSummary {
  const audits = input.grades.length;
  const goodOrBetter = input.grades.filter(isGoodOrBetter).length;
  const inadequate = input.grades.filter((g) => g === 'inadequate').length;
  const percentGoodOrBetter = share(goodOrBetter, audits);
  const percentInadequate = share(inadequate, audits);
  const { target, source } = targetFor(input.explicitTarget, input.previousPercent, input.rise);
  return {
    planned: input.planned,
    audits,
    goodOrBetter,
    percentGoodOrBetter,
    target,
    targetSource: source,
    metTarget: target === null || percentGoodOrBetter === null ? null : percentGoodOrBetter >= target,
    inadequate,
    percentInadequate,
    inadequateCeiling: input.inadequateCeiling,
    overCeiling: percentInadequate === null ? null : percentInadequate > input.inadequateCeiling,
  };
}
