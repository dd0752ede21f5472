import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';
import { getSettings } from '../../db/publishing/queries.ts';
import { paths } from '../paths.ts';

// Saving the publishing settings over someone else's newer save is a conflict, never a silent
// overwrite (issue 14: the version was ignored).
test('the target reading age is saved at its version; an older version is answered 409 with both', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const manager = new TestClient(app);
  await manager.signIn('pm@fixtureshire.gov.uk', 'correct horse battery staple');
  const form = await manager.get(paths.publishing.settings());
  const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;

  const saved = await manager.post(paths.publishing.settings(), { targetReadingAge: '9', version });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, paths.publishing.glossary());
  assert.match((await manager.get(paths.publishing.glossary())).body, /Target reading age saved/);

  const stale = await manager.post(paths.publishing.settings(), { targetReadingAge: '14', version });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else changed this while you were editing/);
  assert.equal((await getSettings(database.db, world.organisationId)).targetReadingAge, 9);

  const wrong = await manager.post(paths.publishing.settings(), { targetReadingAge: '40', version: '2' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Target reading age must be a whole number from 6 to 18/);
});
