/*
 * The council's inspection record, from what its papers say. The 2017 cabinet report: Ofsted's
 * 2016 inspection (a single inspection, in autumn 2016, published 9 December 2016) judged overall
 * effectiveness inadequate and the Safeguarding Children Board requiring improvement. The 2021
 * scrutiny presentation: Ofsted's focused visit of May 2021 on how families were supported, with no
 * priority actions and five areas for improvement (quoted as the presentation quotes them). The
 * domain notes add the ILACS inspection of December 2023 (published February 2024): inadequate
 * overall, care leavers requiring improvement. The papers give months, not days: each record starts
 * on the first of its month and says so. Four of the focused visit's areas are answered by the 2024
 * programme's improvement areas; the one on pre-proceedings is left unanswered, so the plan shows it.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { createFinding, createInspection, createJudgement } from '../db/inspections/commands.ts';
import { answerOptions } from '../db/inspections/queries.ts';
import type { Plan } from '../db/plan/queries.ts';
import type { Grade } from '../domain/inspections/index.ts';
import type { FrameworkOutcome } from '../domain/national-framework.ts';

const actor = systemActor('Demo data');

const plain = (text: string) => text.replace(/[’']/g, "'").toLowerCase();

interface DemoFinding {
  text: string;
  outcome: FrameworkOutcome | null;
  /** The start of the 2024 programme's improvement area that answers it, if any. */
  area?: string;
}

const focusedVisitAreas: DemoFinding[] = [
  {
    text: 'The workloads of social workers and of personal assistants in all teams to enable them to build meaningful relationships with children and young people and deliver effective support to them.',
    outcome: 'workforce',
    area: 'The recruitment and retention of staff',
  },
  {
    text: 'Access to sufficient and suitable placements to ensure children are able to live in places that meet their needs.',
    outcome: 'stable-homes',
    area: 'The sufficiency of placements',
  },
  {
    text: 'The quality and timeliness of the decision-making for children who are subject to pre-proceedings within the public law outline.',
    outcome: null,
  },
  {
    text: 'Support for care leavers to access education, employment and training and to develop skills to enable them to live independently.',
    outcome: 'stable-homes',
    area: 'The work with care leavers',
  },
  {
    text: 'The oversight of social work practice by all managers and the scrutiny undertaken by senior leaders to ensure that there is a focus on the experiences and outcomes for children and young people.',
    outcome: 'leaders',
    area: 'The regularity and effectiveness of management oversight',
  },
];

const judge = async (
  db: Db,
  inspection: Awaited<ReturnType<typeof createInspection>>,
  judgements: [string, Grade][],
) => {
  for (const [area, grade] of judgements) await createJudgement(db, inspection, { area, grade }, actor);
};

export async function addDemoInspections(db: Db, organisationId: number, programme: Plan): Promise<void> {
  const blank = { endDate: null, focus: '', link: '', priorityIds: [] };
  const sif = await createInspection(
    db,
    organisationId,
    {
      ...blank,
      kind: 'sif-inspection',
      frameworkVersion: 'sif',
      startDate: '2016-09-01',
      publishedDate: '2016-12-09',
      summary:
        'Inspection of children’s services and the Tameside Safeguarding Children Board in autumn 2016 (the council’s papers give the season, not the days). The council’s improvement plan answering its recommendations went to Ofsted on 20 March 2017.',
    },
    actor,
  );
  await judge(db, sif, [
    ['overall-effectiveness', 'inadequate'],
    ['safeguarding-board', 'requires-improvement'],
  ]);

  const visit = await createInspection(
    db,
    organisationId,
    {
      ...blank,
      kind: 'focused-visit',
      frameworkVersion: 'ilacs-2018',
      startDate: '2021-05-01',
      publishedDate: null,
      focus:
        'How the council supported children and families during the pandemic, and where it could improve',
      summary: 'May 2021 (the day is not in the council’s papers). No priority actions.',
    },
    actor,
  );
  const { areas } = await answerOptions(db, organisationId);
  for (const [i, f] of focusedVisitAreas.entries()) {
    const area = f.area
      ? areas.find((a) => a.planId === programme.id && plain(a.title).startsWith(plain(f.area!)))
      : undefined;
    if (f.area && !area) throw new Error(`The demo programme has no improvement area “${f.area}”`);
    await createFinding(
      db,
      visit,
      {
        kind: 'area-for-improvement',
        number: i + 1,
        text: f.text,
        frameworkOutcome: f.outcome,
        improvementAreaIds: area ? [area.id] : [],
        commitmentIds: [],
      },
      actor,
    );
  }

  const ilacs = await createInspection(
    db,
    organisationId,
    {
      ...blank,
      kind: 'ilacs-standard',
      frameworkVersion: 'ilacs-2023',
      startDate: '2023-12-01',
      publishedDate: '2024-02-01',
      summary:
        'December 2023, published February 2024 (months only: the days are not in the council’s papers). A statutory direction followed in March 2024.',
    },
    actor,
  );
  await judge(db, ilacs, [
    ['overall-effectiveness', 'inadequate'],
    ['care-leavers', 'requires-improvement'],
  ]);
}
