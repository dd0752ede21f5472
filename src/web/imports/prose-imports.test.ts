/*
 * Importing minutes and an Ofsted letter through the pages: the preview shows the meeting's agenda
 * items with their discussion, its attendance, and the letter's inspection with its findings, each
 * with the lines it came from; confirming writes the meeting's record and the inspection record;
 * undo removes them. A council's minutes and Ofsted's letter are read from ../shared/corpus.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  agendaItems,
  inspectionFindings,
  inspectionJudgements,
  inspections,
  meetingActions,
  meetingAttendees,
} from '../../db/schema.ts';
import { boardMinutes, monitoringLetter } from '../../import/mapping/fixtures/prose-documents.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import { sharedFile } from '../../../test/helpers/shared.ts';

const corpus = (name: string) => readFileSync(sharedFile('corpus', 'docs', name));

async function upload(app: FastifyInstance, client: TestClient, fileName: string, bytes: Buffer) {
  const boundary = '----wesaid-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/imports',
    headers: {
      cookie: (client as unknown as { cookie: string }).cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
}

async function setUp(t: import('node:test').TestContext) {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const manager = await buildUser(database.db, 'programme-manager', { organisationId });
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  await client.get('/imports/new');
  return { app, db: database.db, client };
}

const rows = async (
  db: Awaited<ReturnType<typeof setUp>>['db'],
  table: typeof agendaItems | typeof inspections,
) => (await db.select({ n: count() }).from(table))[0]!.n;

test('minutes: the preview shows each item with its discussion and lines; confirming writes the meeting’s record', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(app, client, 'board-minutes.txt', Buffer.from(boardMinutes));
  assert.equal(uploaded.statusCode, 303);
  const url = uploaded.headers.location as string;
  const preview = await client.get(url);
  assert.match(preview.body, /board or committee minutes/);
  assert.match(preview.body, /Agenda item: 3\. Front door performance/);
  assert.match(preview.body, /Contacts had risen by 12% since the autumn\./);
  assert.match(preview.body, /From lines 14 to 17/);
  assert.match(preview.body, /Sam Okafor<\/td><td class="govuk-table__cell">Independent Chair/);
  // The side-by-side table: the action beside the line it came from.
  assert.match(
    preview.body,
    /meeting-action<\/td>\s*<td class="govuk-table__cell">Tom Reed to bring the audit/,
  );
  assert.equal(await rows(db, agendaItems), 0, 'nothing written before confirming');

  const confirmed = await client.post(`${url}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  const items = await db.select().from(agendaItems).orderBy(agendaItems.position);
  assert.deepEqual(
    items.map((i) => i.title),
    [
      '1 Welcome and apologies',
      '2 Minutes of the last meeting',
      '3 Front door performance',
      '4 Any other business',
    ],
  );
  assert.match(items[2]!.minutes, /Members asked whether the rise was seasonal\./);
  assert.match(items[2]!.decisions, /deep dive in March/);
  const [action] = await db.select().from(meetingActions);
  assert.equal(action!.agendaItemId, items[2]!.id);
  assert.equal(action!.ownerName, 'Tom Reed');
  assert.equal(action!.dueOn, '2025-03-31');
  assert.equal(action!.dueText, 'end of March');
  const attendees = await db.select().from(meetingAttendees).orderBy(meetingAttendees.id);
  assert.deepEqual(
    attendees.map((a) => [a.name, a.role, a.attendance]),
    [
      ['Sam Okafor (Independent Chair)', 'independent-chair', 'present'],
      ['Cllr Jo Hale (Lead Member)', 'lead-member', 'present'],
      ['Priya Shah (DfE Adviser)', 'dfe-adviser', 'present'],
      ["Tom Reed (Director of Children's Services)", 'officer', 'present'],
      ['Ann Lee (Designated Nurse, ICB)', 'partner', 'apologies'],
    ],
  );

  const undone = await client.post(`${url}/undo`, {});
  assert.equal(undone.statusCode, 303);
  assert.equal(await rows(db, agendaItems), 0);
  assert.equal((await db.select({ n: count() }).from(meetingAttendees))[0]!.n, 0);
});

test('a council’s minuted item: its number, discussion and resolutions on its committee’s meeting', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(
    app,
    client,
    'sefton.txt',
    corpus('sefton_scrutiny-minutes-resolution_2017.txt'),
  );
  const url = uploaded.headers.location as string;
  const preview = await client.get(url);
  assert.match(preview.body, /Agenda item: 18\. Updated Children&#39;s Social Care Improvement Plan/);
  assert.match(preview.body, /0 not placed/);
  await client.post(`${url}/confirm`, {});
  const [item] = await db.select().from(agendaItems);
  assert.match(item!.minutes, /^Report of the Head of Children’s Social Care\n\nThe Committee considered/);
  assert.match(item!.decisions, /^1 the new action plan/);
  assert.match(item!.decisions, /\n2 six monthly progress reports/);
});

test('an Ofsted letter: the preview shows the visit and its findings; confirming writes the inspection record', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(app, client, 'letter.txt', Buffer.from(monitoringLetter));
  const url = uploaded.headers.location as string;
  const preview = await client.get(url);
  assert.match(preview.body, /Inspection: Monitoring visit/);
  assert.match(preview.body, /3 June 2025 to 4 June 2025/);
  assert.match(
    preview.body,
    /Managers oversee the work of their teams well\.<\/td><td class="govuk-table__cell">Strengths<\/td><td class="govuk-table__cell">line 15/,
  );
  assert.equal(await rows(db, inspections), 0);

  await client.post(`${url}/confirm`, {});
  const [inspection] = await db.select().from(inspections);
  assert.equal(inspection!.kind, 'monitoring-visit');
  assert.equal(inspection!.startDate, '2025-06-03');
  assert.equal(inspection!.endDate, '2025-06-04');
  assert.equal(inspection!.frameworkVersion, 'ilacs-2023');
  assert.match(inspection!.focus, /front door/);
  const findings = await db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.inspectionId, inspection!.id))
    .orderBy(inspectionFindings.id);
  assert.deepEqual(
    findings.map((f) => [f.kind, f.number]),
    [
      ['finding', null],
      ['strength', null],
      ['recommendation', 1],
      ['recommendation', 2],
    ],
  );
  assert.equal(findings[2]!.improvementAreaIds.length, 1, 'the recommendation is answered by its area');

  await client.post(`${url}/undo`, {});
  assert.equal(await rows(db, inspections), 0);
});

test('a re-inspection report’s judgements are written on its framework’s areas', async (t) => {
  const { app, db, client } = await setUp(t);
  const uploaded = await upload(
    app,
    client,
    'manchester.txt',
    corpus('manchester_ofsted-inspection-report-judgements_2017.txt'),
  );
  await client.post(`${uploaded.headers.location as string}/confirm`, {});
  const [inspection] = await db.select().from(inspections);
  assert.equal(inspection!.kind, 'sif-inspection');
  assert.equal(inspection!.frameworkVersion, 'sif');
  assert.equal(inspection!.publishedDate, '2017-12-21');
  const judged = await db.select().from(inspectionJudgements).orderBy(inspectionJudgements.area);
  assert.deepEqual(
    judged.map((j) => [j.area, j.grade]),
    [
      ['adoption', 'good'],
      ['care-leavers', 'requires-improvement'],
      ['help-and-protection', 'requires-improvement'],
      ['leadership', 'good'],
      ['looked-after-and-permanence', 'requires-improvement'],
      ['overall-effectiveness', 'requires-improvement'],
    ],
  );
});

test('a person reads a document as minutes: its paragraphs become the item’s discussion', async (t) => {
  const { app, client } = await setUp(t);
  const notes = [
    'Corporate Parenting Board, 5 March 2025',
    '',
    'Members reviewed the sufficiency strategy and the foster carer recruitment figures.',
    '',
    'The chair thanked officers for the report.',
  ].join('\n');
  const uploaded = await upload(app, client, 'notes.txt', Buffer.from(notes));
  const url = uploaded.headers.location as string;
  assert.doesNotMatch((await client.get(url)).body, /Agenda item:/);
  const changed = await client.post(`${url}/reading`, { kind: 'board-minutes' });
  assert.equal(changed.statusCode, 303);
  const preview = await client.get(url);
  assert.match(preview.body, /Agenda item: Minutes/);
  assert.match(preview.body, /Members reviewed the sufficiency strategy/);
});
