/*
 * A reform programme's expectations checklist (the Families First Partnership's, for example): what
 * the programme expects of the council, required or recommended, each marked not started, in
 * progress or met with the evidence against it.
 */

export const expectationStrengths = ['required', 'recommended'] as const;
export type ExpectationStrength = (typeof expectationStrengths)[number];

export const expectationStatuses = ['not-started', 'in-progress', 'met'] as const;
export type ExpectationStatus = (typeof expectationStatuses)[number];

export const expectationStrengthNames: Record<ExpectationStrength, string> = {
  required: 'Required',
  recommended: 'Recommended',
};

export const expectationStatusNames: Record<ExpectationStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  met: 'Met',
};

export interface ExpectationCounts {
  required: number;
  requiredMet: number;
  recommended: number;
  recommendedMet: number;
}

/** How many of each strength there are and how many are met: the list's headline and the pack's. */
export function expectationCounts(
  items: readonly { strength: ExpectationStrength; status: ExpectationStatus }[],
): ExpectationCounts {
  const count = (strength: ExpectationStrength, met: boolean) =>
    items.filter((i) => i.strength === strength && (!met || i.status === 'met')).length;
  return {
    required: count('required', false),
    requiredMet: count('required', true),
    recommended: count('recommended', false),
    recommendedMet: count('recommended', true),
  };
}

/** Required first, then recommended, each in the order they were added. */
export function groupExpectations<T extends { strength: ExpectationStrength }>(items: readonly T[]) {
  return expectationStrengths.map((strength) => ({
    strength,
    name: expectationStrengthNames[strength],
    items: items.filter((i) => i.strength === strength),
  }));
}
