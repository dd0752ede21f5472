import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import { systemActor } from '../changes.ts';
import { highlightReports } from '../schema.ts';
import {
  addReportComment,
  moveReport,
  openCycle,
  ReportTransitionError,
  saveReport,
  WorkflowError,
} from './commands.ts';
import { loadRagScale } from './queries.ts';
import {
  decide,
  reportParticipants,
  reportStates,
  reportTransitions,
  type ReportState,
} from '../../domain/workflows/highlight-report.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import { testDatabase } from '../../../test/helpers/database.ts';

/* The commands obey the highlight report workflow machine, and refuse the rest with a typed error. */

const actor = systemActor('Test');

async function draftReport(t: TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  await openCycle(
    db,
    world.organisationId,
    { meetingId: meeting.id, planId: world.plan.id, scale: await loadRagScale(db, world.organisationId) },
    actor,
  );
  const [report] = await db
    .select()
    .from(highlightReports)
    .where(eq(highlightReports.priorityId, world.priority.id));
  await db.update(highlightReports).set({ currentRag: 'amber' }).where(eq(highlightReports.id, report!.id));
  const reportId = report!.id;
  const org = world.organisationId;
  const state = async () =>
    (await db.select().from(highlightReports).where(eq(highlightReports.id, reportId)))[0]!;
  const moveTo = async (target: ReportState) => {
    const path = {
      draft: [],
      submitted: ['submit'],
      returned: ['submit', 'return'],
      approved: ['submit', 'approve'],
    } as const;
    for (const action of path[target])
      await moveReport(db, org, { reportId, action, comment: 'Say more.', as: 'programme-office' }, actor);
  };
  return { db, org, reportId, state, moveTo };
}

const data = {
  currentRag: 'green',
  currentRagDefinition: '',
  reason: 'Changed.',
  completedBy: '',
  areas: [],
  commitmentIds: [],
  measureIds: [],
};

for (const from of reportStates) {
  test(`from ${from}: each transition happens exactly when the machine allows it, else a typed error`, async (t) => {
    for (const action of reportTransitions) {
      for (const who of reportParticipants) {
        const decision = decide(from, action, who);
        const w = await draftReport(t);
        await w.moveTo(from);
        const move = moveReport(
          w.db,
          w.org,
          { reportId: w.reportId, action, comment: 'Why?', as: who },
          actor,
        );
        if (decision.ok) {
          const { report } = await move;
          assert.equal(report.state, decision.step.to, `${who} ${action} from ${from}`);
        } else {
          await assert.rejects(move, (error: unknown) => {
            assert.ok(error instanceof ReportTransitionError);
            assert.equal(error.code, decision.refusal);
            assert.equal(error.state, from);
            assert.equal(error.action, action);
            return true;
          });
          assert.equal((await w.state()).state, from, 'nothing changed');
        }
      }
    }
  });
}

test('edits are saved in draft and returned, and refused with a typed error once submitted or approved', async (t) => {
  for (const from of reportStates) {
    const w = await draftReport(t);
    await w.moveTo(from);
    const before = await w.state();
    const save = saveReport(
      w.db,
      w.org,
      { reportId: w.reportId, expectedVersion: before.version, data, as: 'sponsor' },
      actor,
    );
    if (decide(from, 'edit', 'sponsor').ok) assert.equal((await save).ok, true, from);
    else
      await assert.rejects(
        save,
        (e: unknown) => e instanceof ReportTransitionError && e.code === 'not-in-this-state',
      );
  }
});

test('a return needs a comment; a reader may not comment', async (t) => {
  const w = await draftReport(t);
  await w.moveTo('submitted');
  await assert.rejects(
    moveReport(
      w.db,
      w.org,
      { reportId: w.reportId, action: 'return', comment: '  ', as: 'programme-office' },
      actor,
    ),
    (e: unknown) => e instanceof WorkflowError && e.code === 'comment-required',
  );
  assert.equal((await w.state()).state, 'submitted');
  await assert.rejects(
    addReportComment(w.db, w.org, { reportId: w.reportId, userId: 1, text: 'Hello', as: 'reader' }, actor),
    (e: unknown) => e instanceof ReportTransitionError && e.code === 'not-yours',
  );
});
