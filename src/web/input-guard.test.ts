import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testApp } from '../../test/helpers/app.ts';
import { buildPlanWithPeople } from '../../test/helpers/builders.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { paths } from './paths.ts';
import { NUL_REFUSED } from './input-guard.ts';

// Input PostgreSQL cannot hold, or a day that does not exist, is the asker's mistake: a 400 saying
// so, never a 500 (issue 14).

test('a NUL byte in the sign-in form, a form field or a query is refused with 400, not 500', async (t) => {
  const { app, database } = await testApp(t);
  const { people, commitment } = await buildPlanWithPeople(database.db);

  const visitor = new TestClient(app);
  await visitor.get(paths.signIn());
  const signIn = await visitor.post(paths.signIn(), { email: `a\u0000@example.org`, password: 'x' });
  assert.equal(signIn.statusCode, 400);
  assert.match(signIn.body, /NUL byte/);

  const client = new TestClient(app);
  await client.signIn(people.programmeManager.email, people.programmeManager.password);
  await client.get(paths.editCommitment(commitment.id));
  const edit = await client.post(paths.editCommitment(commitment.id), {
    text: 'We will\u0000 do it',
    version: '1',
  });
  assert.equal(edit.statusCode, 400);
  assert.match(edit.body, /NUL byte/);

  const search = await client.get(`${paths.plans()}?q=%00`);
  assert.equal(search.statusCode, 400);

  const api = await app.inject({ url: '/api/v1/plans?x=%00', headers: { cookie: client.cookieHeader } });
  assert.equal(api.statusCode, 400);
  assert.equal(api.json<{ detail: string }>().detail, NUL_REFUSED);
});

test('the API refuses a meeting day that does not exist with 400 and accepts a leap day', async (t) => {
  const { app, database } = await testApp(t);
  const { people } = await buildPlanWithPeople(database.db);
  const client = new TestClient(app);
  await client.signIn(people.viewer.email, people.viewer.password);
  const ask = (meeting: string) =>
    app.inject({
      url: `/api/v1/highlight-reports?meeting=${meeting}`,
      headers: { cookie: client.cookieHeader },
    });

  for (const impossible of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31']) {
    const answer = await ask(impossible);
    assert.equal(answer.statusCode, 400, impossible);
    assert.match(answer.json<{ detail: string }>().detail, /real day/);
  }
  assert.equal((await ask('2024-02-29')).statusCode, 200);
});

test('an API filter naming an id beyond what the database holds is not found, not a 500', async (t) => {
  const { app, database } = await testApp(t);
  const { people, plan, priority } = await buildPlanWithPeople(database.db);
  const client = new TestClient(app);
  await client.signIn(people.viewer.email, people.viewer.password);
  const ask = (url: string) => app.inject({ url, headers: { cookie: client.cookieHeader } });

  // Ten digits pass the parameter's pattern but not PostgreSQL's integer (at most 2147483647).
  for (const url of [
    '/api/v1/risks?plan=9999999999',
    '/api/v1/measures?priority=9999999999',
    '/api/v1/case-audits/summary?quarter=2024-25-q2&plan=9999999999',
  ]) {
    const answer = await ask(url);
    assert.equal(answer.statusCode, 404, `${url}: ${answer.body}`);
  }
  assert.equal((await ask(`/api/v1/risks?plan=${plan.id}`)).statusCode, 200);
  assert.equal((await ask(`/api/v1/measures?priority=${priority.id}`)).statusCode, 200);
});
