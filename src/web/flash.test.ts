import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testApp } from '../../test/helpers/app.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { buildPlanWithPeople } from '../../test/helpers/builders.ts';
import { defaultDoneMessage } from './forms/record-routes.ts';
import { paths } from './paths.ts';

const banner =
  /<div class="govuk-notification-banner govuk-notification-banner--success"[\s\S]*?<\/div>\s*<\/div>/;

test('a create or an edit is followed by a success banner, shown once', async (t) => {
  const { app, database } = await testApp(t);
  const { people, plan, priority } = await buildPlanWithPeople(database.db);
  const client = new TestClient(app);
  await client.signIn(people.programmeManager.email, people.programmeManager.password);

  await client.get(paths.newPriority(plan.id));
  const created = await client.post(paths.newPriority(plan.id), { number: '3', title: 'Early help' });
  assert.equal(created.statusCode, 303);
  const next = await client.get(created.headers.location as string);
  assert.match(banner.exec(next.body)?.[0] ?? '', /Priority added/);
  assert.match(next.body, /role="alert"/);
  assert.doesNotMatch((await client.get(created.headers.location as string)).body, /Priority added/);

  await client.get(paths.newArea(priority.id));
  const area = await client.post(paths.newArea(priority.id), { title: 'Supervision', source: '' });
  assert.equal(area.statusCode, 303);
  assert.match((await client.get(area.headers.location as string)).body, /Improvement area added/);

  await client.get(paths.editPlan(plan.id));
  const edited = await client.post(paths.editPlan(plan.id), {
    title: 'Our improvement plan',
    period: '2024 to 2026',
    status: 'draft',
    version: '1',
  });
  assert.equal(edited.statusCode, 303);
  assert.match((await client.get(edited.headers.location as string)).body, /Changes saved/);
});

test('a refused form shows no banner, and the public site never shows one', async (t) => {
  const { app, database } = await testApp(t);
  const { people, plan } = await buildPlanWithPeople(database.db);
  const client = new TestClient(app);
  await client.signIn(people.programmeManager.email, people.programmeManager.password);
  await client.get(paths.newPriority(plan.id));
  const refused = await client.post(paths.newPriority(plan.id), { number: '', title: '' });
  assert.equal(refused.statusCode, 400);
  assert.doesNotMatch(refused.body, /govuk-notification-banner--success/);

  await client.post(paths.newPriority(plan.id), { number: '3', title: 'Early help' });
  assert.doesNotMatch((await client.get(paths.public.home())).body, /Priority added/);
  // It waits for the next staff page instead.
  assert.match((await client.get(paths.plans())).body, /Priority added/);
});

test('the default messages read from the form’s title', () => {
  assert.equal(defaultDoneMessage('create', 'Add a priority'), 'Priority added');
  assert.equal(defaultDoneMessage('create', 'Add an acronym'), 'Acronym added');
  assert.equal(defaultDoneMessage('create', 'Add feedback'), 'Feedback added');
  assert.equal(defaultDoneMessage('create', 'Write a report'), 'Saved');
  assert.equal(defaultDoneMessage('edit', 'Change the plan'), 'Changes saved');
});
