/*
 * Easy-read versions of every public text in the demo, written for children and young people at a
 * reading age of 11 or under by the formula in src/domain/readability.ts: short sentences, common
 * words, no acronyms, no years (each digit counts as a syllable). Each keeps the meaning of the
 * council's own wording (the 2024 highlight reports and the 2022/23 "We said, We did"), keyed by
 * that wording so a changed seed shows up as a text without a plain version.
 */

/** Priority titles, by plan and number. */
export const plainPriorityTitles: Record<'programme' | 'plan2022', Record<number, string>> = {
  programme: {
    1: 'Good help for every child, every time',
    2: 'We listen to you and work together',
    3: 'Safe, stable homes for children in care',
    4: 'Good leaders and a strong team of staff',
  },
  plan2022: {
    1: 'A new board to check that things get better',
    2: 'Finding and keeping good social workers',
    3: 'Making sure we all work together to keep children safe',
    4: 'Better checks on the help children get',
    5: 'Help for families close to home',
    6: 'Fewer children in care, and better lives for those who are',
    7: 'We listen to children and do good work every time',
  },
};

/** "We said" and "We did", keyed by the council's wording. */
export const plainTexts: ReadonlyMap<string, string> = new Map([
  // The 2024 programme: "We said".
  [
    'Put a revised MASH contact and enquiry form live in LCS',
    'Put a new form online for people who are worried about a child.',
  ],
  [
    'Meet the Leaving Care Forum with senior managers every month',
    'Our top staff will meet young people who have left care every month.',
  ],
  [
    'Open an additional six-bed home for migrant children',
    'Open a new home with six beds for children who came here from another country.',
  ],
  [
    'Secure investment in children’s services and the functions that enable them',
    'Get more money to help children, and the teams that back them up.',
  ],
  [
    'Give staff in the MASH live data through a dashboard',
    'Show the team that takes calls about children the latest facts on a screen.',
  ],
  [
    'Issue the first care leaver newsletter, named and branded with care leavers',
    'Send out the first news sheet for young people who have left care. They will help name it and choose how it looks.',
  ],
  [
    'Start building the new residential home for children with additional needs',
    'Start to build a new home for children who need extra help.',
  ],
  [
    'Consult on and put in place the approved review of children’s services',
    'Ask staff what they think of the changes we agreed to make. Then make them.',
  ],
  [
    'Revise the threshold document to take out Signs of Safety and bring in the 5 Cs',
    'Change the guide that says when a child needs our help, so it uses our new way of working.',
  ],
  [
    'Consult on the participation strategy through an online survey, then publish it',
    'Ask people online about our plan for how children can have a say. Then share the plan.',
  ],
  [
    'Complete the ECG report on reconfiguring the fostering service',
    'Finish a report on how to change the way we find and help foster carers.',
  ],
  [
    'Strengthen and put in place the dispute resolution process with the IRO service',
    'Make a better way to sort out problems about the plans for children in care. Then use it.',
  ],
  [
    'Replace the TNAP with the Graded Care Profile, with four champions supporting the launch',
    'Use a new tool to check if children get the care they need at home. Four staff will help the rest learn it.',
  ],
  [
    'Show in audit activity how the voice of the child informs practice',
    'When we check our work, show how what children tell us changes what we do.',
  ],
  [
    'Roll out a screening tool for viability assessments',
    'Start to use a new tool to check if a family member can look after a child.',
  ],
  [
    'Finalise and share the practice procedures for restorative child protection conferences',
    'Finish and share a guide for meetings that keep a child safe. In them, staff work with the family.',
  ],
  [
    'Share the strengthened LADO process with head teachers',
    'Tell head teachers how we now check worries about adults who work with children.',
  ],
  ['Draft a foster carer strategy', 'Write a first plan for finding and keeping foster carers.'],
  ['Set up a Social Work Academy', 'Start a place where new social workers can learn.'],
  [
    'Review every child accommodated under section 20 and act on the audit’s findings',
    'Check on each child who is in care because their parents said yes to it. Then act on what we find.',
  ],
  [
    'Agree a joint protocol for 16 and 17 year olds who are homeless or threatened with homelessness',
    'Agree with the housing team how we help young people of sixteen and seventeen. This is for those who have no home, or may lose it.',
  ],
  [
    'Audit the files of separated migrant children for the documents each child’s file should hold',
    'Check the files of children who came here from another country on their own. Make sure each file has the right papers.',
  ],
  [
    'Complete the recovery plan for supervision',
    'Finish our plan so each worker meets their boss often to talk about their work.',
  ],
  ['Agree a permanency strategy', 'Agree a plan so children in care have a safe home for good.'],
  [
    'Revise the SGO policy',
    'Change our rules for when a child goes to live with a grown up in their family for good.',
  ],
  [
    'Agree the independence guides with care leavers',
    'Agree the guides that help young people leaving care to live on their own.',
  ],
  [
    'Take the local offer for care leavers to Cabinet for sign-off',
    'Ask the leaders of the council to agree the help we give young people who leave care.',
  ],
  [
    'Review the Complex Safeguarding Operating Model at ADLC and the Exploitation Strategic Group',
    'Check how we keep children safe from people who want to harm them or use them.',
  ],
  // The 2024 programme: "We did".
  ['The revised form went live in LCS on 29 July 2024.', 'The new form went live in July.'],
  [
    'The MASH dashboard went live on 14 August 2024, with a Power BI guidance note so that staff know how to use it.',
    'The screen went live in August. Staff got a short guide on how to use it.',
  ],
  [
    'Partners signed the revised threshold document off on 27 August 2024, and the Tameside Strategic Partnership Board gave final sign-off on 9 September 2024.',
    'Our partners agreed the new guide in August. The board of all our partners agreed it in September.',
  ],
  [
    'The permanency strategy was presented to ADLC in July 2024 and signed off at DMT on 7 August 2024.',
    'Our leaders looked at the plan in July. They agreed it in August.',
  ],
  [
    'The care leavers at the Care Leaver Forum on 26 July 2024 signed the independence guides off.',
    'Young people who have left care agreed the guides at their meeting in July.',
  ],
  [
    'Members of the Leaving Care Forum met senior managers for tea on 6 August 2024, and agreed to meet monthly from then on.',
    'Young people who have left care met our top staff for tea in August. They will now meet every month.',
  ],
  ['The home opened on Monday 5 August 2024.', 'The home opened in August.'],
  [
    'A resources paper seeking almost £5m for children’s services and the enabling functions was fully approved.',
    'Our leaders agreed to spend almost five million pounds. It will help children, and the teams that back them up.',
  ],
  [
    'Executive Cabinet signed the Social Work Academy off in August 2024.',
    'In August, the leaders of the council said yes to the new place where social workers learn.',
  ],
  // The 2022/23 plan: "We said".
  [
    "We'd agree leadership and chairing arrangements for the new Improvement Board.",
    'We would agree who runs the new board that checks our work.',
  ],
  [
    "We'd put a new permanent CSC Leadership Team in place to deliver improvements for children.",
    'We would get a new team of leaders for social care, who will stay.',
  ],
  [
    "We'd ensure the Safeguarding Partnership understand the nature of contacts and referrals coming into MASH and the impact of repeat referrals.",
    'We would help our partners see why people call us about children. We would show why some children come back to us.',
  ],
  [
    "We'd ensure the Improvement Board was clearly sighted on current quality and consistency of assessments and plans from the last 12 months.",
    'We would show the board how good our checks and plans for children were over the last year.',
  ],
  [
    "We'd provide Board oversight of physical location of four areas and locality structures/teams and services within each community.",
    'The board would check where our teams are based in the four parts of Tameside.',
  ],
  [
    "The Board would evidence action and responsibility to unblock practical resource issues that can't be resolved by the Corporate Parenting Committee.",
    'The board would help fix problems with money, staff or buildings that no one else could fix.',
  ],
  [
    'The Board would be assured of implementation of the Signs of Safety model.',
    'The board would check that staff use our way of working called Signs of Safety.',
  ],
  [
    "We'd improve governance and corporate leadership.",
    'We would make the way the council is run and led better.',
  ],
  [
    "We'd have regular conversations and briefings with staff on progress around recruitment.",
    'We would talk to staff often about how we are doing at finding new workers.',
  ],
  [
    "We'd drive forward an intensive Signs of Safety training model and reviews.",
    'We would give staff lots of training in Signs of Safety, and check how it goes.',
  ],
  [
    "We'd establish workforce development sessions to build relationships, enhance skills sharing and facilitate improved processes.",
    'We would hold times where staff get to know each other, share skills and find better ways to work.',
  ],
  [
    'Board members would take shared responsibility and accountability for complex and hard to place children.',
    'Board members would work together to find homes for children who need a lot of care.',
  ],
  [
    'The Voice of the Child would be clearly evident in all plans with external assurance of excellent practice.',
    'Each plan would show what the child said. People from outside would check that our work is very good.',
  ],
  [
    "We'd review the existing Tameside Safeguarding Partnership arrangements post-pandemic to provide strong challenge and support.",
    'After Covid, we would look again at how our partners keep children safe.',
  ],
  ["We'd introduce a new staff induction.", 'We would give new staff a better start in their job.'],
  [
    "The Improvement Board would agree a target to improve the number of audited cases that are assessed as 'Good' and 'Outstanding' by 20% each quarter.",
    'The board would set a goal. Each three months, a fifth more of the work we check would be good or very good.',
  ],
  [
    'The Board would demonstrate grip and control of the safety and effectiveness of our in-house residential homes.',
    'The board would check that our own children’s homes are safe and good.',
  ],
  [
    "We'd re-procure the Case Recording System across Children's Services to improve the efficiency of recording, reporting and analysis.",
    'We would buy a new computer system, so staff can write notes and reports more quickly.',
  ],
  [
    "We'd establish a dedicated scrutiny panel for Children's Services.",
    'We would set up a group of council members to check our work for children.',
  ],
  [
    "We'd introduce a workforce recruitment and retention strategy to demonstrate our competitive edge.",
    'We would make a plan to find good staff and keep them, so people want to work here.',
  ],
  [
    "We'd improve the joint impact between the Domestic Abuse Strategic Partnership and the Improvement Board.",
    'We would help our board work well with the group that tries to stop domestic abuse.',
  ],
  [
    "The Board would evidence maximising opportunities for care leavers' career choices at an early stage, utilising resources across agencies and reducing the NEET rate for 17-25 year olds by 20%.",
    'The board would help young people leaving care to plan for jobs early. We wanted a fifth fewer of them to be out of work, school or training.',
  ],
  [
    "We'd revise quality assurance and practice week improvements experienced and visible in case studies and through external validation of practice and moderation.",
    'We would change how we check our work. People from outside would check it too.',
  ],
  [
    "We'd get the Improvement Board to drive the effectiveness of the Self Assessment Framework to evidence we truly understand the strengths and weaknesses of services for children.",
    'The board would help us look hard at our own work, to see what we do well and what we must do better.',
  ],
  [
    "We'd undertake a workforce survey across Children's Social Care to identify improvements needed in workloads, caseloads and partner agency input.",
    'We would ask social care staff how much work they have, and what help they need from our partners.',
  ],
  [
    'The Improvement Board would receive assurance of improvements in terms of integration between SEND support and EH/CSC plans and assessments through the QA role of the new DCSO.',
    'The board would check that help for children with special needs joins up with the rest of our help.',
  ],
  [
    "We'd provide evidence of pace and change of Corporate Service support for Children's Services.",
    'We would show how fast the rest of the council is helping the teams who work with children.',
  ],
  [
    "We'd review the impact of new supervision procedures and processes for staff.",
    'We would check if the new ways for bosses to meet and guide their staff are working.',
  ],
  [
    'That feedback from a staff survey would demonstrate improved confidence and knowledge of staff recording SEND needs within assessments and plans.',
    'A staff survey would show that staff are better at writing down special needs in plans.',
  ],
  [
    "We'd improve communications, recognition and pride in work to build and strengthen services for children in Tameside.",
    'We would share news better, thank staff for good work and help them feel proud of it.',
  ],
  // The 2022/23 plan: "We did".
  [
    "DFE appointed the Improvement Advisor as independent Chair of the Improvement Board and Tameside Council's deputy leader (Cllr Bill Fairfoull) and chief executive (Sandra Stewart) joined the Improvement Board to provide assurance around accountability and responsibilities.",
    'The government picked someone from outside to run the board. Two of the top leaders of the council joined it too.',
  ],
  [
    'We produced a new Improvement Plan and refreshed Terms of Reference for the Board.',
    'We wrote a new plan, and new rules for how the board works.',
  ],
  [
    "We refreshed the Terms of Reference for Tameside Children's Safeguarding Partnership and undertook a Safeguarding Partnership review with SLIP Partner Stockport Council.",
    'We wrote new rules for how our partners work together to keep children safe. Stockport Council helped us check how well it works.',
  ],
  [
    "We established a dedicated scrutiny panel for Children's Services with a clear work programme, linked to performance of the Children's Safeguarding Partnership, the Improvement Board, SEF and workforce stability.",
    'We set up a group of council members to check our work for children. It has a clear list of what to look at.',
  ],
  [
    'We completed a PEER review that reported strong SEF with clear direction and controls in place to deliver services for children.',
    'Staff from other councils checked our work. They said we know our own work well and have a clear way forward.',
  ],
  [
    'We implemented a staff survey to identify workforce challenges and issues to enable improved workforce retention and development.',
    'We asked staff what makes their jobs hard, so we can help them stay and grow.',
  ],
  [
    'We have already mainstreamed to work of the Managed Service resulting in lower caseloads and swifter case allocation.',
    'A team we brought in is now part of our own staff. Each worker now has fewer children to help, and children get a worker sooner.',
  ],
  [
    'We established regular staff briefings and site visits providing feedback from frontline workers, practice managers and teams and received positive feedback and assurance around reduced pressure on staff and more manageable workloads.',
    'Our leaders now meet staff often and go to see their teams. Staff told us they feel less stress and have more time.',
  ],
  [
    'In addition to worker of the week recognition we are underway with planning staff awards event.',
    'We thank one worker each week. We are also planning a prize day for staff.',
  ],
  [
    'We established a revised workforce strategy fully inclusive of staff consultation.',
    'We made a new plan for our staff, and asked them what should be in it.',
  ],
  [
    "We conducted an independent review of Children's Social Care teams. And a Managed Social Work Service is already starting to show reduced demand in Duty and Assessment Teams.",
    'People from outside checked our social care teams. The teams that first meet families now have less work, thanks to extra staff we brought in.',
  ],
  [
    'We established a new Signs of Safety training team with training taking place and embedded in the supervision process.',
    'We set up a team to teach Signs of Safety. Bosses now use it when they talk with staff about their work.',
  ],
  [
    "We've arranged a multi-agency staff awards celebration event to promote work with children and young people.",
    'We planned a party with prizes for staff from all the groups who work with children and young people.',
  ],
  [
    'We conducted deep dives into front door and routine monitoring and reporting on contacts. Referrals and repeat children and families are reviewed regularly by the Safeguarding Board and data is understood and challenged to ensure safety and reduce duplication of effort by agencies.',
    'We looked closely at the calls we get about children. Our partners now check them often, so children are safe and no one does the same job twice.',
  ],
  [
    'We ensured that all Board members, including corporate and political leaders, full understand the quality of practice and the improvement challenge for children and families, and established a new Quality Assurance framework.',
    'All board members and the leaders of the council now know how good our work is, and what must get better. We made a new way to check our work.',
  ],
  [
    'We appointed a Signs of Safety Team and established a training programme.',
    'We set up a Signs of Safety team and a plan for training.',
  ],
  [
    "We embedded the improvement target as a Key Performance Indicator for the Safeguarding Partnership and secured external independent capacity to audit and moderate quality. We are now measuring more 'Good' case audits.",
    'Our partners now keep track of the goal. People from outside help us check our work. More of the work we check is good.',
  ],
  [
    'We appointed a Domestic Abuse Co-ordinator and reviewed the provision.',
    'We took on a worker to lead our help for families where there is domestic abuse. We checked the help we give.',
  ],
  [
    'We appointed a Project Manager, identified appropriate buildings, secured resources and reconfigured buildings as Family Hubs.',
    'We took on someone to lead the work. We found the right buildings and the money, and made them into family hubs.',
  ],
  [
    'We have fully opened our 4 Family Hubs, the first in the North West to do so.',
    'All four of our family hubs are open. We were the first in the North West to do this.',
  ],
  [
    'We reviewed the Corporate Parenting Committee Membership and Terms of Reference and implemented the Department for Education (DfE) recommendations with issues escalated regularly for resolution.',
    'We looked again at the group of council members who look after children in care. We did what the government asked. Problems now go to our leaders fast, so they get sorted.',
  ],
  [
    "We've established an agreement to share costs and accountability with quarterly updates on costs of complex care placements and financial share across NHS and LA budget lines.",
    'The council and the health service now share the cost of care for children with the most needs. They check the costs every three months.',
  ],
  [
    "Five care homes are now rated 'Good' with managers in place and are OFSTED registered.",
    'Ofsted says five of our children’s homes are good. Each home has a manager.',
  ],
  [
    "We've established a revised EET offer and NEET conference, aligned with a greater offer from DWP.",
    'We made new help for young people to find work, school or training. The job centre helps too.',
  ],
  [
    'We recruited and trained the Signs of Safety Team with SoS a golden thread within the service.',
    'We found and trained the Signs of Safety team. Signs of Safety now runs through all our work.',
  ],
  [
    'We conducted deep dives of the journey of the child with practice week dip sampling, direct observation and case studies evidencing the Voice of the Child.',
    'We looked closely at what happens to children from start to end. We watched staff at work and read their notes. This showed us what children told us.',
  ],
  [
    'We have corporate support for a project to enable live data reports coming online.',
    'The council will help us get reports that show the latest facts.',
  ],
  [
    "We've put in place a Practice Week schedule with senior leadership and agency attendance and that feeds directly into the Improvement Board.",
    'We set dates for check weeks. Leaders and partners come to see our work, and tell the board what they find.',
  ],
  [
    'We have appointed to a Dedicated Social Care Officer role (Known as DiSCO) to connect Early Help, SEND and Social Care Planning together.',
    'We took on a worker to join up early help, help for special needs and social care.',
  ],
  [
    "We're developing the staff survey and have co-located the SEND Case Work Team in MASH to improve alignment with social work and EH assessments. We've put in place new management capacity for SEND Operational Teams.",
    'We are making the staff survey better. The special needs team now sits with the team that takes calls about children. The special needs teams have more managers too.',
  ],
  [
    'We improved attendance at timely strategy meetings to safeguard children within 24 hours by 100% for all cases within jurisdiction.',
    'When a child may be in danger, the right people now meet about it within a day.',
  ],
  [
    'We secured Board support for sharing venues and resources to better meet the needs of children and families.',
    'The board agreed that groups can share buildings and money. This helps children and families more.',
  ],
  [
    "We launched dedicated care leavers' job drop-in, enhanced our care leaver offer and grew the size of the service to reduce case-loads.",
    'We started a drop-in to help young people leaving care find jobs. We gave them more help. We took on more staff, so each has fewer young people to help.',
  ],
  [
    'We arranged for the Multi-Agency Safeguarding Hub (MASH) to undertake the initial S47 strategy meetings in the front door, improving timeliness of response across agencies.',
    'The team that takes calls about children now holds the first safety meetings itself. This means our partners act sooner.',
  ],
  [
    'We co-located teams across four areas in communities.',
    'Teams now work side by side in four parts of Tameside.',
  ],
  [
    'We are collocating teams and moving in to the community.',
    'We are moving teams closer to where families live.',
  ],
]);
