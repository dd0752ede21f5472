/*
 * The demo's case audits: quarter 2 of 2024/25 (July to September), twelve audits of the themes the
 * highlight reports name, mixed grades with one inadequate and its finding. Recording them gives the
 * scorecard its "Case audits good or better" figure for the quarter, against the board's target.
 */
import { systemActor } from '../domain/changes.ts';
import type { CaseAuditGrade } from '../domain/case-audits/grades.ts';
import type { Db } from '../db/client.ts';
import { createCaseAudit, saveProgramme } from '../db/case-audits/commands.ts';
import type { Plan } from '../db/plan/queries.ts';

const actor = systemActor('Demo data');
const quarter = '2024-25-q2';

const themes = [
  'Application of thresholds',
  'Children accommodated under section 20',
  'Voice of the child',
  'Separated migrant children',
];
const auditors = [
  'Independent auditor (improvement partner)',
  'Practice Improvement Manager',
  'Head of Quality Assurance',
];

/** Reference, theme (index), grade, moderated, learning, day audited. */
const audits: [string, number, CaseAuditGrade, boolean, string, string][] = [
  [
    'CA-2425-201',
    0,
    'good',
    true,
    'Threshold applied well; the reasons for the decision are recorded.',
    '2024-07-04',
  ],
  [
    'CA-2425-202',
    0,
    'requires-improvement',
    false,
    'Referral lacked the partner agency’s view; follow up with the school.',
    '2024-07-09',
  ],
  [
    'CA-2425-203',
    1,
    'good',
    false,
    'Consent under section 20 reviewed and recorded with the parent.',
    '2024-07-16',
  ],
  [
    'CA-2425-204',
    1,
    'inadequate',
    true,
    'Placement drifted without a review of the legal basis.',
    '2024-07-23',
  ],
  [
    'CA-2425-205',
    2,
    'outstanding',
    true,
    'The child’s own words run through the plan and the review.',
    '2024-07-30',
  ],
  ['CA-2425-206', 2, 'good', false, 'Direct work recorded; the child’s wishes are clear.', '2024-08-06'],
  [
    'CA-2425-207',
    2,
    'requires-improvement',
    false,
    'Visits on time, but the child’s view is not recorded after each one.',
    '2024-08-13',
  ],
  ['CA-2425-208', 3, 'good', true, 'Documents held on file; the age assessment is recorded.', '2024-08-20'],
  [
    'CA-2425-209',
    3,
    'requires-improvement',
    false,
    'Immigration status documents missing from the file.',
    '2024-08-29',
  ],
  [
    'CA-2425-210',
    0,
    'good',
    false,
    'Strategy discussion held promptly with the police and health.',
    '2024-09-05',
  ],
  [
    'CA-2425-211',
    1,
    'requires-improvement',
    false,
    'Plan not updated after the review; actions lack dates.',
    '2024-09-12',
  ],
  [
    'CA-2425-212',
    2,
    'good',
    true,
    'Advocacy offered and taken up; the child chaired part of the meeting.',
    '2024-09-19',
  ],
];

export async function loadDemoCaseAudits(db: Db, plan: Plan): Promise<void> {
  const saved = await saveProgramme(
    db,
    plan,
    quarter,
    null,
    1,
    {
      themes,
      plannedCount: 12,
      auditors,
      moderationNote: 'One in three moderated by the independent auditor from the improvement partner.',
      // Quarter 1 had half its audits good or better; the board asked for a rise of 20% a quarter.
      targetPercent: 60,
    },
    actor,
  );
  if (!saved.ok) throw new Error('The demo’s audit programme could not be saved');
  for (const [i, [caseReference, theme, grade, moderated, learning, auditedOn]] of audits.entries()) {
    const finding =
      grade === 'inadequate'
        ? {
            description: 'Review the legal basis of the placement and hold a permanence planning meeting',
            ownerName: 'Service Manager, Children in Care',
            dueOn: '2024-10-31',
          }
        : null;
    await createCaseAudit(
      db,
      plan,
      quarter,
      {
        caseReference,
        theme: themes[theme]!,
        grade,
        auditor: auditors[i % auditors.length]!,
        moderated,
        learning,
        auditedOn,
      },
      finding,
      actor,
    );
  }
}
