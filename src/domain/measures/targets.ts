/*
 * Which target is in force for a period. Boards reset targets and set trajectories ("+20% a
 * quarter"), so a figure must be judged against the target that applied to its own period, not
 * today's.
 */
import { MeasureDataError } from './errors.ts';
import { lastMonthOrdinal, periodOrdinal } from './period.ts';
import type { Measure, Period, TargetStep, TrajectoryTarget } from './types.ts';

const MONTHS_PER_STEP: Record<TrajectoryTarget['every'], number> = { month: 1, quarter: 3, year: 12 };

function isTrajectory(step: TargetStep): step is TrajectoryTarget {
  return 'baseline' in step;
}

function trajectoryAt(measure: Measure, rule: TrajectoryTarget, period: Period): number {
  const { frequency, yearEnding } = measure;
  const elapsed =
    lastMonthOrdinal(period, frequency, yearEnding) - lastMonthOrdinal(rule.from, frequency, yearEnding);
  const steps = Math.floor(elapsed / MONTHS_PER_STEP[rule.every]);
  let target: number;
  if (rule.changeKind === 'absolute') target = rule.baseline + steps * rule.change;
  else if (rule.compound) target = rule.baseline * (1 + rule.change / 100) ** steps;
  else target = rule.baseline * (1 + (steps * rule.change) / 100);

  if (rule.limit !== undefined) {
    target = rule.change >= 0 ? Math.min(target, rule.limit) : Math.max(target, rule.limit);
  }
  // A trajectory cannot promise more than 100% or fewer than none.
  if (measure.unit === 'percentage') target = Math.min(target, 100);
  return Math.max(target, 0);
}

/** The target for `period`, or null when none applies. */
export function targetFor(measure: Measure, period: Period): number | null {
  const at = periodOrdinal(period, measure.frequency);
  let inForce: TargetStep | undefined;
  let inForceAt = -Infinity;
  const starts = new Set<number>();
  for (const step of measure.targets ?? []) {
    const from = periodOrdinal(step.from, measure.frequency);
    if (starts.has(from)) throw new MeasureDataError(`${measure.name}: two targets from ${step.from}`);
    starts.add(from);
    if (from <= at && from > inForceAt) {
      inForce = step;
      inForceAt = from;
    }
  }
  if (inForce === undefined) return measure.target ?? null;
  const target = isTrajectory(inForce) ? trajectoryAt(measure, inForce, period) : inForce.target;
  if (!Number.isFinite(target))
    throw new MeasureDataError(`${measure.name}: target for ${period} is not a number`);
  return target;
}
