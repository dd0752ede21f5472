import { insertRecord, systemActor } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { commitments, improvementAreas, outcomes, plans, priorities } from '../db/schema.ts';

/**
 * A small structured plan from Tameside's 2024 highlight report, for a demo start until every seed
 * document is imported at first start.
 */
const demo = [
  {
    number: 1,
    title: 'Quality of Practice',
    ambition: 'Children and young people receive a consistently good service: We have an environment where outstanding practice flourishes.',
    areas: [
      {
        title: 'The consistency in applying thresholds and interventions for children',
        commitments: [
          { text: 'Replace the TNAP with the Graded Care Profile, supported by four champions.', owner: 'Head of Service, MASH', dueOn: '2024-09-30', status: 'in-progress' as const, outcomes: [] },
          {
            text: 'Revise the MASH contact and enquiry form.',
            owner: 'MASH Team Manager',
            dueOn: '2024-07-31',
            status: 'done' as const,
            outcomes: [{ text: 'The MASH contact and enquiry form has been revised and went live in LCS on 29 July.', achievedOn: '2024-07-29' }],
          },
        ],
      },
      { title: 'The response to 16- and 17-year-old children who are homeless', commitments: [] },
    ],
  },
  {
    number: 2,
    title: 'Working in Partnership',
    ambition: 'The views, experiences and engagement with children and young people, their parents and our partners drive us to achieve success, together',
    areas: [
      {
        title: 'The engagement and participation of children and young people in their assessments, planning and service delivery.',
        commitments: [{ text: 'Publish the Participation strategy after a final online consultation.', owner: 'Participation Officer', dueOn: '2024-08-31', status: 'in-progress' as const, outcomes: [] }],
      },
    ],
  },
  {
    number: 3,
    title: 'Achieving Permanence',
    ambition: 'We have the right resources in the right place to meet the needs of the children and families we work with.',
    areas: [{ title: 'The sufficiency of placements to meet the needs of children', commitments: [] }],
  },
  {
    number: 4,
    title: 'Leadership and Workforce',
    ambition: 'We lead well, inspiring and supporting staff to be the best that we can be.',
    areas: [{ title: 'The recruitment and retention of staff and support for newly qualified social workers', commitments: [] }],
  },
];

export async function loadInterimPlan(db: Db, organisationId: number, sponsorUserId: number | null): Promise<void> {
  const actor = systemActor('Demo data');
  await db.transaction(async (tx) => {
    const plan = await insertRecord(tx, plans, 'plan', organisationId, { organisationId, title: "Children's Improvement Programme", period: '2024 to 2026', status: 'adopted', adoptedOn: '2024-03-01' }, actor, 'import');
    for (const p of demo) {
      const priority = await insertRecord(tx, priorities, 'priority', organisationId, { planId: plan.id, number: p.number, title: p.title, ambition: p.ambition, sponsorUserId, sponsorName: 'Alison Montgomery' }, actor, 'import');
      for (const [i, a] of p.areas.entries()) {
        const area = await insertRecord(tx, improvementAreas, 'improvement-area', organisationId, { priorityId: priority.id, title: a.title, position: i }, actor, 'import');
        for (const [j, c] of a.commitments.entries()) {
          const commitment = await insertRecord(tx, commitments, 'commitment', organisationId, { priorityId: priority.id, improvementAreaId: area.id, text: c.text, owner: c.owner, dueOn: c.dueOn, status: c.status, position: j }, actor, 'import');
          for (const [k, o] of c.outcomes.entries()) {
            await insertRecord(tx, outcomes, 'outcome', organisationId, { commitmentId: commitment.id, text: o.text, achievedOn: o.achievedOn, position: k }, actor, 'import');
          }
        }
      }
    }
  });
}
