import { performance } from 'node:perf_hooks';
import type { Config } from './config.ts';
import { clockFrom, dateInEngland, type Clock } from './domain/clock.ts';

/*
 * The only place that reads the machine's time. Everything else is given a `Clock`, so a test or
 * a demo can set the date (`WESAID_TODAY`) and every page, paper and reminder agrees on it.
 */

export const systemClock: Clock = {
  now: () => new Date(),

  today: () => dateInEngland(new Date()),
};

/** The real clock, or one set to `WESAID_TODAY` that runs on from 9am that day. */
export function clockFor(config: Pick<Config, 'WESAID_TODAY'>): Clock {
  if (!config.WESAID_TODAY) return systemClock;
  const started = performance.now();
  return clockFrom(config.WESAID_TODAY, () => performance.now() - started);
}

/** A clock for measuring intervals (how long a kept page stays fresh): never goes back, no date. */
export const monotonicMs = (): number => performance.now();
