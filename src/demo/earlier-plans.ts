/*
 * The council's earlier plans, kept as the record they are: the November 2017 reset ("Successful
 * Families") and the 2022/23 plan its "We said, We did" update reported on. Both are closed, so a
 * newcomer sees at once which plan is current. The 2017 document sets its headings in capitals;
 * the titles here are written as a person would write them.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { updatePlan, updatePriority } from '../db/plan/commands.ts';
import { listPlans, listPriorities } from '../db/plan/queries.ts';

const actor = systemActor('Demo data');

export const plan2017Title = 'Successful Families: improvement plan 2017';
export const plan2022Title = 'Tameside Improvement Plan 2022/23';

/** "IMPROVING SAFEGUARDING PRACTICE" as "Improving safeguarding practice"; other text as it is. */
export function sentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export async function closeEarlierPlans(db: Db, organisationId: number): Promise<void> {
  for (const plan of await listPlans(db, organisationId)) {
    const title =
      plan.title === 'SUCCESSFUL FAMILIES'
        ? plan2017Title
        : plan.title === plan2022Title
          ? plan2022Title
          : null;
    if (!title) continue;
    const { adoptedOn, period } = plan;
    await updatePlan(db, plan, plan.version, { title, period, status: 'closed', adoptedOn }, actor);
    for (const priority of await listPriorities(db, plan.id)) {
      const written = sentenceCase(priority.title);
      if (written === priority.title) continue;
      await updatePriority(
        db,
        { plan, priority },
        priority.version,
        {
          number: priority.number,
          title: written,
          ambition: priority.ambition,
          impactForChildren: priority.impactForChildren,
          whatWeWillDo: priority.whatWeWillDo,
        },
        actor,
      );
    }
  }
}
