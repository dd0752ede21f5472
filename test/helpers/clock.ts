import { clockFor } from '../../src/clock.ts';
import type { Clock } from '../../src/domain/clock.ts';

/**
 * The date the suite runs at: 1 October 2024 unless WESAID_TODAY says otherwise. The suite is run
 * at more than one date, so a test that depends on the date sets its own.
 */
export const suiteDate = process.env.WESAID_TODAY || '2024-10-01';

/** A clock set to `date` (the suite's date by default) that runs on from 9am that day. */
export function testClock(date: string = suiteDate): Clock {
  return clockFor({ WESAID_TODAY: date });
}
