/*
 * The current plan: the 2024 Children's Improvement Programme, as the highlight reports of
 * 10 September 2024 brought it in (four priorities, their improvement areas, the board and its
 * approved reports), given its period and the commitments and outcomes the reports describe.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { createCommitment, createOutcome, updatePlan } from '../db/plan/commands.ts';
import { listAreas, listPlans, listPriorities, type Plan } from '../db/plan/queries.ts';
import { demoCommitments } from './programme-commitments.ts';

const actor = systemActor('Demo data');

export const programmeTitle = "Children's Improvement Programme";

const plain = (text: string) => text.replace(/[’']/g, "'").toLowerCase();

/** The programme as imported, with its period; a demo without it has nothing current to show. */
export async function currentProgramme(db: Db, organisationId: number): Promise<Plan> {
  const plan = (await listPlans(db, organisationId)).find((p) => plain(p.title) === plain(programmeTitle));
  if (!plan) throw new Error('The demo’s highlight report pack did not bring in the programme');
  const saved = await updatePlan(
    db,
    plan,
    plan.version,
    { title: plan.title, period: '2024/25', status: 'adopted', adoptedOn: plan.adoptedOn },
    actor,
  );
  if (!saved.ok) throw new Error('The demo programme could not be saved');
  return saved.record;
}

/**
 * Writes the commitments with their owners and dates, and for each done one its outcome with the
 * highlight report that records it as evidence.
 */
export async function addProgrammeCommitments(
  db: Db,
  plan: Plan,
  evidence: { title: string; url: string },
): Promise<void> {
  for (const priority of await listPriorities(db, plan.id)) {
    const areas = await listAreas(db, priority.id);
    for (const c of demoCommitments.filter((d) => d.priority === priority.number)) {
      const area = areas.find((a) => plain(a.title).startsWith(plain(c.area)));
      if (!area) throw new Error(`The demo has no improvement area “${c.area}” in priority ${c.priority}`);
      const commitment = await createCommitment(
        db,
        { plan, priority },
        { text: c.text, owner: c.owner, dueOn: c.dueOn, status: c.status, improvementAreaId: area.id },
        actor,
      );
      if (c.outcome)
        await createOutcome(db, { plan, commitment }, { ...c.outcome, evidence: [evidence] }, actor);
    }
  }
}
