import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { testApp } from './app.ts';
import { buildPlanWithPeople } from './builders.ts';
import { buildBoard, buildMeeting } from './board-builders.ts';
import { TestClient } from './client.ts';
import { paths } from '../../src/web/paths.ts';

/*
 * Meetings of record: a board with its 10 September and 15 October meetings, people of every role
 * to sign in as, and the programme office recording September through the pages.
 */

export const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)![1]!;

export async function setUpMeetings(t: TestContext) {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const board = await buildBoard(database.db, world.organisationId, world.plan.id);
  const september = await buildMeeting(database.db, world.organisationId, board.id, {
    meetingOn: '2024-09-10',
    papersDueOn: '2024-09-03',
  });
  const october = await buildMeeting(database.db, world.organisationId, board.id);
  const as = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    return client;
  };
  return { app, db: database.db, ...world, board, september, october, as };
}

/** The programme office's September record: one deep-dive item with minutes and an action owned by the sponsor. */
export async function recordSeptember(
  client: TestClient,
  meetingId: number,
  sponsorId: number,
): Promise<{ itemId: string; actionUrl: string }> {
  await client.get(paths.newAgendaItem(meetingId));
  const added = await client.post(paths.newAgendaItem(meetingId), {
    title: 'Deep dive: children who go missing',
    about: '',
    topic: 'Children missing from home and care',
  });
  assert.equal(added.statusCode, 303, added.body);
  const agenda = await client.get(paths.meetingAgenda(meetingId));
  const itemId = /\/agenda-items\/(\d+)\/edit/.exec(agenda.body)![1]!;
  const minutesForm = await client.get(paths.editItemMinutes(itemId));
  const minutes = await client.post(paths.editItemMinutes(itemId), {
    minutes: 'The board heard the findings of the deep dive.',
    decisions: 'Return home interviews to be offered digitally.',
    version: versionOn(minutesForm.body),
  });
  assert.equal(minutes.statusCode, 303, minutes.body);
  await client.get(paths.newAction(meetingId));
  const action = await client.post(paths.newAction(meetingId), {
    description: 'Report back on return home interviews',
    agendaItemId: itemId,
    ownerUserId: String(sponsorId),
    ownerName: '',
    'dueOn-day': '15',
    'dueOn-month': '10',
    'dueOn-year': '2024',
    status: 'open',
  });
  assert.equal(action.statusCode, 303, action.body);
  return { itemId, actionUrl: action.headers.location as string };
}
