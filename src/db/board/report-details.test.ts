import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightReportItems, highlightReports } from '../schema.ts';
import { loadReportDetail, loadReportDetails } from './report-detail.ts';
import { buildArea, buildCommitment, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildApprovedReport, buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { testDatabase } from '../../../test/helpers/database.ts';

/*
 * The board pack reads every report of a meeting in one batch; the report page reads one. Each
 * report's rows must be its own: its items, links, previous report, overdue commitments and measures,
 * never a neighbour's.
 */
test('reports read together get the same rows as each read alone, none mixed with another priority', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const { db } = database;
  const world = await buildPlanWithPeople(db);
  const { organisationId, priority, otherPriority } = world;
  const otherArea = await buildArea(db, organisationId, otherPriority.id, { title: 'Recruitment' });
  await buildCommitment(db, organisationId, otherPriority.id, { text: 'Late one', dueOn: '2024-08-01' });
  await buildCommitment(db, organisationId, priority.id, { text: 'Late too', dueOn: '2024-07-01' });
  await buildMeasure(
    db,
    organisationId,
    { name: 'Only the first' },
    [{ period: '2024-08', value: 95 }],
    [priority.id],
  );
  await buildMeasure(
    db,
    organisationId,
    { name: 'Shared' },
    [{ period: '2024-08', value: 40 }],
    [priority.id, otherPriority.id],
  );
  const board = await buildBoard(db, organisationId, world.plan.id);
  const earlier = await buildApprovedReport(db, organisationId, board.id, otherPriority.id, {
    reason: 'Earlier reason',
  });
  await db.insert(highlightReportItems).values({
    reportId: earlier.report.id,
    improvementAreaId: otherArea.id,
    section: 'progress',
    position: 0,
    depth: 0,
    text: 'Earlier progress',
  });
  const meeting = await buildMeeting(db, organisationId, board.id);
  const reports = await db
    .insert(highlightReports)
    .values([
      { meetingId: meeting.id, priorityId: priority.id, currentRag: 'green', reason: 'First' },
      { meetingId: meeting.id, priorityId: otherPriority.id, currentRag: 'red', reason: 'Second' },
    ])
    .returning();
  await db.insert(highlightReportItems).values([
    {
      reportId: reports[0]!.id,
      improvementAreaId: world.area.id,
      section: 'progress',
      position: 0,
      depth: 0,
      text: 'A',
    },
    {
      reportId: reports[1]!.id,
      improvementAreaId: otherArea.id,
      section: 'progress',
      position: 0,
      depth: 0,
      text: 'B',
    },
  ]);

  const input = { meetingOn: meeting.meetingOn, today: '2024-10-01' };
  const together = await loadReportDetails(db, { ...input, reports });
  const alone = [];
  for (const report of reports) alone.push(await loadReportDetail(db, { ...input, report }));
  assert.deepEqual(together, alone);

  const [first, second] = together;
  assert.deepEqual(
    first!.overdueCommitments.map((c) => c.text),
    ['Late too'],
  );
  assert.deepEqual(
    second!.overdueCommitments.map((c) => c.text),
    ['Late one'],
  );
  assert.deepEqual(
    first!.measures.map((m) => m.name),
    ['Only the first', 'Shared'],
  );
  assert.deepEqual(
    second!.measures.map((m) => m.name),
    ['Shared'],
  );
  assert.equal(first!.previousReport, undefined);
  assert.equal(second!.previousReport?.reason, 'Earlier reason');
  const texts = (d: (typeof together)[number]) =>
    d.areas.flatMap((a) => [...a.progress, ...a.nextPeriod].map((i) => i.text));
  assert.deepEqual(texts(first!), ['A']);
  assert.deepEqual(texts(second!), ['B']);
  assert.deepEqual(await loadReportDetails(db, { ...input, reports: [] }), []);
});
