/**
 * Time is a dependency: every rule that depends on "now" is given a clock rather than reading the
 * machine's. The real clock is made once, in `src/clock.ts`; tests and demos set one.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in England, as an ISO date (2024-10-01). */
  today(): string;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The ISO date in England of an instant: 23:30 UTC on 31 March is already 1 April in summer. */
export function dateInEngland(instant: Date): string {
  return londonDate.format(instant);
}

/** A date as a Date at noon UTC, the instant the scorecard's month rules compare against. */
export function noonOf(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export const isoDatePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A clock that starts at 9am on the given date and then runs with the time it is given, so a
 * fixed day still has passing seconds (rate limits, form tokens, session ages keep working).
 */
export function clockFrom(isoDate: string, elapsedMs: () => number): Clock {
  if (!isoDatePattern.test(isoDate)) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const start = new Date(`${isoDate}T09:00:00Z`).getTime();
  const now = () => new Date(start + elapsedMs());
  return { now, today: () => dateInEngland(now()) };
}

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(instant: Date): void;
}

export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    today: () => dateInEngland(new Date(current)),
    advance: (ms) => {
      current += ms;
    },
    set: (instant) => {
      current = instant.getTime();
    },
  };
}
