/*
 * The 2024 programme's commitments ("We said") and what was done ("We did"), written for the demo
 * from the facts of the highlight reports to the board of 10 September 2024: what the reports say
 * was done becomes a done commitment with its outcome; what they plan for the next period becomes
 * an open commitment due when the report says. Owners are roles, not people: the reports name none.
 * On the demo's date (1 October 2024) the ones due in September and not done are overdue.
 */
import type { CommitmentStatus } from '../domain/plan.ts';

export interface DemoCommitment {
  priority: number;
  /** The start of the improvement area's title, as the highlight report writes it. */
  area: string;
  text: string;
  owner: string;
  dueOn: string | null;
  status: CommitmentStatus;
  outcome?: { text: string; achievedOn: string | null };
}

const thresholds = 'The consistency in applying thresholds';
const homeless = 'The response to 16- and 17-year-old';
const assessments = 'The quality of assessments';
const permanence = 'The timeliness of children achieving permanence';
const careLeavers = 'The work with care leavers';
const risk = 'The multi-agency recognition and response to risk';
const participation = 'The engagement and participation';
const sufficiency = 'The sufficiency of placements';
const fosterCarers = 'The timeliness and quality of the induction';
const oversight = 'The council’s oversight';
const management = 'The regularity and effectiveness of management oversight';
const recruitment = 'The recruitment and retention of staff';

export const demoCommitments: DemoCommitment[] = [
  {
    priority: 1,
    area: thresholds,
    text: 'Put a revised MASH contact and enquiry form live in LCS',
    owner: 'Service Manager, MASH',
    dueOn: '2024-07-31',
    status: 'done',
    outcome: { text: 'The revised form went live in LCS on 29 July 2024.', achievedOn: '2024-07-29' },
  },
  {
    priority: 1,
    area: thresholds,
    text: 'Give staff in the MASH live data through a dashboard',
    owner: 'Head of Performance and Intelligence',
    dueOn: '2024-08-31',
    status: 'done',
    outcome: {
      text: 'The MASH dashboard went live on 14 August 2024, with a Power BI guidance note so that staff know how to use it.',
      achievedOn: '2024-08-14',
    },
  },
  {
    priority: 1,
    area: thresholds,
    text: 'Revise the threshold document to take out Signs of Safety and bring in the 5 Cs',
    owner: 'Head of Service, Early Help and MASH',
    dueOn: '2024-09-30',
    status: 'done',
    outcome: {
      text: 'Partners signed the revised threshold document off on 27 August 2024, and the Tameside Strategic Partnership Board gave final sign-off on 9 September 2024.',
      achievedOn: '2024-09-09',
    },
  },
  {
    priority: 1,
    area: thresholds,
    text: 'Replace the TNAP with the Graded Care Profile, with four champions supporting the launch',
    owner: 'Head of Service, Early Help and MASH',
    dueOn: '2024-09-30',
    status: 'in-progress',
  },
  {
    priority: 1,
    area: thresholds,
    text: 'Share the strengthened LADO process with head teachers',
    owner: 'Local Authority Designated Officer',
    dueOn: '2024-09-06',
    status: 'in-progress',
  },
  {
    priority: 1,
    area: thresholds,
    text: 'Review every child accommodated under section 20 and act on the audit’s findings',
    owner: 'Head of Service, Cared for Children',
    dueOn: '2024-10-31',
    status: 'in-progress',
  },
  {
    priority: 1,
    area: homeless,
    text: 'Agree a joint protocol for 16 and 17 year olds who are homeless or threatened with homelessness',
    owner: 'Head of Service, Leaving Care',
    dueOn: '2024-10-31',
    status: 'in-progress',
  },
  {
    priority: 1,
    area: assessments,
    text: 'Audit the files of separated migrant children for the documents each child’s file should hold',
    owner: 'Practice Improvement Manager',
    dueOn: '2024-09-15',
    status: 'in-progress',
  },
  {
    priority: 1,
    area: assessments,
    text: 'Complete the recovery plan for supervision',
    owner: 'Practice Improvement Manager',
    dueOn: '2024-10-31',
    status: 'not-started',
  },
  {
    priority: 1,
    area: permanence,
    text: 'Agree a permanency strategy',
    owner: 'Head of Service, Cared for Children',
    dueOn: '2024-08-31',
    status: 'done',
    outcome: {
      text: 'The permanency strategy was presented to ADLC in July 2024 and signed off at DMT on 7 August 2024.',
      achievedOn: '2024-08-07',
    },
  },
  {
    priority: 1,
    area: permanence,
    text: 'Revise the SGO policy',
    owner: 'Head of Service, Cared for Children',
    dueOn: '2024-11-30',
    status: 'in-progress',
  },
  {
    priority: 1,
    area: careLeavers,
    text: 'Agree the independence guides with care leavers',
    owner: 'Head of Service, Leaving Care',
    dueOn: '2024-07-31',
    status: 'done',
    outcome: {
      text: 'The care leavers at the Care Leaver Forum on 26 July 2024 signed the independence guides off.',
      achievedOn: '2024-07-26',
    },
  },
  {
    priority: 1,
    area: careLeavers,
    text: 'Take the local offer for care leavers to Cabinet for sign-off',
    owner: 'Head of Service, Leaving Care',
    dueOn: '2024-11-30',
    status: 'not-started',
  },
  {
    priority: 1,
    area: risk,
    text: 'Review the Complex Safeguarding Operating Model at ADLC and the Exploitation Strategic Group',
    owner: 'Head of Service, Complex Safeguarding',
    dueOn: '2024-09-30',
    status: 'in-progress',
  },
  {
    priority: 2,
    area: participation,
    text: 'Meet the Leaving Care Forum with senior managers every month',
    owner: 'Participation Officer',
    dueOn: '2024-08-31',
    status: 'done',
    outcome: {
      text: 'Members of the Leaving Care Forum met senior managers for tea on 6 August 2024, and agreed to meet monthly from then on.',
      achievedOn: '2024-08-06',
    },
  },
  {
    priority: 2,
    area: participation,
    text: 'Issue the first care leaver newsletter, named and branded with care leavers',
    owner: 'Participation Officer',
    dueOn: '2024-09-30',
    status: 'in-progress',
  },
  {
    priority: 2,
    area: participation,
    text: 'Consult on the participation strategy through an online survey, then publish it',
    owner: 'Participation Officer',
    dueOn: '2024-10-31',
    status: 'in-progress',
  },
  {
    priority: 2,
    area: participation,
    text: 'Show in audit activity how the voice of the child informs practice',
    owner: 'Practice Improvement Manager',
    dueOn: '2024-12-31',
    status: 'not-started',
  },
  {
    priority: 3,
    area: sufficiency,
    text: 'Open an additional six-bed home for migrant children',
    owner: 'Head of Service, Placements and Sufficiency',
    dueOn: '2024-08-31',
    status: 'done',
    outcome: { text: 'The home opened on Monday 5 August 2024.', achievedOn: '2024-08-05' },
  },
  {
    priority: 3,
    area: sufficiency,
    text: 'Start building the new residential home for children with additional needs',
    owner: 'Head of Service, Placements and Sufficiency',
    dueOn: '2024-09-30',
    status: 'not-started',
  },
  {
    priority: 3,
    area: fosterCarers,
    text: 'Complete the ECG report on reconfiguring the fostering service',
    owner: 'Head of Service, Fostering',
    dueOn: '2024-08-31',
    status: 'in-progress',
  },
  {
    priority: 3,
    area: fosterCarers,
    text: 'Roll out a screening tool for viability assessments',
    owner: 'Head of Service, Fostering',
    dueOn: '2024-11-30',
    status: 'not-started',
  },
  {
    priority: 3,
    area: fosterCarers,
    text: 'Draft a foster carer strategy',
    owner: 'Head of Service, Fostering',
    dueOn: '2024-12-31',
    status: 'not-started',
  },
  {
    priority: 4,
    area: oversight,
    text: 'Secure investment in children’s services and the functions that enable them',
    owner: 'Director of Children’s Services',
    dueOn: '2024-09-30',
    status: 'done',
    outcome: {
      text: 'A resources paper seeking almost £5m for children’s services and the enabling functions was fully approved.',
      achievedOn: null,
    },
  },
  {
    priority: 4,
    area: oversight,
    text: 'Consult on and put in place the approved review of children’s services',
    owner: 'Director of Children’s Services',
    dueOn: '2025-03-31',
    status: 'not-started',
  },
  {
    priority: 4,
    area: management,
    text: 'Strengthen and put in place the dispute resolution process with the IRO service',
    owner: 'Head of Service, Safeguarding and Quality Assurance',
    dueOn: '2024-09-30',
    status: 'in-progress',
  },
  {
    priority: 4,
    area: management,
    text: 'Finalise and share the practice procedures for restorative child protection conferences',
    owner: 'Head of Service, Safeguarding and Quality Assurance',
    dueOn: '2024-10-31',
    status: 'in-progress',
  },
  {
    priority: 4,
    area: recruitment,
    text: 'Set up a Social Work Academy',
    owner: 'Workforce Training and Development Manager',
    dueOn: '2024-08-31',
    status: 'done',
    outcome: {
      text: 'Executive Cabinet signed the Social Work Academy off in August 2024.',
      achievedOn: null,
    },
  },
];
