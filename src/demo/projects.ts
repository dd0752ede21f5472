/*
 * The money and projects the seed documents state, and nothing more:
 *
 * - The July 2021 Scrutiny Panel presentation's improvement framework: seven sustainability
 *   projects (phase one), four investable propositions (phase two) and a one million pound
 *   investment overseen by the Improvement Board. The demo holds no 2021 plan, so they sit under
 *   the 2022/23 plan, the nearest it has. The presentation names no lead, RAG status, milestone,
 *   funding source, year or split of the million by project, so none is invented: the million is
 *   one line for the whole plan, its source and year left as not stated.
 * - The Executive Cabinet report of 22 March 2017: £6 million recurrent from 1 April 2017 (the
 *   2017/18 Council budget) and £6 million non-recurrent over the medium term, under the 2017 plan.
 *   The report gives no split by quarter, so no spend is recorded against either line.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { createBudgetLine, createProject, type ProjectInput } from '../db/projects/commands.ts';
import { listPlans } from '../db/plan/queries.ts';
import { plan2017Title, plan2022Title } from './earlier-plans.ts';

const actor = systemActor('Demo data');

const phaseOne = 'Phase one: sustainability project';
const phaseTwo = 'Phase two: investable proposition';

/** In the presentation's order and words. */
export const demoSustainabilityProjects = [
  'Early Help & Prevention At A Neighbourhood Level',
  'Family Intervention Service',
  'Team Around The Setting',
  'Duty / Locality Restructure',
  'Positive Futures (Respite / Assessment)',
  'Fostering Service Improvement',
  'Placements Review & Sufficiency',
] as const;

export const demoInvestablePropositions = [
  'Delivery of a Rapid Improvement Plan',
  'Social work and Personal Advisor capacity',
  'Enhanced Commissioning, Brokerage and Monitoring function',
  'Enhanced Quality and Performance capacity',
] as const;

const project = (
  title: string,
  kind: ProjectInput['kind'],
  phase: string,
  purpose: string,
): ProjectInput => ({
  title,
  kind,
  phase,
  purpose,
  leadUserId: null,
  leadName: '',
  priorityIds: [],
  measureIds: [],
  rag: null,
  ragReason: '',
});

export async function addDemoProjects(db: Db, organisationId: number): Promise<void> {
  const plans = await listPlans(db, organisationId);
  const plan2022 = plans.find((p) => p.title === plan2022Title);
  const plan2017 = plans.find((p) => p.title === plan2017Title);
  if (!plan2022 || !plan2017) throw new Error('The demo’s earlier plans were not imported');

  for (const title of demoSustainabilityProjects)
    await createProject(
      db,
      plan2022,
      project(title, 'project', phaseOne, 'System wide from Early Help to Leaving Care.'),
      actor,
    );
  for (const title of demoInvestablePropositions)
    await createProject(
      db,
      plan2022,
      project(title, 'proposition', phaseTwo, 'To move forward Faster and Further.'),
      actor,
    );
  await createBudgetLine(
    db,
    plan2022,
    {
      projectId: null,
      fundingSource: 'Not stated',
      recurrence: 'non-recurrent',
      financialYear: '',
      plannedPence: 1_000_000_00,
      description:
        'The One Million Pound Investment in the improvement framework, overseen by the Improvement Board (Scrutiny Panel presentation, July 2021). The presentation gives no source, year or split by project; entered as one-off because it does not say it recurs.',
    },
    actor,
  );

  await createBudgetLine(
    db,
    plan2017,
    {
      projectId: null,
      fundingSource: 'Council budget (2017/2018 Council Budget Report)',
      recurrence: 'recurrent',
      financialYear: '2017-18',
      plannedPence: 6_000_000_00,
      description:
        'Recurrent budget provision within the service budget from 1 April 2017, to cope with the additional demands on service provision (Executive Cabinet, 22 March 2017).',
    },
    actor,
  );
  await createBudgetLine(
    db,
    plan2017,
    {
      projectId: null,
      fundingSource: 'Council budget (2017/2018 Council Budget Report)',
      recurrence: 'non-recurrent',
      financialYear: '',
      plannedPence: 6_000_000_00,
      description:
        'Non-recurrent sum within the service budget over the medium term, to facilitate service improvement initiatives (Executive Cabinet, 22 March 2017). The report expects demand to decline and asks that expenditure be reduced over the medium to longer term.',
    },
    actor,
  );
}
