import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import { systemActor } from '../changes.ts';
import { listHistory } from '../plan/queries.ts';
import {
  addActionUpdate,
  addAgendaItem,
  approveMinutes,
  closeAction,
  createAction,
  MinutesFrozenError,
  MinutesRuleError,
  saveMinutes,
} from './commands.ts';
import { getAction, listAgenda, loadActionLogRows } from './queries.ts';
import { getMeeting } from '../board/queries.ts';

const actor = systemActor('Test');

/** Drizzle wraps the database's refusal; the trigger's words are in its cause. */
const refusedWith = (pattern: RegExp) => (error: Error) =>
  pattern.test(`${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`);

async function setUp(t: TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const september = await buildMeeting(db, world.organisationId, board.id, { meetingOn: '2024-09-10' });
  const october = await buildMeeting(db, world.organisationId, board.id, { meetingOn: '2024-10-15' });
  const ctx = { organisationId: world.organisationId, meeting: september };
  return { db, ...world, board, september, october, ctx };
}

const item = {
  title: 'Deep dive: children who go missing',
  priorityId: null,
  measureId: null,
  highlightReportId: null,
  topic: 'Children missing from home',
};

test('approved minutes are frozen: the command refuses, and so does the database', async (t) => {
  const { db, ctx, october, organisationId } = await setUp(t);
  const added = await addAgendaItem(db, ctx, item, actor);
  const saved = await saveMinutes(
    db,
    { ...ctx, item: added },
    1,
    { minutes: 'The board heard…', decisions: 'Agreed.' },
    actor,
  );
  assert.ok(saved.ok);
  await assert.rejects(
    approveMinutes(db, ctx, { ...ctx.meeting, id: 999, boardId: 999 }, ctx.meeting.version, actor),
    MinutesRuleError,
  );
  const approved = await approveMinutes(db, ctx, october, ctx.meeting.version, actor);
  assert.ok(approved.ok);
  const [current] = await listAgenda(db, ctx.meeting.id);
  await assert.rejects(
    saveMinutes(
      db,
      { ...ctx, item: current! },
      current!.version,
      { minutes: 'Changed', decisions: '' },
      actor,
    ),
    (error: Error) => error instanceof MinutesFrozenError && /15 October|2024-10-15/.test(error.message),
  );
  await assert.rejects(addAgendaItem(db, ctx, item, actor), MinutesFrozenError);
  await assert.rejects(
    db.execute(sql`update agenda_items set minutes = 'rewritten' where id = ${current!.id}`),
    refusedWith(/approved/),
  );
  await assert.rejects(
    db.execute(sql`delete from agenda_items where id = ${current!.id}`),
    refusedWith(/approved/),
  );
  await assert.rejects(
    db.execute(sql`update board_meetings set minutes_approved_at = null where id = ${ctx.meeting.id}`),
    refusedWith(/approval cannot be changed/),
  );
  const again = await getMeeting(db, organisationId, ctx.meeting.id);
  await assert.rejects(
    approveMinutes(db, { ...ctx, meeting: again!.meeting }, october, again!.meeting.version, actor),
    MinutesRuleError,
  );
  const history = await listHistory(db, organisationId, 'board-meeting', ctx.meeting.id);
  assert.ok(history.some((h) => h.after?.minutesApprovedByMeetingId === october.id));
});

test('actions take dated updates (append-only), close with a date, and leave the log once closed before', async (t) => {
  const { db, ctx, october, organisationId, board } = await setUp(t);
  const action = await createAction(
    db,
    ctx,
    {
      agendaItemId: null,
      description: 'Bring the missing-children audit',
      ownerUserId: null,
      ownerName: 'Head of Safeguarding',
      dueOn: '2024-10-15',
      status: 'open',
    },
    actor,
    '2024-09-10',
  );
  await addActionUpdate(
    db,
    { organisationId, action },
    { text: 'Audit under way', today: '2024-09-20' },
    actor,
  );
  const octoberCtx = (await getMeeting(db, organisationId, october.id))!;
  assert.deepEqual(
    (await loadActionLogRows(db, organisationId, octoberCtx)).map((a) => a.id),
    [action.id],
  );
  const closed = await closeAction(
    db,
    { organisationId, action },
    1,
    { status: 'done', note: 'Presented', today: '2024-10-01' },
    actor,
  );
  assert.ok(closed.ok);
  assert.equal(closed.record.closedOn, '2024-10-01');
  const stale = await closeAction(
    db,
    { organisationId, action },
    1,
    { status: 'dropped', note: '', today: '2024-10-02' },
    actor,
  );
  assert.equal(stale.ok, false);
  const read = (await getAction(db, organisationId, action.id))!;
  assert.deepEqual(
    read.action.updates.map((u) => u.text),
    ['Audit under way', 'Presented'],
  );
  assert.equal(read.board.id, board.id);
  // Closed on 1 October, after the September meeting: still in October's log, marked done.
  assert.equal((await loadActionLogRows(db, organisationId, octoberCtx))[0]?.status, 'done');
  const november = await buildMeeting(db, organisationId, board.id, { meetingOn: '2024-11-19' });
  const novemberCtx = (await getMeeting(db, organisationId, november.id))!;
  assert.deepEqual(await loadActionLogRows(db, organisationId, novemberCtx), []);
  await assert.rejects(db.execute(sql`update action_updates set text = 'x'`), refusedWith(/append-only/));
  assert.equal(await getAction(db, organisationId + 1000, action.id), null);
});
