/*
 * Rate limits as fixed windows of the app's clock: a window of 15 minutes starting at 9:00 holds every
 * hit from 9:00 to 9:14:59, and a new window starts empty. A window is worked out from the instant
 * alone, so every instance agrees on it without talking to the others; the counts live in the
 * database (src/db/limits/).
 */

export interface Limit {
  /** What is limited and by what, the start of every key: 'sign-in:account'. */
  name: string;
  /** Hits allowed in one window. */
  max: number;
  windowMinutes: number;
}

export interface Window {
  start: Date;
  end: Date;
}

export function windowAt(instant: Date, windowMinutes: number): Window {
  const length = windowMinutes * 60_000;
  const start = Math.floor(instant.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
}

/** Whole seconds until a time, at least 1: what a Retry-After header says. */
export function secondsUntil(end: Date, now: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
}

/** An e-mail address as a key: case and surrounding spaces do not make another account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
