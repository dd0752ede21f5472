import type { Db } from '../client.ts';
import { measuresForPriority, type PriorityMeasure } from '../measures/queries.ts';

/*
 * The scorecard's measures of a priority (src/db/measure-queries.ts, linked to priorities there),
 * as the board cycle uses them: in the report, the evidence check and the pack.
 */

export type { PriorityMeasure };
export { measuresForPriority };

/**
 * The measures a report shows: the ones its sponsor linked (all of the priority's when none are),
 * and always those off target, so a measure going wrong cannot be kept from the board by not
 * linking it.
 */
export async function reportMeasures(
  db: Db,
  priorityId: number,
  linkedIds: readonly number[],
  today: Date,
): Promise<PriorityMeasure[]> {
  const all = await measuresForPriority(db, priorityId, today);
  if (linkedIds.length === 0) return all;
  return all.filter((m) => linkedIds.includes(m.id) || m.offTarget);
}
