import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { recordChange, systemActor } from '../db/changes.ts';
import { priorities } from '../db/schema.ts';
import { testApp } from '../../test/helpers/app.ts';
import { buildPlanWithPeople } from '../../test/helpers/builders.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { paths } from './paths.ts';

const nonceIn = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1];
const styleNonceIn = (html: string) => /<style nonce="([^"]+)"/.exec(html)?.[1];
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

async function signedIn(t: Parameters<typeof testApp>[0]) {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const client = new TestClient(app);
  await client.signIn(world.people.programmeManager.email, 'correct horse battery staple');
  return { app, db: database.db, world, client };
}

test('a kept page is sent again with this answer’s own CSRF token and nonces, which the CSP names', async (t) => {
  const { world, client } = await signedIn(t);
  const first = await client.get(paths.plan(world.plan.id));
  const second = await client.get(paths.plan(world.plan.id));
  assert.equal(second.statusCode, 200);
  for (const page of [first, second]) {
    const csp = String(page.headers['content-security-policy']);
    assert.ok(csp.includes(`'nonce-${nonceIn(page.body)}'`), 'the script nonce is the one the CSP allows');
    const style = styleNonceIn(page.body);
    if (style) assert.ok(csp.includes(`'nonce-${style}'`), 'the style nonce is the one the CSP allows');
    assert.ok(csrfIn(page.body), 'the page carries a CSRF token');
    assert.doesNotMatch(page.body, /wesaid(csrf|script|style)[0-9a-f]{24}/, 'no slot is left unfilled');
  }
  assert.notEqual(nonceIn(first.body), nonceIn(second.body), 'each answer has its own nonce');
  // The kept page's form still works: its token is good for this session.
  const edit = await client.post(paths.editPlan(world.plan.id), {});
  assert.notEqual(edit.statusCode, 403, 'the CSRF token from a kept page is accepted');
});

test('a kept page changes as soon as a change is committed, and not before', async (t) => {
  const { db, world, client } = await signedIn(t);
  const url = paths.priority(world.priority.id);
  assert.match((await client.get(url)).body, /Safe children|Priority 1/);
  // A write without a history row moves nothing (every command writes one): the kept page stays.
  await db
    .update(priorities)
    .set({ title: 'Written behind its back' })
    .where(eq(priorities.id, world.priority.id));
  assert.doesNotMatch((await client.get(url)).body, /Written behind its back/);
  await db.transaction(async (tx) => {
    await tx
      .update(priorities)
      .set({ title: 'Renamed with its history' })
      .where(eq(priorities.id, world.priority.id));
    await recordChange(tx, {
      organisationId: world.organisationId,
      recordType: 'priority',
      recordId: world.priority.id,
      action: 'update',
      actor: systemActor('Test'),
      before: null,
      after: null,
    });
  });
  assert.match((await client.get(url)).body, /Renamed with its history/);
});

test('a kept page is each person’s own: their name and what their role may do', async (t) => {
  const { app, world, client } = await signedIn(t);
  const viewer = new TestClient(app);
  await viewer.signIn(world.people.viewer.email, 'correct horse battery staple');
  const url = paths.plan(world.plan.id);
  const managers = await client.get(url);
  const viewers = await viewer.get(url);
  assert.match(managers.body, new RegExp(world.people.programmeManager.name));
  assert.doesNotMatch(viewers.body, new RegExp(world.people.programmeManager.name));
  assert.match(viewers.body, new RegExp(world.people.viewer.name));
  assert.ok(
    managers.body.includes(paths.newPriority(world.plan.id)),
    'the programme office may add a priority',
  );
  assert.ok(!viewers.body.includes(paths.newPriority(world.plan.id)), 'a viewer may not');
});
