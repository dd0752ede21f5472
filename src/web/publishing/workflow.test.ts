import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  moveFeedback,
  publishQuarter,
  PublishingError,
  submitResponse,
  systemActor,
} from '../../db/publishing/commands.ts';
import { getFeedback, listPublications } from '../../db/publishing/queries.ts';
import { feedback } from '../../db/schema.ts';
import { quarter } from '../../domain/publishing/quarters.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';

const password = 'correct horse battery staple';
const actor = systemActor('Test');

const dayAfter = (iso: string) => {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

async function publishedItem(t: Parameters<typeof testApp>[0]) {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  // Published, with consent to publish without a name.
  const [item] = await database.db
    .select()
    .from(feedback)
    .where(eq(feedback.said, 'You said the forms were hard to read.'));
  assert.ok(item);
  return { app, database, world, item };
}

test('the command refuses a move the workflow does not allow, and writes nothing', async (t) => {
  const { database, world, item } = await publishedItem(t);
  await assert.rejects(
    moveFeedback(database.db, item, 'approved', item.version, actor),
    (error) => error instanceof PublishingError && error.code === 'transition-not-allowed',
  );
  const after = await getFeedback(database.db, world.organisationId, item.id);
  assert.equal(after!.status, 'published');
  assert.equal(after!.version, item.version);
  // Taking it off the public page is allowed.
  const saved = await moveFeedback(database.db, item, 'draft', item.version, actor);
  assert.equal(saved.ok && saved.record.status, 'draft');
});

test('the route refuses a move the workflow does not allow, and the page offers only allowed moves', async (t) => {
  const { app, database, world, item } = await publishedItem(t);
  const pm = new TestClient(app);
  await pm.signIn('pm@fixtureshire.gov.uk', password);
  const page = await pm.get(paths.publishing.feedbackItem(item.id));
  assert.match(page.body, /Take off the public page/);
  assert.doesNotMatch(page.body, /name="status" value="approved"/);
  assert.doesNotMatch(page.body, /name="status" value="published"/);
  const refused = await pm.post(paths.publishing.feedbackStatus(item.id), {
    status: 'approved',
    version: String(item.version),
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /cannot be made approved/);
  assert.equal((await getFeedback(database.db, world.organisationId, item.id))!.status, 'published');
});

test('a quarter of a plan is published once, by the command and by the page', async (t) => {
  const { app, database, world } = await publishedItem(t);
  await assert.rejects(
    publishQuarter(database.db, {
      organisationId: world.organisationId,
      planId: world.plan.id,
      quarter: quarter(2024, 3),
      measureIds: [],
      actor,
      publishedAt: app.clock.now(),
    }),
    (error) => error instanceof PublishingError && error.code === 'quarter-already-published',
  );
  const pm = new TestClient(app);
  await pm.signIn('pm@fixtureshire.gov.uk', password);
  await pm.get(paths.publishing.publish());
  const again = await pm.post(paths.publishing.publish(), {
    planId: String(world.plan.id),
    quarter: quarter(2024, 3).key,
  });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Quarter 3, 2024\/25 has already been published/);
  assert.equal((await listPublications(database.db, world.organisationId)).length, 1);
});

test('a response after the consultation closed is refused by the command', async (t) => {
  const { database, world } = await publishedItem(t);
  const response = {
    respondent: 'parent-or-carer' as const,
    answers: { [world.question.id]: 'Late' },
    formNonce: 'late-nonce-123456',
    senderKey: 'test',
  };
  await assert.rejects(
    submitResponse(database.db, world.consultation, response, dayAfter(world.consultation.closesOn)),
    (error) => error instanceof PublishingError && error.code === 'consultation-closed',
  );
  const saved = await submitResponse(database.db, world.consultation, response, world.consultation.closesOn);
  assert.equal(saved.saved, true);
});
