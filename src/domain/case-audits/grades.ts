/*
 * Case audits: the grades, the council's own scale words, and the shares a quarter is judged by.
 * Grades are Ofsted's four; a council may use its own names for them, a different ceiling for
 * inadequate audits and a different quarterly rise (seed 000: good or outstanding up by 20% a quarter).
 */

export const caseAuditGrades = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type CaseAuditGrade = (typeof caseAuditGrades)[number];

export const findingStatuses = ['open', 'closed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export interface CaseAuditSettings {
  outstandingName: string;
  goodName: string;
  requiresImprovementName: string;
  inadequateName: string;
  /** The share of inadequate audits a quarter should stay at or under, in per cent. */
  inadequateCeiling: number;
  /** The rise in the share good or better the board asks for each quarter, in per cent of the last. */
  quarterlyRise: number;
}

export const defaultCaseAuditSettings: CaseAuditSettings = {
  outstandingName: 'Outstanding',
  goodName: 'Good',
  requiresImprovementName: 'Requires improvement',
  inadequateName: 'Inadequate',
  inadequateCeiling: 10,
  quarterlyRise: 20,
};

/** The council's word for each grade. */
export function gradeNames(settings: CaseAuditSettings): Record<CaseAuditGrade, string> {
  return {
    outstanding: settings.outstandingName,
    good: settings.goodName,
    'requires-improvement': settings.requiresImprovementName,
    inadequate: settings.inadequateName,
  };
}

export const isGoodOrBetter = (grade: CaseAuditGrade) => grade === 'outstanding' || grade === 'good';

/** An inadequate audit is followed by at least one finding, tracked to closure. */
export const needsFinding = (grade: CaseAuditGrade, findings: number) =>
  grade === 'inadequate' && findings === 0;

/** Problems with a scale the council typed, by field, in GOV.UK wording. */
export function settingsProblems(
  s: CaseAuditSettings,
): { field: keyof CaseAuditSettings; message: string }[] {
  const problems: { field: keyof CaseAuditSettings; message: string }[] = [];
  if (s.inadequateCeiling < 0 || s.inadequateCeiling > 100)
    problems.push({ field: 'inadequateCeiling', message: 'Ceiling must be between 0 and 100' });
  if (s.quarterlyRise < 0 || s.quarterlyRise > 100)
    problems.push({ field: 'quarterlyRise', message: 'Rise each quarter must be between 0 and 100' });
  return problems;
}
