/*
 * The kinds of inspection and visit a council's children's services have, what each carries
 * (graded judgements, a declared focus), and what an inspection finds. Pure vocabulary.
 */

export const inspectionKinds = [
  'ilacs-standard',
  'ilacs-short',
  'sif-inspection',
  'monitoring-visit',
  'focused-visit',
  'jtai',
  'annual-engagement-meeting',
] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const inspectionKindNames: Record<InspectionKind, string> = {
  'ilacs-standard': 'ILACS standard inspection',
  'ilacs-short': 'ILACS short inspection',
  'sif-inspection': 'Single inspection (SIF)',
  'monitoring-visit': 'Monitoring visit',
  'focused-visit': 'Focused visit',
  jtai: 'Joint targeted area inspection (JTAI)',
  'annual-engagement-meeting': 'Annual engagement meeting',
};

/** Full inspections give graded judgements; visits do not. */
export const gradedKinds: readonly InspectionKind[] = ['ilacs-standard', 'ilacs-short', 'sif-inspection'];
/** Visits each have a declared focus (a JTAI its theme), and their evidence is gathered by it. */
export const focusedKinds: readonly InspectionKind[] = ['monitoring-visit', 'focused-visit', 'jtai'];

export const isGraded = (kind: InspectionKind) => gradedKinds.includes(kind);
export const hasFocus = (kind: InspectionKind) => focusedKinds.includes(kind);

export function isInspectionKind(value: unknown): value is InspectionKind {
  return typeof value === 'string' && (inspectionKinds as readonly string[]).includes(value);
}

/**
 * What an inspection or visit records besides its grades. Recommendations, priority actions and
 * areas for improvement call for an answer in the plan; strengths and what the inspectors found
 * (a letter's paragraphs, imported as written) do not.
 */
export const findingKinds = [
  'recommendation',
  'priority-action',
  'area-for-improvement',
  'strength',
  'finding',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export const findingKindNames: Record<FindingKind, string> = {
  recommendation: 'Recommendation',
  'priority-action': 'Area for priority action',
  'area-for-improvement': 'Area for improvement',
  strength: 'Strength',
  finding: 'What the inspectors found',
};

export const needsAnswer = (kind: FindingKind) => kind !== 'strength' && kind !== 'finding';
