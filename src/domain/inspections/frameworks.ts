/*
 * Ofsted's frameworks for inspecting councils' children's services, as data: each version's
 * judgement areas and grade scale, and the date it came into force. Judgement areas change with the
 * framework (SIF 2013–2017, ILACS from 2018, care leavers judged apart from 2023, no overall grade
 * from April 2026), so every judgement is stored with its framework and read through this table,
 * never through a fixed list. A renewed framework (planned for 2027) is one more row here.
 */

export const grades = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Grade = (typeof grades)[number];

export const gradeNames: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

export interface JudgementArea {
  code: string;
  name: string;
  /** Whether an inspection under this framework gives it only sometimes (the overall grade from April 2026). */
  optional: boolean;
  /** A sub-judgement, shown under its parent (SIF's adoption and care leavers). */
  parent?: string;
}

export interface FrameworkVersion {
  code: string;
  name: string;
  /** The first day inspections were carried out under it. */
  from: string;
  areas: readonly JudgementArea[];
  grades: readonly Grade[];
}

const area = (code: string, name: string, extra: Partial<JudgementArea> = {}): JudgementArea => ({
  code,
  name,
  optional: false,
  ...extra,
});

const overall = area('overall-effectiveness', 'Overall effectiveness');
const leaders = area(
  'impact-of-leaders',
  'The impact of leaders on social work practice with children and families',
);
const helpAndProtection = area(
  'help-and-protection',
  'The experiences and progress of children who need help and protection',
);

/** Oldest first. The dates are when each version's inspections began. */
export const frameworkVersions: readonly FrameworkVersion[] = [
  {
    code: 'sif',
    name: 'Single inspection framework (SIF)',
    from: '2013-11-01',
    grades,
    areas: [
      overall,
      area('help-and-protection', 'Children who need help and protection'),
      area('looked-after-and-permanence', 'Children looked after and achieving permanence'),
      area('adoption', 'Adoption performance', { parent: 'looked-after-and-permanence' }),
      area('care-leavers', 'Experiences and progress of care leavers', {
        parent: 'looked-after-and-permanence',
      }),
      area('leadership', 'Leadership, management and governance'),
      area('safeguarding-board', 'The Local Safeguarding Children Board', { optional: true }),
    ],
  },
  {
    code: 'ilacs-2018',
    name: 'ILACS (2018)',
    from: '2018-01-01',
    grades,
    areas: [
      overall,
      leaders,
      helpAndProtection,
      area(
        'children-in-care-and-care-leavers',
        'The experiences and progress of children in care and care leavers',
      ),
    ],
  },
  {
    code: 'ilacs-2023',
    name: 'ILACS (2023)',
    from: '2023-01-01',
    grades,
    areas: [
      overall,
      leaders,
      helpAndProtection,
      area('children-in-care', 'The experiences and progress of children in care'),
      area('care-leavers', 'The experiences and progress of care leavers'),
    ],
  },
  {
    code: 'ilacs-2026',
    name: 'ILACS (from April 2026)',
    from: '2026-04-01',
    grades,
    areas: [
      { ...overall, optional: true },
      leaders,
      helpAndProtection,
      area('children-in-care', 'The experiences and progress of children in care'),
      area('care-leavers', 'The experiences and progress of care leavers'),
    ],
  },
];

export const frameworkCodes = frameworkVersions.map((f) => f.code);

export function frameworkByCode(code: string): FrameworkVersion | undefined {
  return frameworkVersions.find((f) => f.code === code);
}

/** The version in force on an ISO date: the latest to have begun by then; none before SIF. */
export function frameworkInForce(isoDate: string): FrameworkVersion | undefined {
  return frameworkVersions.filter((f) => f.from <= isoDate).at(-1);
}

export function areaName(frameworkCode: string, areaCode: string): string {
  return frameworkByCode(frameworkCode)?.areas.find((a) => a.code === areaCode)?.name ?? areaCode;
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (grades as readonly string[]).includes(value);
}
