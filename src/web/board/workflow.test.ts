import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import { moveReport } from '../../db/board/commands.ts';
import { highlightReports } from '../../db/schema.ts';
import {
  allowedReportActions,
  decide,
  participantOf,
  reportStates,
  reportTransitions,
  type ReportAction,
  type ReportState,
} from '../../domain/workflows/highlight-report.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildBoard, buildMeeting } from '../../../test/helpers/board-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';

/*
 * The pages and the API obey the highlight report workflow machine: in every state, each person
 * sees exactly the buttons the machine allows them, the API lists exactly those actions, and a
 * POST the machine refuses is refused (403 when never theirs, 409 when not in this state).
 */

async function reportWorld(t: TestContext) {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2024-10-01' });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  const meeting = await buildMeeting(db, world.organisationId, board.id);
  const people = {
    sponsor: world.people.sponsor,
    office: world.people.programmeManager,
    member: world.people.boardMember,
    viewer: world.people.viewer,
    otherSponsor: world.people.otherSponsor,
  };
  const clients = {} as Record<keyof typeof people, TestClient>;
  for (const [name, person] of Object.entries(people) as [
    keyof typeof people,
    (typeof people)['sponsor'],
  ][]) {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    clients[name] = client;
  }
  await clients.office.get(paths.meeting(meeting.id));
  assert.equal((await clients.office.post(paths.openCycle(meeting.id), {})).statusCode, 303);
  const [report] = await db
    .select()
    .from(highlightReports)
    .where(eq(highlightReports.priorityId, world.priority.id));
  await db.update(highlightReports).set({ currentRag: 'amber' }).where(eq(highlightReports.id, report!.id));
  const stateOf = async () =>
    (await db.select().from(highlightReports).where(eq(highlightReports.id, report!.id)))[0]!.state;
  const office = { userId: people.office.id, name: people.office.name };
  /** Moves the report to a state through the commands, along the machine's own paths. */
  const moveTo = async (state: ReportState) => {
    const path: Record<ReportState, ('submit' | 'return' | 'approve')[]> = {
      draft: [],
      submitted: ['submit'],
      returned: ['submit', 'return'],
      approved: ['submit', 'approve'],
    };
    for (const action of path[state])
      await moveReport(
        db,
        world.organisationId,
        {
          reportId: report!.id,
          action,
          comment: 'Say more.',
          as: action === 'submit' ? 'sponsor' : 'programme-office',
        },
        office,
      );
    assert.equal(await stateOf(), state);
  };
  const sponsorsOf = [people.sponsor.id];
  const participant = (name: keyof typeof people) => participantOf(people[name], sponsorsOf);
  return { app, db, world, people, clients, reportId: report!.id, moveTo, stateOf, participant };
}

/** The buttons a report page shows, by the workflow action each one takes. */
function buttonsOn(body: string, reportId: number): ReportAction[] {
  const shown: ReportAction[] = [];
  if (body.includes(`href="${paths.editHighlightReport(reportId)}"`)) shown.push('edit');
  for (const action of reportTransitions)
    if (body.includes(`action="${paths.moveHighlightReport(reportId, action)}"`)) shown.push(action);
  if (body.includes(`action="${paths.highlightReportComments(reportId)}"`)) shown.push('comment');
  const order: ReportAction[] = ['edit', 'submit', 'return', 'approve', 'comment'];
  return shown.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

for (const state of reportStates) {
  test(`a ${state} report: the page shows each person exactly the buttons the workflow allows`, async (t) => {
    const w = await reportWorld(t);
    await w.moveTo(state);
    for (const name of Object.keys(w.clients) as (keyof typeof w.clients)[]) {
      const page = await w.clients[name].get(paths.highlightReport(w.reportId));
      assert.equal(page.statusCode, 200);
      assert.deepEqual(
        buttonsOn(page.body, w.reportId),
        allowedReportActions(state, w.participant(name)),
        `${name} on a ${state} report`,
      );
    }
  });

  test(`a ${state} report: the API lists for each person exactly the actions the workflow allows`, async (t) => {
    const w = await reportWorld(t);
    await w.moveTo(state);
    for (const name of Object.keys(w.clients) as (keyof typeof w.clients)[]) {
      const response = await w.clients[name].get(paths.api.highlightReports({ meeting: '2024-10-15' }));
      assert.equal(response.statusCode, 200);
      const item = response
        .json<{ items: { id: number; state: string; actions: string[] }[] }>()
        .items.find((i) => i.id === w.reportId)!;
      assert.equal(item.state, state);
      assert.deepEqual(item.actions, allowedReportActions(state, w.participant(name)), `${name}, ${state}`);
    }
  });

  test(`a ${state} report: every POST the workflow refuses is refused and changes nothing`, async (t) => {
    const w = await reportWorld(t);
    await w.moveTo(state);
    for (const name of Object.keys(w.clients) as (keyof typeof w.clients)[]) {
      const client = w.clients[name];
      for (const action of [...reportTransitions, 'edit', 'comment'] as const) {
        const decision = decide(state, action, w.participant(name));
        if (decision.ok) continue;
        await client.get(paths.highlightReport(w.reportId));
        const path =
          action === 'edit'
            ? paths.editHighlightReport(w.reportId)
            : action === 'comment'
              ? paths.highlightReportComments(w.reportId)
              : paths.moveHighlightReport(w.reportId, action);
        const body: Record<string, string> =
          action === 'edit'
            ? { version: '1', currentRag: 'green', reason: 'Changed.' }
            : action === 'comment'
              ? { text: 'A comment.' }
              : { comment: 'A comment.' };
        const response = await client.post(path, body);
        const refused = decision.refusal === 'not-yours' ? [403] : [400, 409];
        assert.ok(
          refused.includes(response.statusCode),
          `${name} ${action} on a ${state} report: ${response.statusCode}`,
        );
        assert.equal(await w.stateOf(), state);
      }
    }
  });
}

test('a returned report: its sponsor may change and resubmit it, through the pages', async (t) => {
  const w = await reportWorld(t);
  await w.moveTo('returned');
  const sponsor = w.clients.sponsor;
  const [row] = await w.db.select().from(highlightReports).where(eq(highlightReports.id, w.reportId));
  await sponsor.get(paths.editHighlightReport(w.reportId));
  const saved = await sponsor.post(paths.editHighlightReport(w.reportId), {
    version: String(row!.version),
    currentRag: 'amber',
    reason: 'Audit findings added.',
  });
  assert.equal(saved.statusCode, 303);
  await sponsor.get(paths.highlightReport(w.reportId));
  assert.equal((await sponsor.post(paths.moveHighlightReport(w.reportId, 'submit'), {})).statusCode, 303);
  assert.equal(await w.stateOf(), 'submitted');
});
