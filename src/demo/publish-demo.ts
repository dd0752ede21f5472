/*
 * The demo's public site: the 2024 programme published for Quarter 2, 2024/25 (the quarter of the
 * 10 September board), and before it the 2022/23 "We said, We did" update as published for
 * Quarter 4, 2022/23 when the year closed, each with an easy-read version of every public text
 * (the council's own document was "Child Friendly Tameside"); the "You said, We did" and family
 * comments published without names, an open consultation and a Cabinet report with the meetings
 * it goes to. A newcomer sees /public at once.
 */
import type { Db } from '../db/client.ts';
import { listMeasureRows } from '../db/measures/queries.ts';
import { listPlans, planContents, type Plan } from '../db/plan/queries.ts';
import {
  addQuestion,
  addRecipient,
  addTheme,
  createCommitteeReport,
  createConsultation,
  approveFeedback,
  moveFeedback,
  publishQuarter,
  savePlainText,
  systemActor,
  updateFeedback,
} from '../db/publishing/commands.ts';
import { listFeedback } from '../db/publishing/queries.ts';
import { noonOf } from '../domain/clock.ts';
import { quarter } from '../domain/publishing/quarters.ts';
import { plan2022Title } from './earlier-plans.ts';
import { demoMeasureNames2024 } from './measures.ts';
import { plainPriorityTitles, plainTexts } from './plain-versions.ts';

export const demoPlanTitle = plan2022Title;

const actor = systemActor('Demo data');

/**
 * Saves the easy-read version of each priority title, "We said" and "We did" of a plan (written in
 * plain-versions.ts for children and young people at a reading age of 11 or under).
 */
async function savePlainVersions(
  db: Db,
  organisationId: number,
  planId: number,
  titles: Record<number, string>,
) {
  const { priorities, commitments, outcomes } = await planContents(db, planId);
  const save = async (
    recordType: 'priority' | 'commitment' | 'outcome',
    record: { id: number; version: number },
    plain: string | undefined,
  ) => {
    if (plain)
      await savePlainText(db, { recordType, id: record.id, organisationId }, plain, record.version, actor);
  };
  for (const priority of priorities) await save('priority', priority, titles[priority.number]);
  for (const commitment of commitments) await save('commitment', commitment, plainTexts.get(commitment.text));
  for (const outcome of outcomes) await save('outcome', outcome, plainTexts.get(outcome.text));
}

export async function publishDemo(
  db: Db,
  organisationId: number,
  programme: Plan,
  todayIso: string,
): Promise<void> {
  const plan = (await listPlans(db, organisationId)).find((p) => p.title === demoPlanTitle);
  if (!plan) return;
  await savePlainVersions(db, organisationId, plan.id, plainPriorityTitles.plan2022);
  await savePlainVersions(db, organisationId, programme.id, plainPriorityTitles.programme);
  // The 2017 plan's "You said / We did" and the 2021 family comments were published by the council
  // without names; the staff quotes name staff, so they stay unpublished.
  // A programme office approves, as they stand, only the items the wording check finds nothing in;
  // the rest wait in draft for a person to approve their public wording.
  for (const item of await listFeedback(db, organisationId)) {
    if (item.kind !== 'you-said-we-did' && item.kind !== 'compliment') continue;
    const saved = await updateFeedback(db, item, item.version, { consent: 'anonymous' }, actor);
    if (!saved.ok || saved.record.status === 'published') continue;
    const approved = await approveFeedback(
      db,
      saved.record,
      saved.record.version,
      { said: saved.record.said, response: saved.record.response },
      new Map(),
      actor,
    );
    if (approved.ok) await moveFeedback(db, item, 'published', approved.record.version, actor);
  }

  const measures = await listMeasureRows(db, organisationId);
  // Published when the year closed, on the day its Cabinet report went: 2024's measures were not yet kept.
  await publishQuarter(db, {
    organisationId,
    planId: plan.id,
    quarter: quarter(2022, 4),
    measureIds: measures.filter((m) => !demoMeasureNames2024.includes(m.name)).map((m) => m.id),
    actor,
    publishedAt: noonOf('2023-04-26'),
  });
  await publishQuarter(db, {
    organisationId,
    planId: programme.id,
    quarter: quarter(2024, 2),
    measureIds: measures.map((m) => m.id),
    actor,
    publishedAt: noonOf(todayIso),
  });

  const closes = new Date(`${todayIso}T12:00:00Z`);
  closes.setUTCDate(closes.getUTCDate() + 60);
  const consultation = await createConsultation(
    db,
    organisationId,
    {
      planId: plan.id,
      title: 'Help us shape our next improvement plan',
      description:
        'We want to hear from children, young people, families, staff and partners about what should come next.',
      closesOn: closes.toISOString().slice(0, 10),
      status: 'open',
    },
    actor,
  );
  const questions = [
    { text: 'What is working well for children and families in Tameside?', required: false },
    { text: 'What should we do better?', required: true },
    { text: 'Is there anything else you want to tell us?', required: false },
  ];
  for (const q of questions) {
    await addQuestion(db, consultation, { hint: '', ...q }, actor);
  }
  // The themes of the 2017 Cabinet report's feedback section.
  for (const name of [
    'Demand and need',
    'Information sharing',
    'Early intervention and prevention',
    'Partnership working',
  ]) {
    await addTheme(db, consultation, { name }, actor);
  }

  const report = await createCommitteeReport(
    db,
    organisationId,
    {
      planId: plan.id,
      quarter: quarter(2022, 4),
      consultationId: consultation.id,
      reportTo: 'Executive Cabinet',
      meetingOn: '2023-04-26',
      reportingOfficer: 'Executive Member (Children and Families)\nDirector of Children’s Services',
      subject: 'Tameside Improvement Plan 2022/23: progress update',
      reportSummary:
        'The report sets out progress on the Tameside Improvement Plan 2022/23 in the final quarter of the year, drawn from the plan, the highlight reports to the Improvement Board and the scorecard.',
      recommendations: 'Executive Cabinet is asked to note the progress made on the improvement plan.',
      communityStrategyLinks:
        'The improvement plan is the key programme of work supporting the Corporate Plan’s priorities for children and families.',
      financialImplications: 'There are no financial implications arising directly from this report.',
      legalImplications:
        'The council must show the Department for Education that it is making sustained improvement.',
      backgroundPapersContact:
        'the report writer through the council’s Children’s Services improvement team.',
    },
    actor,
  );
  const meetings = [
    'Executive Cabinet of Tameside Council',
    'Tameside Health and Wellbeing Board',
    'Tameside Safeguarding Children Partnership',
    'Integrated Care and Wellbeing Scrutiny Panel',
    '2BeUs (Children in Care Council)',
  ];
  for (const meeting of meetings) {
    await addRecipient(db, report, { meeting }, actor);
  }
}
