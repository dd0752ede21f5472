import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { commitments } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';

test('a needs-review flag is resolved with a required note, kept in the history; a viewer may not', async (t) => {
  const { app, database } = await testApp(t);
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const id = world.commitment.id;
  await db.update(commitments).set({ needsReview: 'Two "We did" paragraphs.' }).where(eq(commitments.id, id));

  const viewer = new TestClient(app);
  await viewer.signIn(world.people.viewer.email, world.people.viewer.password);
  assert.equal((await viewer.get(paths.resolveReview(id))).statusCode, 403);

  const pm = new TestClient(app);
  await pm.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  const page = await pm.get(paths.commitment(id));
  assert.match(page.body, /Needs review: Two &quot;We did&quot; paragraphs\./);
  assert.match(page.body, /Resolve the review/);
  const form = await pm.get(paths.resolveReview(id));
  assert.equal(form.statusCode, 200);
  const [row] = await db.select().from(commitments).where(eq(commitments.id, id));
  const blank = await pm.post(paths.resolveReview(id), { note: '', version: String(row!.version) });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /href="#note">Enter how the review was resolved/);
  const stale = await pm.post(paths.resolveReview(id), {
    note: 'Checked',
    version: String(row!.version - 1 || 99),
  });
  assert.equal(stale.statusCode, 409);
  await pm.get(paths.resolveReview(id));
  const done = await pm.post(paths.resolveReview(id), {
    note: 'Checked with the owner: both answer it.',
    version: String(row!.version),
  });
  assert.equal(done.statusCode, 303);
  const after = await pm.get(paths.commitment(id));
  assert.match(after.body, /Review resolved/);
  assert.doesNotMatch(after.body, /Needs review:/);
  const history = await pm.get(paths.history('commitment', id));
  assert.match(history.body, /Checked with the owner: both answer it\./);
  assert.match(history.body, /Review resolved/);
});
