/*
 * What a person's home page shows: which sections their role and place on a board call for, and
 * when a dated thing (a commitment, an action, a risk's review) needs attention. Pure: the caller
 * reads the records and the date from the clock.
 */
import type { Role } from './roles.ts';

/** "Due soon" means due within this many days of today, today included. */
export const dueSoonDays = 14;

export type DueState = 'overdue' | 'due-soon' | 'later' | 'no-date';

/** The ISO date `days` after `isoDate` (UTC arithmetic on a calendar date, so no clock is read). */
export function addDays(isoDate: string, days: number): string {
  const at = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an ISO date: ${isoDate}`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The last day that still counts as "due soon" on `today`. */
export const dueSoonUntil = (today: string): string => addDays(today, dueSoonDays);

/** Past its date is overdue; due today or within `dueSoonDays` is due soon. */
export function dueState(dueOn: string | null, today: string): DueState {
  if (!dueOn) return 'no-date';
  if (dueOn < today) return 'overdue';
  return dueOn <= dueSoonUntil(today) ? 'due-soon' : 'later';
}

/** Overdue or due soon: what a home page lists. */
export const needsAttention = (dueOn: string | null, today: string): boolean => {
  const state = dueState(dueOn, today);
  return state === 'overdue' || state === 'due-soon';
};

export const homeSections = [
  'reports-owed',
  'commitments-due',
  'reports-awaiting-approval',
  'overdue-commitments',
  'stale-figures',
  'risks-for-review',
  'meeting-readiness',
  'meeting-papers',
  'own-actions',
  'plans',
] as const;
export type HomeSection = (typeof homeSections)[number];

/** What the person is, beyond their role: a board lists them as a member, or they own open actions. */
export interface HomeFacts {
  readonly sitsOnABoard: boolean;
  readonly ownsOpenActions: boolean;
}

const byRole: Record<Role, readonly HomeSection[]> = {
  sponsor: ['reports-owed', 'commitments-due', 'own-actions'],
  'programme-manager': [
    'reports-awaiting-approval',
    'overdue-commitments',
    'stale-figures',
    'risks-for-review',
    'meeting-readiness',
  ],
  // An administrator runs the programme with the programme office, so sees what it sees.
  administrator: [
    'reports-awaiting-approval',
    'overdue-commitments',
    'stale-figures',
    'risks-for-review',
    'meeting-readiness',
  ],
  'board-member': ['meeting-papers', 'own-actions'],
  viewer: ['meeting-papers'],
};

/**
 * The sections of a person's home page, in the order they are shown. A sponsor who sits on the
 * board also sees the next meeting's papers; anyone who owns an open action sees their actions; and
 * everyone sees the plans, which is where the service starts otherwise.
 */
export function sectionsFor(role: Role, facts: HomeFacts): HomeSection[] {
  const wanted = new Set<HomeSection>(byRole[role]);
  if (facts.sitsOnABoard && !wanted.has('meeting-readiness')) wanted.add('meeting-papers');
  if (facts.ownsOpenActions) wanted.add('own-actions');
  wanted.add('plans');
  return homeSections.filter((section) => wanted.has(section));
}
