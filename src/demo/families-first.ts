/*
 * A second governed programme beside the improvement plan: the Families First Partnership, as
 * DOMAIN.md describes it and no further. Its expectations are the duties DOMAIN.md names (family
 * group decision-making before proceedings, multi-agency child protection teams, education as a
 * safeguarding partner), marked required because they are duties; the one recommended expectation
 * is the arrangement DOMAIN.md describes (a second programme governed beside the plan, sharing its
 * measures), which no duty requires. None is marked met, no grant amount is given and no progress
 * is invented.
 *
 * It shares one measure with the improvement plan: cared for children seen within timescales. The
 * improvement plan holds it to seed 001's target of 90%; the programme's 95% is the demo's own,
 * there to show two plans holding one figure to different targets, and says so in its note.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { createPlan, createPriority } from '../db/plan/commands.ts';
import type { Plan } from '../db/plan/queries.ts';
import { findMeasureByName } from '../db/measures/queries.ts';
import { linkMeasureToPriority, savePlanTarget } from '../db/measures/commands.ts';
import { createExpectation, type ExpectationInput } from '../db/programmes/commands.ts';
import { setMeetingPlans } from '../db/board/commands.ts';
import { findMeetingsOn } from '../db/board/queries.ts';
import { nextMeetingOn } from './board-demo.ts';

const actor = systemActor('Demo data');

export const familiesFirstTitle = 'Families First Partnership';
export const sharedDemoMeasure = 'Cared for children seen within timescales';

const reference = 'Children’s Wellbeing and Schools Act 2026';

export const familiesFirstExpectations: Omit<ExpectationInput, 'commitmentId' | 'measureId'>[] = [
  {
    text: 'Offer family group decision-making before proceedings',
    strength: 'required',
    reference,
    status: 'not-started',
    evidence: '',
  },
  {
    text: 'Set up multi-agency child protection teams',
    strength: 'required',
    reference,
    status: 'not-started',
    evidence: '',
  },
  {
    text: 'Bring education in as a safeguarding partner',
    strength: 'required',
    reference,
    status: 'not-started',
    evidence: '',
  },
  {
    text: 'Govern the programme beside the improvement plan, sharing its measures',
    strength: 'recommended',
    reference: '',
    status: 'not-started',
    evidence: '',
  },
];

export async function addFamiliesFirst(db: Db, organisationId: number, improvementPlan: Plan): Promise<Plan> {
  const programme = await createPlan(
    db,
    organisationId,
    { title: familiesFirstTitle, period: '', status: 'draft', kind: 'reform-programme', adoptedOn: null },
    actor,
  );
  const priority = await createPriority(
    db,
    programme,
    {
      number: 1,
      title: 'Family help and child protection',
      ambition: '',
      impactForChildren: '',
      whatWeWillDo: '',
    },
    actor,
  );
  for (const e of familiesFirstExpectations)
    await createExpectation(db, programme, { ...e, commitmentId: null, measureId: null }, actor);

  const measure = await findMeasureByName(db, organisationId, sharedDemoMeasure);
  if (!measure) throw new Error(`The demo has no measure called ${sharedDemoMeasure}`);
  await linkMeasureToPriority(db, organisationId, measure.id, priority.id, actor);
  const target = (planId: number, value: number, note: string) =>
    savePlanTarget(
      db,
      { organisationId, measureId: measure.id, planId, current: null },
      1,
      { target: value, targetDate: null, period: '', note },
      actor,
    );
  await target(improvementPlan.id, 90, 'The target seed 001 states.');
  await target(
    programme.id,
    95,
    'The demo’s own figure, to show a second plan holding the measure to its own target.',
  );
  // The Improvement Board governs the programme too: its next pack has a part for each plan. The
  // cycle is already open, so no report is asked for on the programme's priority.
  for (const { meeting } of await findMeetingsOn(db, organisationId, nextMeetingOn))
    await setMeetingPlans(db, organisationId, meeting.id, meeting.version, [programme.id], actor);
  return programme;
}
