import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../db/changes.ts';
import { createExpectation } from '../../db/programmes/commands.ts';
import { savePlanTarget } from '../../db/measures/commands.ts';
import { expectations } from '../../db/schema.ts';
import { docxText, pdfText } from '../../reports/text-readback.ts';
import { testApp } from '../../../test/helpers/app.ts';
import {
  buildOrganisation,
  buildPlan,
  buildPlanWithPeople,
  buildPriority,
} from '../../../test/helpers/builders.ts';
import { buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';

const actor = systemActor('Test');

/** An improvement plan's board whose next meeting may also cover a reform programme. */
async function setUp(t: TestContext) {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2024-10-01' });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const programme = await buildPlan(db, world.organisationId, {
    title: 'Families First Partnership',
    kind: 'reform-programme',
  });
  const programmePriority = await buildPriority(db, programme, {
    number: 1,
    title: 'Family help and child protection',
  });
  // One measure shared by both plans, each holding it to its own target.
  const measure = await buildMeasure(
    db,
    world.organisationId,
    { name: 'Families offered a conference', target: 80 },
    [{ period: '2024-08', value: 92 }],
    [world.priority.id, programmePriority.id],
  );
  for (const [planId, target] of [
    [world.plan.id, 90],
    [programme.id, 95],
  ] as const)
    await savePlanTarget(
      db,
      { organisationId: world.organisationId, measureId: measure.id, planId, current: null },
      1,
      { target, targetDate: null, period: '', note: '' },
      actor,
    );
  const base = { reference: '', evidence: '', commitmentId: null, measureId: null };
  await createExpectation(
    db,
    programme,
    {
      ...base,
      text: 'Offer family group decision-making before proceedings',
      strength: 'required',
      reference: 'Family help',
      status: 'met',
      evidence: 'Offered to every family since the spring',
      commitmentId: world.commitment.id,
      measureId: measure.id,
    },
    actor,
  );
  await createExpectation(
    db,
    programme,
    {
      ...base,
      text: 'Set up multi-agency child protection teams',
      strength: 'required',
      status: 'in-progress',
    },
    actor,
  );
  await createExpectation(
    db,
    programme,
    { ...base, text: 'Share the plan’s measures', strength: 'recommended', status: 'not-started' },
    actor,
  );
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const office = new TestClient(app);
  await office.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  return { app, db, world, programme, measure, meeting, office };
}

async function coverProgramme(office: TestClient, meetingId: number, planIds: string[]) {
  const form = await office.get(paths.meetingPlans(meetingId));
  assert.equal(form.statusCode, 200);
  const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
  return office.post(paths.meetingPlans(meetingId), { planIds, version });
}

async function packTexts(office: TestClient, meetingId: number) {
  const html = await office.get(paths.boardPack(meetingId, 'html'));
  const docx = await office.get(paths.boardPack(meetingId, 'docx'));
  const pdf = await office.get(paths.boardPack(meetingId, 'pdf'));
  assert.equal(html.statusCode, 200);
  return { html: html.body, docx: await docxText(docx.rawPayload), pdf: await pdfText(pdf.rawPayload) };
}

test('a meeting’s pack covers the improvement plan and the reform programme, each a part with its own sections', async (t) => {
  const { world, programme, meeting, office } = await setUp(t);
  const chosen = await coverProgramme(office, meeting.id, [String(programme.id)]);
  assert.equal(chosen.statusCode, 303, chosen.body);
  const page = await office.get(paths.meeting(meeting.id));
  assert.match(page.body, /Other plans the pack covers[\s\S]*Families First Partnership/);

  assert.equal((await office.post(paths.openCycle(meeting.id), {})).statusCode, 303);
  const opened = await office.get(paths.meeting(meeting.id));
  assert.match(
    opened.body,
    /Family help and child protection/,
    'a report is asked for on the programme’s priority',
  );

  const { html, docx, pdf } = await packTexts(office, meeting.id);
  // The page's words without its tags, to read as the other formats are read.
  const words = html.replace(/<style[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
  // Table cells wrap in the PDF, so every run of spaces and line ends reads as one space.
  const read = (text: string) => text.replace(/\s+/g, ' ');
  for (const [format, text] of Object.entries({ html: read(words), docx: read(docx), pdf: read(pdf) })) {
    // The last mention is the section itself; the first is its entry in the contents.
    const at = (words: string) => {
      const i = text.lastIndexOf(words);
      assert.ok(i >= 0, `${format} has "${words}"`);
      return i;
    };
    const partOne = at(`Part 1: ${world.plan.title}`);
    const partTwo = at('Part 2: Families First Partnership');
    assert.ok(partOne < partTwo, `${format}: the board’s plan comes first`);
    // Each part has its own sections: the plan's priorities in the first, the programme's in the second.
    assert.ok(at(`Priority 2: ${world.otherPriority.title}`) > partOne);
    assert.ok(text.indexOf('Priority 1: Family help and child protection', partTwo) > partTwo, format);
    assert.ok(text.indexOf('Expectations: Families First Partnership', partTwo) > partTwo, format);
    assert.match(text, /Required expectations:?\s+1 of 2 met/, format);
    assert.match(text, /Recommended expectations:?\s+0 of 1 met/, format);
    assert.match(text, /Not met:?\s+2/, format);
    assert.match(text, /Commitment: We will/, `${format} names the commitment that meets it`);
    assert.match(text, /Measure: Families offered a conference/, format);
    assert.match(text, /Nothing linked yet/, format);
    // The shared measure, in each part against that plan's own target.
    const measureRow = /Families offered a conference 92% \(August 2024\) (\d+)%/g;
    const targets = [...text.matchAll(measureRow)].map((m) => [m.index > partTwo, m[1]]);
    assert.deepEqual(
      targets,
      [
        [false, '90'],
        [true, '95'],
      ],
      format,
    );
  }
  // The programme's risks section is its own, not the plan's.
  assert.equal(html.match(/id="part-1-risks"/g)?.length, 1);
  assert.equal(html.match(/id="part-2-risks"/g)?.length, 1);
  assert.doesNotMatch(html, /id="risks"/);
});

test('issued, the two-plan pack stays as issued when an expectation moves on', async (t) => {
  const { db, programme, meeting, office } = await setUp(t);
  await coverProgramme(office, meeting.id, [String(programme.id)]);
  await office.post(paths.openCycle(meeting.id), {});
  await office.get(paths.meeting(meeting.id));
  assert.equal((await office.post(paths.issuePapers(meeting.id), {})).statusCode, 303);
  const issued = await packTexts(office, meeting.id);
  assert.match(issued.html, /Set up multi-agency child protection teams/);

  await db
    .update(expectations)
    .set({ text: 'Reworded after issue', status: 'met' })
    .where(eq(expectations.planId, programme.id));
  const after = await packTexts(office, meeting.id);
  assert.equal(after.html, issued.html);
  assert.equal(after.docx, issued.docx);
  assert.equal(after.pdf, issued.pdf);

  const api = await office.get(paths.api.meetingPack(meeting.id));
  const json = JSON.parse(api.body) as { parts: { title: string; expectations?: { requiredMet: number } }[] };
  assert.deepEqual(
    json.parts.map((p) => p.title),
    [json.parts[0]!.title, 'Families First Partnership'],
  );
  assert.equal(json.parts[1]!.expectations?.requiredMet, 1, 'the API gives the pack as issued');
});

test('a pack of one plan is laid out as before, and a reform programme alone still gets its summary', async (t) => {
  const { db, world, programme, meeting, office } = await setUp(t);
  const { html } = await packTexts(office, meeting.id);
  assert.doesNotMatch(html, /Part 1:/);
  assert.doesNotMatch(html, /Expectations/);
  assert.match(html, /id="risks"/);
  assert.match(html, new RegExp(world.plan.title));

  const programmeBoard = await buildBoard(db, world.organisationId, programme.id, 'Families First Board');
  const programmeMeeting = await buildMeeting(db, world.organisationId, programmeBoard.id);
  const alone = await packTexts(office, programmeMeeting.id);
  assert.doesNotMatch(alone.html, /Part 1:/);
  assert.match(alone.html, /<h2 id="expectations">Expectations<\/h2>/);
  assert.match(alone.docx, /Required expectations: 1 of 2 met/);
  assert.match(alone.pdf, /Recommended expectations: 0 of 1 met/);
});

test('only the council’s own plans can be covered, and the form keeps what was ticked at an old version', async (t) => {
  const { db, programme, meeting, office } = await setUp(t);
  const otherCouncil = await buildOrganisation(db, 'Elsewhere Council');
  const theirs = await buildPlan(db, otherCouncil, { title: 'Their programme', kind: 'reform-programme' });
  const form = await office.get(paths.meetingPlans(meeting.id));
  assert.doesNotMatch(form.body, /Their programme/);
  const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
  const refused = await office.post(paths.meetingPlans(meeting.id), {
    planIds: [String(theirs.id)],
    version,
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary/);
  assert.match(refused.body, /href="#planIds"[^>]*>Select plans from the list/);

  assert.equal((await coverProgramme(office, meeting.id, [String(programme.id)])).statusCode, 303);
  const stale = await office.post(paths.meetingPlans(meeting.id), { planIds: [], version });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Families First Partnership/, 'the newer choice is shown beside the person’s');
});
