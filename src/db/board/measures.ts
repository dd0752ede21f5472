import { measuresForPriority, type PriorityMeasure } from '../measures/queries.ts';

/*
 * The scorecard's measures of a priority (src/db/measure-queries.ts, linked to priorities there),
 * as the board cycle uses them: in the report, the evidence check and the pack.
 */

export type { PriorityMeasure };
export { measuresForPriority };
