import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { saveRagScale } from '../../db/board/commands.ts';
import { getMeeting, loadRagScale } from '../../db/board/queries.ts';
import { createRisk, updateRisk, type RiskInput } from '../../db/risks/commands.ts';
import { getRisk } from '../../db/risks/queries.ts';
import {
  createBudgetLine,
  createMilestone,
  createProject,
  updateProject,
} from '../../db/projects/commands.ts';
import { getProject } from '../../db/projects/queries.ts';
import { systemActor } from '../../db/changes.ts';
import { addObservations } from '../../db/measures/commands.ts';
import {
  changeHistory,
  commitments,
  highlightReportItems,
  highlightReports,
  measures,
} from '../../db/schema.ts';
import { docxText, pdfInfo, pdfText } from '../../reports/text-readback.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildApprovedReport, buildBoard } from '../../../test/helpers/board-builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';
import { currentBoardPack } from './papers.ts';

const actor = systemActor('Test');

/** The 10 September meeting, held, with priority 1's approved report and a measure off target. */
async function heldMeeting(t: import('node:test').TestContext) {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2024-10-01' });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const { meeting, report } = await buildApprovedReport(
    db,
    world.organisationId,
    board.id,
    world.priority.id,
    {
      reason: 'Audits show progress is slower than planned.',
    },
  );
  await db.insert(highlightReportItems).values({
    reportId: report.id,
    improvementAreaId: world.area.id,
    section: 'progress',
    position: 0,
    text: 'Audit of 20 cases completed',
  });
  await buildMeasure(
    db,
    world.organisationId,
    {},
    [
      { period: '2024-07', value: 83 },
      { period: '2024-08', value: 85 },
    ],
    [world.priority.id],
  );
  const office = new TestClient(app);
  await office.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  return { app, db, world, meeting, report, office };
}

async function texts(office: TestClient, meetingId: number, query?: { version: number }) {
  const html = await office.get(paths.boardPack(meetingId, 'html', query));
  const docx = await office.get(paths.boardPack(meetingId, 'docx', query));
  const pdf = await office.get(paths.boardPack(meetingId, 'pdf', query));
  assert.equal(html.statusCode, 200);
  return {
    html: html.body,
    docx: await docxText(docx.rawPayload),
    pdf: await pdfText(pdf.rawPayload),
    csp: String(html.headers['content-security-policy']),
  };
}

test('issued papers stay as issued through later figures, report and commitment edits and a new RAG scale', async (t) => {
  const { app, db, world, meeting, report, office } = await heldMeeting(t);
  const page = await office.get(paths.meeting(meeting.id));
  assert.match(page.body, /Not issued yet\./);
  assert.match(page.body, /Issue papers/);
  assert.equal((await office.post(paths.issuePapers(meeting.id), {})).statusCode, 303);

  const issued = await texts(office, meeting.id);
  assert.match(issued.html, /85% \(August 2024\)/);
  assert.doesNotMatch(issued.html, /DRAFT/);
  assert.match(issued.docx, /Audits show progress is slower than planned\./);
  assert.match(issued.pdf, /85% \(August 2024\)/);
  assert.match(issued.csp, /style-src 'sha256-/, 'the stored pack’s styles are allowed by their hash');

  // Everything behind the pack moves on.
  const [measure] = await db.select({ id: measures.id }).from(measures);
  await addObservations(db, measure!.id, [
    { period: '2024-09', value: 95 },
    { period: '2024-10', value: 93 },
  ]);
  await db
    .update(highlightReports)
    .set({ reason: 'Rewritten after the meeting.' })
    .where(eq(highlightReports.id, report.id));
  await db
    .update(commitments)
    .set({ text: 'A commitment reworded later.', dueOn: '2024-08-01' })
    .where(eq(commitments.id, world.commitment.id));
  const scale = await loadRagScale(db, world.organisationId);
  await saveRagScale(
    db,
    world.organisationId,
    scale.map((s) => (s.code === 'amber' ? { ...s, label: 'Amber (Slipping)', colour: '#f47738' } : s)),
    actor,
  );

  const after = await texts(office, meeting.id);
  assert.equal(after.html, issued.html);
  assert.equal(after.docx, issued.docx);
  assert.equal(after.pdf, issued.pdf);

  // The live pack has moved, but only as far as the meeting: no October figure.
  const ctx = await getMeeting(db, world.organisationId, meeting.id);
  const live = JSON.stringify(await currentBoardPack(db, world.organisationId, ctx!, app.clock));
  assert.match(live, /Rewritten after the meeting\./);
  assert.match(live, /September 2024/);
  assert.doesNotMatch(live, /October 2024/);

  // Reissuing needs a reason; then version 2 is served and version 1 stays readable.
  await office.get(paths.meeting(meeting.id));
  const refused = await office.post(paths.issuePapers(meeting.id), { reason: ' ' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#reason">Enter why the papers are being issued again/);
  await office.get(paths.meeting(meeting.id));
  const again = await office.post(paths.issuePapers(meeting.id), {
    reason: 'Priority 1 report corrected by its sponsor.',
  });
  assert.equal(again.statusCode, 303);
  const second = await texts(office, meeting.id);
  assert.match(second.html, /Rewritten after the meeting\./);
  assert.match(second.html, /Amber \(Slipping\)/);
  const first = await texts(office, meeting.id, { version: 1 });
  assert.equal(first.html, issued.html);
  assert.equal(first.docx, issued.docx);
  assert.equal(first.pdf, issued.pdf);
  assert.equal((await office.get(paths.boardPack(meeting.id, 'pdf', { version: 3 }))).statusCode, 404);

  const listed = await office.get(paths.meeting(meeting.id));
  assert.match(listed.body, /Version 2<\/th>\s*<td class="govuk-table__cell">\d{1,2} \w+ \d{4} by/);
  assert.match(listed.body, /Priority 1 report corrected by its sponsor\./);
  assert.match(listed.body, /First issue/);
  assert.match(listed.body, /Issue papers again/);

  // The API gives the latest issued content; the history says who issued which version and why.
  const api = await office.get(paths.api.meetingPack(meeting.id));
  assert.equal(api.statusCode, 200);
  const body = api.json<{
    version: number;
    issuedAt: string;
    reason: string;
    priorities: { number: number; reason: string; measures: { latest: string }[] }[];
  }>();
  assert.equal(body.version, 2);
  // Written by the database when issued (decision 006), so not the test's clock.
  assert.match(body.issuedAt, /^\d{4}-\d{2}-\d{2}T/);
  assert.equal(body.reason, 'Priority 1 report corrected by its sponsor.');
  assert.equal(body.priorities[0]?.reason, 'Rewritten after the meeting.');
  assert.equal(body.priorities[0]?.measures[0]?.latest, '95% (September 2024)');
  const history = await db.select().from(changeHistory).where(eq(changeHistory.recordType, 'issued-papers'));
  assert.deepEqual(
    history.map((h) => (h.after as { issuedVersion: number }).issuedVersion),
    [1, 2],
  );

  // What was issued cannot be rewritten, even by the database's own users.
  const appendOnly = (e: Error) => /append-only/.test(`${e.message} ${String(e.cause)}`);
  await assert.rejects(db.execute(sql`update issued_papers set reason = 'tampered'`), appendOnly);
  await assert.rejects(db.execute(sql`delete from issued_papers`), appendOnly);
});

test('before issue every page is marked DRAFT; the API has no pack and only the programme office may issue', async (t) => {
  const { app, world, meeting, office } = await heldMeeting(t);
  const html = await office.get(paths.boardPack(meeting.id, 'html'));
  assert.match(html.body, /<title>DRAFT: /);
  assert.match(html.body, /DRAFT: these papers have not been issued/);
  assert.match(html.body, /@top-right \{ content: "DRAFT"/);

  const docx = (await office.get(paths.boardPack(meeting.id, 'docx'))).rawPayload;
  assert.match(await docxText(docx), /DRAFT: these papers have not been issued/);
  const zip = await JSZip.loadAsync(docx);
  const headers = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
  assert.ok(headers.length >= 2);
  for (const name of headers) {
    assert.match(await zip.file(name)!.async('string'), />DRAFT</, `${name} says DRAFT`);
  }

  const pdf = (await office.get(paths.boardPack(meeting.id, 'pdf'))).rawPayload;
  const { pages } = await pdfInfo(pdf);
  const marks = ((await pdfText(pdf)).match(/\bDRAFT\b/g) ?? []).length;
  assert.ok(marks >= pages, `${marks} DRAFT marks on ${pages} pages`);

  assert.equal((await office.get(paths.api.meetingPack(meeting.id))).statusCode, 404);

  const sponsor = new TestClient(app);
  await sponsor.signIn(world.people.sponsor.email, world.people.sponsor.password);
  const page = await sponsor.get(paths.meeting(meeting.id));
  assert.doesNotMatch(page.body, /Issue papers/);
  assert.equal((await sponsor.post(paths.issuePapers(meeting.id), {})).statusCode, 403);
  assert.equal((await office.get(paths.api.meetingPack(meeting.id))).statusCode, 404);
});

test('the pack lists the plan’s open risks above the threshold, as they stood when issued', async (t) => {
  const { db, world, meeting, office } = await heldMeeting(t);
  const plan = { id: world.plan.id, organisationId: world.organisationId };
  const risk = (title: string, residual: [number, number]): RiskInput => ({
    title,
    priorityIds: [world.priority.id],
    cause: '',
    effect: '',
    controls: 'Weekly vacancy panel',
    ownerUserId: null,
    ownerName: 'Head of Workforce',
    inherentLikelihood: 5,
    inherentImpact: 4,
    residualLikelihood: residual[0],
    residualImpact: residual[1],
    reviewedOn: '2024-09-01',
    nextReviewOn: '2024-11-01',
    status: 'open',
  });
  const high = await createRisk(db, plan, risk('Social worker vacancies stay high', [4, 4]), actor);
  await createRisk(db, plan, risk('Case recording falls behind', [2, 2]), actor);

  const draft = (await office.get(paths.boardPack(meeting.id, 'html'))).body;
  assert.match(draft, /<h2 id="risks">Risks above the threshold<\/h2>/);
  assert.match(draft, /Social worker vacancies stay high/);
  assert.match(draft, /16 \(Very high\)/);
  assert.doesNotMatch(draft, /Case recording falls behind/, 'below the threshold of 12');
  assert.match(draft, /<td>1<\/td>/, 'linked to priority 1 by its number');

  await office.get(paths.meeting(meeting.id));
  assert.equal((await office.post(paths.issuePapers(meeting.id), {})).statusCode, 303);
  const ctx = await getRisk(db, world.organisationId, high.id);
  await updateRisk(
    db,
    ctx!,
    ctx!.risk.version,
    { ...risk('Vacancies fall', [1, 1]), status: 'closed' },
    actor,
  );
  const issued = (await office.get(paths.boardPack(meeting.id, 'html'))).body;
  assert.match(issued, /Social worker vacancies stay high/, 'the issued pack keeps the risk as it stood');
  const api = (await office.get(paths.api.meetingPack(meeting.id))).json<{
    risks: { threshold: number; items: { title: string; afterControls: string }[] };
  }>();
  assert.deepEqual(
    api.risks.items.map((r) => [r.title, r.afterControls]),
    [['Social worker vacancies stay high', '16 (Very high)']],
  );
});

test('the pack has a section for each of the plan’s projects, frozen as it stood when issued', async (t) => {
  const { db, world, meeting, office } = await heldMeeting(t);
  const plan = { id: world.plan.id, organisationId: world.organisationId };
  const input = {
    title: 'Fostering Service Improvement',
    kind: 'project' as const,
    phase: 'Phase one: sustainability project',
    purpose: '',
    leadUserId: null,
    leadName: 'Head of Fostering',
    priorityIds: [world.priority.id],
    measureIds: [],
    rag: 'amber',
    ragReason: 'Carer recruitment is behind the plan',
  };
  const project = await createProject(db, plan, input, actor);
  const ctx = { plan, project };
  await createMilestone(
    db,
    ctx,
    { title: 'Recruitment strategy launched', dueOn: '2024-12-31', status: 'in-progress', completedOn: null },
    actor,
  );
  await createBudgetLine(
    db,
    plan,
    {
      projectId: project.id,
      fundingSource: 'Council budget',
      recurrence: 'recurrent',
      financialYear: '2024-25',
      plannedPence: 200_000_00,
      description: '',
    },
    actor,
  );

  const draft = (await office.get(paths.boardPack(meeting.id, 'html'))).body;
  assert.match(draft, /<h2 id="project-1">Project: Fostering Service Improvement<\/h2>/);
  assert.match(draft, /Carer recruitment is behind the plan/);
  assert.match(draft, /Recruitment strategy launched/);
  assert.match(draft, /£200,000 planned/);

  await office.get(paths.meeting(meeting.id));
  assert.equal((await office.post(paths.issuePapers(meeting.id), {})).statusCode, 303);
  const now = await getProject(db, world.organisationId, project.id);
  await updateProject(
    db,
    now!,
    now!.project.version,
    { ...input, rag: 'green', ragReason: 'Back on track' },
    actor,
  );
  const issued = (await office.get(paths.boardPack(meeting.id, 'html'))).body;
  assert.match(
    issued,
    /Carer recruitment is behind the plan/,
    'the issued pack keeps the project as it stood',
  );
  assert.doesNotMatch(issued, /Back on track/);
  const api = (await office.get(paths.api.meetingPack(meeting.id))).json<{
    projects: { title: string; rag: string; reason: string; milestones: { title: string }[] }[];
  }>();
  assert.deepEqual(
    api.projects.map((p) => [p.title, p.rag, p.reason, p.milestones.map((m) => m.title)]),
    [
      [
        'Fostering Service Improvement',
        'amber',
        'Carer recruitment is behind the plan',
        ['Recruitment strategy launched'],
      ],
    ],
  );
});
