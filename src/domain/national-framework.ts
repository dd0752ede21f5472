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
