/**
 * A board pack built from the real highlight report pack of 10 September 2024 (shared seed 001), so
 * renderer tests read back text a board actually received. Item texts are copied as published,
 * typing slips included, because the renderers must not alter them. Two things are left out on
 * purpose: the page header "Children's Improvement Programme / Highlight Report – 10 September 24"
 * that the source repeats mid-list, and the bold-italic markers around one item (text is plain).
 * What the seed does not contain is marked where it is made up: the Red definition, the evidence
 * warning and the measures' ratings.
 */
import type { BoardPack, ListItem } from './types.ts';

const item = (text: string, children: ListItem[] = []): ListItem => ({ text, children });
const items = (...texts: string[]): ListItem[] => texts.map((text) => item(text));

const sponsor = 'Alison Montgomery';
const reasonAmber = 'Progress against plan not as expected in some areas but with recovery actions in place.';

export const seedBoardPack: BoardPack = {
  council: 'Tameside Council',
  board: "Children's Improvement Board",
  meeting: { date: '2024-09-10', title: "Children's Improvement Programme Highlight Report" },
  generatedAt: '2024-09-03T15:15:00Z',
  ragScale: [
    {
      code: 'red',
      label: 'Red (Off Plan)',
      // Not in the seed pack, which uses only Amber and Green; wording ours, in the same style.
      definition:
        'One or more aspect of programme viability is outside agreed tolerances. Action by the board is needed.',
      colour: '#d4351c',
    },
    {
      code: 'amber',
      label: 'Amber (At Risk)',
      definition:
        'One or more aspect of programme viability i.e. time, cost, scope, quality etc. is at risk. However, the deviation from plan is within agreed tolerances.',
      colour: '#ffbf47',
    },
    {
      code: 'green',
      label: 'Green (On Plan)',
      definition:
        'The programme is performing to plan. All aspects of programme viability are within tolerance. No action needed.',
      colour: '#00703c',
    },
  ],
  priorities: [
    {
      number: 1,
      title: 'Quality of Practice',
      ambition:
        'Children and young people receive a consistently good service: We have an environment where outstanding practice flourishes.',
      sponsor,
      previousRag: 'amber',
      currentRag: 'amber',
      direction: 'unchanged',
      reason: reasonAmber,
      completedBy: sponsor,
      state: 'approved',
      areas: [
        {
          title: 'The consistency in applying thresholds and interventions for children',
          progress: items(
            'Audit looking at the consistency and application of thresholds was completed on 14 August. Findings show that work continues to be required with the partnership about quality of referrals. Report of finding to be reflected into service practice and MASH Strategic group.',
            'The MASH contact and enquiry form has been revised and went live in LCS on 29 July.',
            'A MASH manual has been created including the operation protocol and practice standards. This has now been shared with Senior leadership for sign off.',
            'MASH Dashboard went live on 14 August so that staff in the MASH have access to live data. A Power BI guidance note has been shared with the service to ensure staff know how to use the dashboard.',
            "The Threshold document has revised to remove signs of safety and incorporate the 5C's. Partners signed off on 27 August with final sign off at Tameside Strategic Partnership Board on 9 September.",
            'Team Around the Setting (TAS) is being re-launched in September when schools return. This will be incorporated into the next practice week in October. Lunch and learn sessions are in place to ensure staff are aware.',
            'The MASH strategic and operational groups have been strengthened and dates are in place for the foreseeable. The terms of reference have been reviewed and will be signed off at the next MASH operational group on 27th August.',
            'Revised neglect strategy was approved at DMT on 17th July',
            'Work is on-going to ensure staff in the MASH are clear what their roles and responsibilities are',
            'An audit of children under section 20 commenced on 8 July and was completed. Analysis of the findings is being undertaken to inform next steps.',
            'Panel dates are agreed for August Legal Gate Way to review all section 20s.',
          ),
          nextPeriod: items(
            'Graded Care Profile will replace the TNAP in September 24. Four champions have been identified to support with the launch of this app.',
            'The LADO process is being strengthened in collaboration with the education team. The revised process will be shared with Head Teachers on 6 September',
            'Review of children subject to section 20 accommodation will be completed to determine appropriateness.',
            'Analysis of audit of children subject to section 20 accommodation to be implemented.',
          ),
        },
        {
          title: 'The response to 16- and 17-year-old children who are homeless',
          progress: items(
            'A joint protocol for 16-17 year olds who are homeless or threatened with homelessness in Tameside has been drafted and is going to SLT for sign off.',
          ),
          nextPeriod: items(
            "Action plan to be created from the findings of a dip sample into this cohort of young people and will be tabled at the Joint Children's Strategic Housing Group.",
          ),
        },
        {
          title:
            "The quality of assessments to identify children's needs and risks to support decision making around next steps and the quality of plans for children in need of help and protection, children in care and care leavers to enable them to receive the support they need",
          progress: items(
            'Fortnightly risk clinics to enable practitioners to reflectively discuss children who they are worried about are continuing. This is part of a wider approach to improving the identification and management of risk within the Cared for Children service.',
            'Templates of good example assessments have been shared across the service',
            'Training has been rolled out on histories and cumulative harm',
          ),
          nextPeriod: items(
            "Audit of separated migrant children to be completed by mid-September to ensure that the appropriate documents are held on the child's file.",
            'Recovery plan in relation to supervisions to be completed.',
            'Relinquished babies protocol has been drafted and will be taken to ADLC and DMT. Training will then be rolled out',
            'Undertake a time and motion study to understand the delays in our initial health assessments.',
          ),
        },
        {
          title: 'The timeliness of children achieving permanence',
          progress: items(
            "Following a survey of IFA's as part of the Valuing Care programme, work is underway to strengthen the relationship between Tameside and IFA's. An event took place on 28 August 24.",
            "An internal event with members from the cared for children's team and fostering took place to discuss children who require foster placement. This has led to a potential placement being identified for a child who has had an active placement search for 2 years.",
            'The placement referral form has been redesigned so that it presents the child in a more strength-based way. This is currently being trialled within the service.',
            'A further 14 children subject to care planning and placement regulations have been completed since the last report (22 in total). 8 of the 14 were negative for reunification but outlined clear actions required to support re-assessment in 6 months time. 6 were positive and these children have or are due to return home.',
            'July performance scorecard identifies that 83% of CFC in the CFC service have been seen within timescales, and 95% within the last 12 weeks according to CHAT data (27.08.24). This is below the target of 90% and is a reduction from 87% last month.',
            'The percentage of children who are placed out of borough, short and long term placement stability are broadly aligned with our statistical neighbours, with Tameside showing slightly better performance in short term stability and slightly worse in long term stability (67%).',
            'Permanency Strategy was presented to ADLC in July 2024 and was signed off at DMT on 7 August.',
            'There has been a change in the trajectory re net reduction in residential placements which is the first net reduction since Jan 23.',
          ),
          nextPeriod: items('SGO Policy has been revised and is currently being reviewed by legal.'),
        },
        {
          title:
            'The work with care leavers to help them understand their rights and entitlements, their health histories, and their understanding of the local offer.',
          progress: items(
            'The draft local offer was shared with care leavers at the Care Leaver Forum on 26 July.',
            'The independence guides were taken to the care leaver forum on 26 July and the care leavers in attendance signed off the guide.',
            "Team Managers in the Leaving Care Service have been allocated 'lead' roles. These include NEET, Care Leaver Engagement, health, UASC's and Building.",
            'A Team Manager is ensuring every care leaver has a health passport.',
          ),
          nextPeriod: items(
            "Analysis of the Leaving Care Survey results to complete the 'you said, we did' and provide feedback to care leavers",
            'Local Offer will go to Cabinet for sign off.',
          ),
        },
        {
          title:
            'The multi-agency recognition and response to risk, including referrals, strategy meetings, when children go missing from home or care, arising risks for children in care and care leavers, and when allegations are made against professionals.',
          progress: items(
            'The revised Tameside Complex Safeguarding Operating Model is being reviewed at ADLC in August and the Exploitation Strategic group in September 24.',
            "Training continues to be rolled out across the workforce to improve practice and connectivity between the missing from home service and the statutory response from children's social care and partner agencies.",
            'Consultation is currently underway with children and young people about their experiences of going missing to consider alternative ways to gain their views and to develop an additional digital offer of a return home interview.',
            "A detailed update has been provided in the feedback from the deep dive on children who go missing on the agenda for children's improvement board.",
          ),
          // The seed has no next-period activity for this area.
          nextPeriod: [],
        },
      ],
      evidenceWarnings: [],
      measures: [
        {
          // Figures from the area's own progress text; the Amber rating assumes a 10% tolerance.
          name: 'Cared for children seen within timescales',
          latest: '83% (July 2024)',
          target: '90%',
          rating: 'amber',
          direction: 'Worse than last month (87%)',
          narrative: '95% were seen within the last 12 weeks according to CHAT data (27.08.24).',
        },
        {
          name: 'Long-term placement stability',
          latest: '67%',
          rating: 'none',
          direction: 'Not comparable',
          narrative: 'Slightly worse than statistical neighbours.',
        },
      ],
    },
    {
      number: 2,
      title: 'Working in Partnership',
      ambition:
        'The views, experiences and engagement with children and young people, their parents and our partners drive us to achieve success, together',
      sponsor,
      previousRag: 'amber',
      currentRag: 'amber',
      direction: 'unchanged',
      reason: reasonAmber,
      completedBy: sponsor,
      state: 'approved',
      areas: [
        {
          title:
            'The engagement and participation of children and young people in their assessments, planning and service delivery.',
          progress: items(
            'The Participation strategy is in the final stages and will be going for a final consultation via an online survey in September',
            'Members of the Leaving Care Forum met with Senior Managers Social Care for tea on 6 August. It has been agreed this will be a monthly meeting moving forward.',
            'Work is continuing with Care leavers and the Communications team to develop a care leaver newsletter. The name, branding and content are being finalised ready to issue the first newsletter in September 24.',
            'An apprentice post to sit alongside the Participation Officer, ring fenced for care leavers is progressing.',
          ),
          nextPeriod: items(
            'A focus on the voice of the child within audit activity so that we can measure and demonstrate how this informs our practice.',
            'Continue to grow and develop our Children in Care Council and Care Leaver Forum to ensure there is a more structured pathway for our children and young people to raise topics and to provide a greater level of scrutiny and challenge',
          ),
        },
      ],
      evidenceWarnings: [],
      measures: [],
    },
    {
      number: 3,
      title: 'Achieving Permanence',
      ambition:
        'We have the right resources in the right place to meet the needs of the children and families we work with.',
      sponsor,
      previousRag: 'amber',
      currentRag: 'amber',
      direction: 'unchanged',
      reason: reasonAmber,
      completedBy: sponsor,
      state: 'approved',
      areas: [
        {
          title: 'The sufficiency of placements to meet the needs of children',
          progress: items(
            'New additional 6 bed property for migrant children opened on Monday 5 August.',
            'Approval to proceed with project skyline was granted at board and cabinet in July.',
            'Fostering Family Fun Day took place on 20 August to celebrate our foster carers and give everyone the chance to come together and connect. It provided an opportunity for our Fostering Service to show their appreciation for the foster carers, along with a chance for foster carers and foster children to make positive connections and meet up with the fostering team to ensure they are supported throughout their fostering journey.',
          ),
          nextPeriod: items(
            'The build of the new residential home for children with additional needs is expected to commence in September 24.',
          ),
        },
        {
          title:
            'The timeliness and quality of the induction, training, and review of foster carer agreements.',
          progress: items(
            'Foster Carer Recruitment coffee morning took place on 1st August',
            "Members from the children's systems team and the fostering service met in July to explore improvements of the design/workflow within LCS for recruitment of foster carers.",
          ),
          nextPeriod: items(
            'Roll out screening tool for viability assessments to reduce the number of R24 requests which will be negative.',
            'Fostering Independent Reviewing Officers will work more closely with the fostering team and attend mandatory training to ensuring actions are followed up and the fostering service is held to account.',
            "Ensure the child's voice is captured prior to the foster carers annual review meeting.",
            'ECG report for the fostering service re-configuration will be completed before the end of August',
            'Foster Carer Strategy to be drafted.',
            'Audit report to be completed to evidence how the fostering service are performing against regulations',
          ),
        },
      ],
      evidenceWarnings: [],
      measures: [],
    },
    {
      number: 4,
      title: 'Leadership and Workforce',
      ambition: 'We lead well, inspiring and supporting staff to be the best that we can be.',
      sponsor,
      previousRag: 'amber',
      currentRag: 'green',
      direction: 'improved',
      // As published: the reason is the Amber wording although the rating moved to Green.
      reason: reasonAmber,
      completedBy: sponsor,
      state: 'approved',
      areas: [
        {
          title:
            "The council's oversight, accountability and governance of leadership of children's services",
          progress: [
            item(
              "A resources paper to seek investment of almost £5m in both children's services and the enabling functions to support the improvement journey has been fully approved.",
            ),
            item(
              'We are focussing on creating a permanent structure to create stability at all levels of our workforce.',
            ),
            item(
              'Recommendations from the early years peer review have been incorporated into service delivery plans.',
            ),
            item("Durham Drive Children's Home rated 'good' overall."),
            item(
              'Family Hubs progress report was received and highlighted the excellent progress over the past 6 months. There are many areas where feedback was glowing including:',
              items(
                'Your peer support offer is strong and varied with specific support available for young parents and dads.',
                'You have excellent relationships with your local VCSE partners / sector.',
                'Your Infant Feeding offer is excellent and this is evidenced via the statistics you provided in your progress narrative, specifically the fact that the continuation rate has doubled!',
              ),
            ),
            item(
              'A refreshed approach has been agreed to ensure our Corporate Parenting Board has:',
              items(
                'an overarching vision and narrative',
                'a culture of challenge and scrutiny',
                'young people in attendance to ensure we hear and capture their voice',
                'a thematic approach based on Health, Care leavers, education, children in care practice',
                'Sub groups that report highlight report to the board led by partners where appropriate.',
                'Metrics that enable performance and impact to be tracked.',
                'A review in 12 months to assess the impact. Revised Terms of reference and attendance will support this strengthened focus of the Board.',
              ),
            ),
          ],
          nextPeriod: items(
            "Consult on and implement the approved Children's Service review.",
            'Our workforce training and development manager is working with Practice Improvement Managers to identify key themes from audits so that a new training calendar can be put into place.',
          ),
        },
        {
          title: 'The regularity and effectiveness of management oversight and challenge.',
          progress: items(
            "Additional capacity to roll out the data dashboards is being introduced in August 24 to ensure that progress is made in making the children's scorecard an automated integrated scorecard embedded in the service.",
            "Training was delivered in July for managers within children's service on the use of i-trent, the council's payroll system, for reporting staff absences to ensure there is accurate reporting of absences.",
            'A draft Dispute Resolution Process (DRP) has been reviewed but needs to be further strengthened before this can be implemented. The Individual Reviewing Officer (IRO) Service will be supported in this by the Practice Improvement Managers and a set-up meeting in respect of this has been arranged for 29/08/2024. It is envisaged that this will be completed by the end of September 2024.',
          ),
          nextPeriod: items(
            'Following a trial period, child protection conferences are being led in a restorative way although not all of the infrastructure is currently in place. The templates and formats of minutes are currently being finalised and whilst partners are aware of the revised way of holding conferences we need to finalise and share the revised practice procedures. It is envisaged that this will be completed by the end of October 2024',
          ),
        },
        {
          title: 'The recruitment and retention of staff and support for newly qualified social workers',
          progress: items(
            'The Social Work Academy was signed off at executive cabinet in August. This will offer high quality training and development opportunities for our social workers while also increasing the quality of support that is offered to our families in Tameside.',
            "Staff awards 'Thanks from our Children's event took place on 22 July 24.",
            "Refreshed children's services induction",
            'A career change pathway, step up to social work and frontline offer, are launching at the end of September 24. A workforce sub-group has been formed and led by Practice Improvement Manager (service lead) to develop the offer further.',
          ),
          nextPeriod: [
            item(
              'Work in progress to promote retention includes:',
              items(
                "20 Mental Health First Aiders trained from Children's",
                "3x Health and Wellbeing Champions in Children's",
                'Social Work Reward Framework – registration fees and discount scheme',
              ),
            ),
          ],
        },
      ],
      // Made up for the fixture: the check the service is meant to run on this very report.
      evidenceWarnings: [
        {
          kind: 'reason-contradicts-rating',
          message:
            'The current status is Green (On Plan), but the reason given describes progress that is not as expected, with recovery actions in place.',
          evidence: [
            `Reason for RAG: "${reasonAmber}"`,
            'Green (On Plan) means: "All aspects of programme viability are within tolerance. No action needed."',
          ],
        },
      ],
      measures: [],
    },
  ],
};
