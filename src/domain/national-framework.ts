/*
 * The Children's Social Care National Framework (statutory guidance): four outcomes and three
 * enablers. DfE's dashboard files each indicator under one of them, and recent Ofsted
 * recommendations name the one they relate to. The codes are what the API and the data carry.
 */

export const frameworkOutcomes = [
  'stay-together',
  'family-network',
  'safe',
  'stable-homes',
  'workforce',
  'leaders',
  'multi-agency',
] as const;
export type FrameworkOutcome = (typeof frameworkOutcomes)[number];

export const frameworkOutcomeKinds: Record<FrameworkOutcome, 'outcome' | 'enabler'> = {
  'stay-together': 'outcome',
  'family-network': 'outcome',
  safe: 'outcome',
  'stable-homes': 'outcome',
  workforce: 'enabler',
  leaders: 'enabler',
  'multi-agency': 'enabler',
};

export const frameworkOutcomeNames: Record<FrameworkOutcome, string> = {
  'stay-together': 'Children, young people and families stay together and get the help they need',
  'family-network': 'Children and young people are supported by their family network',
  safe: 'Children and young people are safe in and outside of their homes',
  'stable-homes': 'Children in care and care leavers have stable, loving homes',
  workforce: 'The workforce is equipped and effective',
  leaders: 'Leaders drive conditions for effective practice',
  'multi-agency': 'Agencies work together',
};

export function isFrameworkOutcome(value: unknown): value is FrameworkOutcome {
  return typeof value === 'string' && (frameworkOutcomes as readonly string[]).includes(value);
}

/** "Outcome: Children … homes" or "Enabler: Agencies work together", as DfE's dashboard heads them. */
export function frameworkOutcomeLabel(code: FrameworkOutcome): string {
  return `${frameworkOutcomeKinds[code] === 'outcome' ? 'Outcome' : 'Enabler'}: ${frameworkOutcomeNames[code]}`;
}

/** A record's tag: one outcome or enabler, or none. */
export type FrameworkTag = FrameworkOutcome | null;

/**
 * The outcome a commitment is read under: its own tag, else its improvement area's, else its
 * priority's. A programme office tags a priority once and its commitments follow, and a commitment
 * that serves another outcome says so itself. Untagged all the way up: none.
 */
export function inheritedOutcome(
  own: FrameworkTag | undefined,
  area: FrameworkTag | undefined,
  priority: FrameworkTag | undefined,
): FrameworkTag {
  return own ?? area ?? priority ?? null;
}

/** `?outcome=safe` as a filter; anything else (missing, unknown) means all. */
export function readOutcomeFilter(value: unknown): FrameworkOutcome | undefined {
  return isFrameworkOutcome(value) ? value : undefined;
}

/**
 * Records grouped under each outcome and enabler in the framework's order, then those with none;
 * groups with nothing in them are left out.
 */
export function groupByOutcome<T>(
  items: readonly T[],
  outcomeOf: (item: T) => FrameworkTag,
): { outcome: FrameworkTag; items: T[] }[] {
  const order: FrameworkTag[] = [...frameworkOutcomes, null];
  return order
    .map((outcome) => ({ outcome, items: items.filter((i) => outcomeOf(i) === outcome) }))
    .filter((g) => g.items.length > 0);
}

/** The inherited tag with where it came from, for a page to say "(its priority's)". */
export function outcomeAndSource(
  own: FrameworkTag | undefined,
  area: FrameworkTag | undefined,
  priority: FrameworkTag | undefined,
): { tag: FrameworkTag; from: 'own' | 'area' | 'priority' | null } {
  if (own) return { tag: own, from: 'own' };
  if (area) return { tag: area, from: 'area' };
  if (priority) return { tag: priority, from: 'priority' };
  return { tag: null, from: null };
}
