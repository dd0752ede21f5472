import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMeetingsOn } from '../db/board/queries.ts';
import { ensureOrganisation } from '../db/people/commands.ts';
import { listPlans } from '../db/plan/queries.ts';
import { testApp } from '../../test/helpers/app.ts';
import { testClock } from '../../test/helpers/clock.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { paths } from '../web/paths.ts';
import { demoDate } from './demo-date.ts';
import { loadDemo } from './load-demo.ts';

/** A page's text without tags, with runs of white space as one space, for reading as a person would. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

// Overdue depends on the date: the app runs on the demo's date whatever date the suite runs at.
test('a newcomer’s demo tells one story: the current plan with overdue commitments and RAG by priority, its board, the held and the next meeting, and a published quarter', async (t) => {
  const { app, database } = await testApp(t, { WESAID_TODAY: demoDate });
  const db = database.db;
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  const accounts = await loadDemo(db, organisationId, testClock(demoDate));

  const sponsor = accounts.find((a) => a.role === 'sponsor')!;
  assert.equal(sponsor.name, 'Alison Montgomery');
  const client = new TestClient(app);
  await client.signIn(sponsor.email, sponsor.password);

  // One current plan (and the reform programme beside it); the earlier ones closed, with titles as a person writes them.
  const plans = await listPlans(db, organisationId);
  assert.deepEqual(plans.map((p) => [p.title, p.status]).sort(), [
    ["Children's Improvement Programme", 'adopted'],
    ['Families First Partnership', 'draft'],
    ['Successful Families: improvement plan 2017', 'closed'],
    ['Tameside Improvement Plan 2022/23', 'closed'],
  ]);
  const list = textOf((await client.get(paths.plans())).body);
  assert.match(list, /Successful Families: improvement plan 2017 Improvement plan 2017 Closed/);
  assert.match(list, /Tameside Improvement Plan 2022\/23 Improvement plan 2022\/23 Closed/);
  assert.match(list, /Children's Improvement Programme Improvement plan 2024\/25 Adopted/);
  assert.match(list, /Families First Partnership Reform programme Draft/);
  assert.doesNotMatch(list, /SUCCESSFUL FAMILIES/);

  // The overview: commitments by status with overdue ones, and the RAG of each priority.
  const programme = plans.find((p) => p.status === 'adopted')!;
  const overview = await client.get(paths.plan(programme.id));
  assert.equal(overview.statusCode, 200);
  const text = textOf(overview.body);
  assert.match(text, /Commitments 28 commitments, 9 done, 8 overdue/);
  // Priority, sponsor, latest RAG and its date, not started, in progress, done, dropped, overdue.
  for (const row of [
    /1\. Quality of Practice Alison Montgomery Amber 10 September 2024 2 7 5 0 4 overdue in priority 1/,
    /2\. Working in Partnership Alison Montgomery Amber 10 September 2024 1 2 1 0 1 overdue in priority 2/,
    /3\. Achieving Permanence Alison Montgomery Amber 10 September 2024 3 1 1 0 2 overdue in priority 3/,
    /4\. Leadership and Workforce Alison Montgomery Green 10 September 2024 1 2 2 0 1 overdue in priority 4/,
  ])
    assert.match(text, row);

  // The board and its members.
  const [held] = await findMeetingsOn(db, organisationId, '2024-09-10');
  assert.ok(held);
  const board = textOf((await client.get(paths.board(held.board.id))).body);
  for (const member of [
    'Demo Independent Chair, Independent chair',
    'Demo DfE Improvement Adviser, DfE improvement adviser',
    'Demo Lead Member, Lead member',
    'Alison Montgomery, Sponsor',
  ])
    assert.ok(board.includes(member), member);

  // The 10 September 2024 meeting held with its four reports approved.
  const september = textOf((await client.get(paths.meeting(held.meeting.id))).body);
  assert.match(september, /Status Held/);
  assert.equal(september.match(/ Approved /g)?.length, 4);

  // Three risks on the register; the two above the threshold are in the issued pack.
  const register = textOf((await client.get(paths.planRisks(programme.id))).body);
  assert.match(register, /permanent social workers/);
  assert.match(register, /Too few local placements/);
  assert.match(register, /children go missing/);
  const pack = textOf((await client.get(paths.boardPack(held.meeting.id, 'html'))).body);
  assert.match(pack, /Risks above the threshold/);
  assert.match(pack, /permanent social workers .* 16 \(Very high\) Worse since the last review/);
  assert.match(pack, /Too few local placements .* 12 \(High\) New since the last review/);
  assert.doesNotMatch(
    pack,
    /Partners do not recognise and respond to risk/,
    '8 after controls: below the threshold',
  );

  // The next meeting's cycle open: every report assigned to the sponsor, two submitted.
  const [next] = await findMeetingsOn(db, organisationId, '2024-11-12');
  assert.ok(next, 'the next meeting is planned');
  const november = textOf((await client.get(paths.meeting(next.meeting.id))).body);
  assert.match(november, /Status Reports being written/);
  assert.equal(november.match(/ Draft /g)?.length, 2);
  assert.equal(november.match(/ Submitted /g)?.length, 2);

  // A done commitment carries its outcome and the highlight report as evidence.
  const all = await client.get(paths.planCommitments(programme.id));
  const link = /href="(\/commitments\/\d+)">Put a revised MASH contact and enquiry form live in LCS</.exec(
    all.body,
  );
  assert.ok(link, 'the commitments list links the MASH form');
  const commitment = await client.get(link[1]!);
  assert.match(textOf(commitment.body), /The revised form went live in LCS on 29 July 2024\./);
  assert.match(
    commitment.body,
    new RegExp(
      `href="http://localhost:3000/meetings/${held.meeting.id}/pack.html"[^>]*>Highlight reports to the Improvement Board, 10 September 2024<`,
    ),
  );

  // The held meeting's record: its agenda, attendance and actions, carried to the next board.
  const agenda = textOf((await client.get(paths.meetingAgenda(held.meeting.id))).body);
  assert.match(agenda, /Deep dive: children who go missing/);
  const attendance = textOf((await client.get(paths.meetingAttendance(held.meeting.id))).body);
  assert.match(attendance, /Demo DfE Improvement Adviser DfE adviser/);
  assert.match(attendance, /Apologies/);
  const nextAgenda = textOf((await client.get(paths.meetingAgenda(next.meeting.id))).body);
  assert.match(nextAgenda, /Bring the digital return home interview offer/);
  assert.doesNotMatch(nextAgenda, /Share the revised LADO process/);

  // The public site shows the programme's published quarter.
  const publicHome = textOf((await client.get(paths.public.home())).body);
  assert.match(publicHome, /Quarter 2, 2024\/25 Children's Improvement Programme/);
  const archive = textOf((await client.get(paths.public.archive())).body);
  assert.match(archive, /Quarter 4, 2022\/23/);

  // A quarter of case audits, one inadequate with its finding, feeding the scorecard against its target.
  const audits = textOf((await client.get(paths.caseAuditQuarter(programme.id, '2024-25-q2'))).body);
  assert.match(audits, /12 of 12 58\.3% \(7\) 60% Not met 8\.3% \(1\)/);
  assert.match(audits, /Review the legal basis of the placement/);
  const scorecard = textOf((await client.get(paths.scorecard())).body);
  assert.match(scorecard, /Case audits good or better 58\.3% the quarter to September 2024 60% Amber/);

  // The inspection record from the council's papers: 2016 inadequate, the 2021 focused visit's areas
  // for improvement answered by the programme but one, which the plan shows as not yet answered.
  const inspections = textOf((await client.get(paths.inspections())).body);
  assert.match(inspections, /ILACS standard inspection 1 December 2023 Published 1 February 2024 Inadequate/);
  assert.match(
    inspections,
    /Focused visit 1 May 2021 How the council supported children and families during the pandemic, and where it could improve 5 1/,
  );
  assert.match(
    inspections,
    /Single inspection \(SIF\) 1 September 2016 Published 9 December 2016 Inadequate/,
  );
  assert.match(text, /Recommendations not yet answered by a commitment/);
  const after = textOf((await client.get(paths.plan(programme.id))).body);
  assert.match(
    after,
    /Focused visit, 1 May 2021 : The quality and timeliness of the decision-making for children who are subject to pre-proceedings/,
  );
  assert.doesNotMatch(after, /Access to sufficient and suitable placements/);
});
