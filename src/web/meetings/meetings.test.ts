import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOrganisation, buildPlan, buildUser } from '../../../test/helpers/builders.ts';
import { formatDate } from '../../domain/format.ts';
import { paths } from '../paths.ts';
import { recordSeptember, setUpMeetings, versionOn } from '../../../test/helpers/meeting-builders.ts';

test('the programme office records an agenda, attendance, minutes and an action; the next meeting carries it', async (t) => {
  const { september, october, people, as } = await setUpMeetings(t);
  const manager = await as(people.programmeManager);
  const meetingPage = await manager.get(paths.meeting(september.id));
  assert.match(meetingPage.body, new RegExp(`href="${paths.meetingAgenda(september.id)}"`));
  assert.match(meetingPage.body, /Board meeting/);
  const { actionUrl } = await recordSeptember(manager, september.id, people.sponsor.id);

  await manager.get(paths.newAttendee(september.id));
  const missing = await manager.post(paths.newAttendee(september.id), {
    userId: '',
    name: '',
    role: '',
    attendance: 'present',
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Select a person, or enter the name of someone without an account/);
  assert.match(missing.body, /Select the person’s role/);
  const chair = await manager.post(paths.newAttendee(september.id), {
    userId: '',
    name: 'Alex Adviser',
    role: 'independent-chair',
    attendance: 'present',
  });
  assert.equal(chair.statusCode, 303, chair.body);
  await manager.post(paths.newAttendee(september.id), {
    userId: String(people.boardMember.id),
    name: '',
    role: 'lead-member',
    attendance: 'apologies',
  });
  const attendance = await manager.get(paths.meetingAttendance(september.id));
  assert.match(attendance.body, /Alex Adviser<\/th>\s*<td class="govuk-table__cell">Independent chair/);
  assert.match(attendance.body, /Apologies/);

  const minutes = await manager.get(paths.meetingMinutes(september.id));
  assert.match(minutes.body, /The board heard the findings of the deep dive\./);
  assert.match(minutes.body, /Return home interviews to be offered digitally\./);

  const action = await manager.get(actionUrl);
  assert.match(action.body, /Report back on return home interviews/);
  assert.match(action.body, /Sam Sponsor/);

  const next = await manager.get(paths.meetingAgenda(october.id));
  assert.match(next.body, /Actions from earlier meetings/);
  assert.match(next.body, /Report back on return home interviews/);
  const same = await manager.get(paths.meetingAgenda(september.id));
  assert.match(same.body, /No open actions from earlier meetings/);
});

test('approved minutes are frozen: the pages refuse with 409 and say why', async (t) => {
  const { september, october, people, as } = await setUpMeetings(t);
  const manager = await as(people.programmeManager);
  const { itemId } = await recordSeptember(manager, september.id, people.sponsor.id);
  const page = await manager.get(paths.meetingMinutes(september.id));
  const none = await manager.post(paths.approveMinutes(september.id), {
    approvedAt: '',
    version: versionOn(page.body),
  });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Select the meeting that approved the minutes/);
  const approved = await manager.post(paths.approveMinutes(september.id), {
    approvedAt: String(october.id),
    version: versionOn(page.body),
  });
  assert.equal(approved.statusCode, 303, approved.body);
  const after = await manager.get(paths.meetingMinutes(september.id));
  assert.match(after.body, /Approved at the meeting on 15 October 2024/);
  assert.doesNotMatch(after.body, /Change the minutes/);
  const edit = await manager.get(paths.editItemMinutes(itemId));
  assert.equal(edit.statusCode, 409);
  assert.match(edit.body, /These minutes are approved/);
  assert.match(edit.body, /approved at the meeting on 15 October 2024, so they can no longer be changed/);
  const post = await manager.post(paths.editItemMinutes(itemId), {
    minutes: 'Rewritten',
    decisions: '',
    version: '2',
  });
  assert.equal(post.statusCode, 409);
  assert.equal((await manager.get(paths.newAgendaItem(september.id))).statusCode, 409);
});

test('saving minutes over a newer version is a conflict that keeps the person’s text', async (t) => {
  const { september, people, as } = await setUpMeetings(t);
  const first = await as(people.programmeManager);
  const { itemId } = await recordSeptember(first, september.id, people.sponsor.id);
  const second = await as(people.administrator);
  const loaded = await first.get(paths.editItemMinutes(itemId));
  await second.get(paths.editItemMinutes(itemId));
  const saved = await second.post(paths.editItemMinutes(itemId), {
    minutes: 'The administrator’s minutes',
    decisions: '',
    version: versionOn(loaded.body),
  });
  assert.equal(saved.statusCode, 303);
  const clash = await first.post(paths.editItemMinutes(itemId), {
    minutes: 'The manager’s own minutes',
    decisions: '',
    version: versionOn(loaded.body),
  });
  assert.equal(clash.statusCode, 409);
  assert.match(clash.body, /The manager’s own minutes/);
  assert.match(clash.body, /The administrator’s minutes/);
});

test('viewers and sponsors read but may not edit; a sponsor updates an action they own; CSRF is checked', async (t) => {
  const { app, september, october, people, as } = await setUpMeetings(t);
  const manager = await as(people.programmeManager);
  const { itemId, actionUrl } = await recordSeptember(manager, september.id, people.sponsor.id);
  const actionId = actionUrl.split('/').pop()!;
  for (const person of [people.viewer, people.sponsor, people.boardMember]) {
    const client = await as(person);
    assert.equal((await client.get(paths.meetingAgenda(september.id))).statusCode, 200, person.role);
    assert.equal((await client.get(paths.meetingMinutes(september.id))).statusCode, 200);
    assert.equal((await client.get(actionUrl)).statusCode, 200);
    assert.equal((await client.get(paths.newAgendaItem(september.id))).statusCode, 403, person.role);
    assert.equal((await client.get(paths.editItemMinutes(itemId))).statusCode, 403);
    assert.equal((await client.get(paths.newAttendee(september.id))).statusCode, 403);
    assert.equal((await client.get(paths.newAction(september.id))).statusCode, 403);
    assert.equal((await client.get(paths.editAction(actionId))).statusCode, 403);
    assert.equal((await client.get(paths.closeAction(actionId))).statusCode, 403);
    const approve = await client.post(paths.approveMinutes(september.id), {
      approvedAt: String(october.id),
      version: '1',
    });
    assert.equal(approve.statusCode, 403);
  }
  const other = await as(people.otherSponsor);
  assert.equal((await other.get(paths.newActionUpdate(actionId))).statusCode, 403);
  const sponsor = await as(people.sponsor);
  const form = await sponsor.get(paths.newActionUpdate(actionId));
  assert.equal(form.statusCode, 200);
  const noToken = await sponsor.post(paths.newActionUpdate(actionId), {
    text: 'Pilot under way',
    _csrf: null,
  });
  assert.equal(noToken.statusCode, 403);
  const update = await sponsor.post(paths.newActionUpdate(actionId), { text: 'Pilot under way' });
  assert.equal(update.statusCode, 303, update.body);
  const page = await sponsor.get(actionUrl);
  // Dated by the app's clock: the suite runs at two dates.
  assert.ok(
    page.body.includes(`${formatDate(app.clock.today())}</strong>, Sam Sponsor: Pilot under way`),
    'the update with its date and author',
  );
});

test('closing an action takes it off the next agenda; the API lists actions by meeting and status', async (t) => {
  const { app, september, october, people, as } = await setUpMeetings(t);
  const manager = await as(people.programmeManager);
  const { actionUrl } = await recordSeptember(manager, september.id, people.sponsor.id);
  const actionId = actionUrl.split('/').pop()!;
  const open = await manager.get(paths.api.actions({ status: 'open' }));
  assert.equal(open.statusCode, 200);
  const [item] = open.json<{
    items: {
      id: number;
      meetingId: number;
      owner: string;
      dueDate: string;
      status: string;
      updates: unknown[];
    }[];
  }>().items;
  assert.deepEqual(
    {
      id: item!.id,
      meetingId: item!.meetingId,
      owner: item!.owner,
      dueDate: item!.dueDate,
      status: item!.status,
      updates: item!.updates,
    },
    {
      id: Number(actionId),
      meetingId: september.id,
      owner: 'Sam Sponsor',
      dueDate: '2024-10-15',
      status: 'open',
      updates: [],
    },
  );
  const closeForm = await manager.get(paths.closeAction(actionId));
  const closed = await manager.post(paths.closeAction(actionId), {
    status: 'done',
    note: 'Reported to the board',
    version: versionOn(closeForm.body),
  });
  assert.equal(closed.statusCode, 303, closed.body);
  const next = await manager.get(paths.meetingAgenda(october.id));
  assert.match(next.body, /No open actions from earlier meetings/);
  const byMeeting = (await manager.get(paths.api.meetingActions(september.id))).json<{
    items: { status: string; updates: { text: string; date: string }[] }[];
  }>();
  assert.equal(byMeeting.items[0]!.status, 'done');
  assert.deepEqual(
    byMeeting.items[0]!.updates.map((u) => [u.date, u.text]),
    [[app.clock.today(), 'Reported to the board']],
  );
  assert.deepEqual((await manager.get(paths.api.actions({ status: 'open' }))).json(), { items: [] });
  assert.equal((await manager.get(paths.api.actions({ status: 'shut' }))).statusCode, 400);
});

test('another council’s meeting record is not found, and its API leaves it out', async (t) => {
  const { db, september, people, as } = await setUpMeetings(t);
  const manager = await as(people.programmeManager);
  const { itemId, actionUrl } = await recordSeptember(manager, september.id, people.sponsor.id);
  const elsewhere = await buildOrganisation(db, 'Elsewhere Borough Council');
  await buildPlan(db, elsewhere);
  const outsider = await as(await buildUser(db, 'administrator', { organisationId: elsewhere }));
  for (const url of [
    paths.meetingAgenda(september.id),
    paths.meetingMinutes(september.id),
    paths.meetingAttendance(september.id),
    paths.meetingActions(september.id),
    paths.editItemMinutes(itemId),
    paths.editAgendaItem(itemId),
    actionUrl,
    `${actionUrl}/edit`,
    paths.api.meetingActions(september.id),
  ]) {
    assert.equal((await outsider.get(url)).statusCode, 404, url);
  }
  assert.deepEqual((await outsider.get(paths.api.actions())).json(), { items: [] });
});
