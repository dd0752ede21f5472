import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordSeptember, setUpMeetings } from '../../../test/helpers/meeting-builders.ts';
import { paths } from '../paths.ts';

test('search finds a meeting’s minutes and its actions, each linking to its page', async (t) => {
  const { september, people, as } = await setUpMeetings(t);
  const office = await as(people.programmeManager);
  const { actionUrl } = await recordSeptember(office, september.id, people.sponsor.id);

  const sponsor = await as(people.sponsor);
  const api = await sponsor.get(`${paths.api.search()}?q=${encodeURIComponent('return home interviews')}`);
  assert.equal(api.statusCode, 200);
  const items = api.json<{ items: { type: string; url: string; snippet: string }[] }>().items;
  const minutes = items.find((i) => i.type === 'minutes');
  const action = items.find((i) => i.type === 'action');
  assert.ok(minutes, 'the decision in the minutes is found');
  assert.equal(minutes.url, paths.meetingMinutes(september.id));
  assert.match(minutes.snippet, /<mark>/);
  assert.ok(action, 'the action is found');
  assert.equal(action.url, new URL(actionUrl, 'http://x').pathname);
  for (const item of [minutes, action]) assert.equal((await sponsor.get(item.url)).statusCode, 200);

  const page = await sponsor.get(`${paths.search()}?q=deep+dive`);
  assert.match(page.body, /Minutes/);
  assert.match(page.body, /Deep dive: children who go missing/);
});
