import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { eq } from 'drizzle-orm';
import { listPublications } from '../../db/publishing/queries.ts';
import { commitments, plans, publications } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPublishedCouncil, internal } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';

const password = 'correct horse battery staple';

async function signedIn(t: TestContext) {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const pm = new TestClient(app);
  await pm.signIn('pm@fixtureshire.gov.uk', password);
  await pm.get(paths.publishing.publish());
  return { app, database, world, pm };
}

const previewedOf = (body: string) => /name="previewed" value="([0-9a-f]+)"/.exec(body)![1]!;

test('the preview shows what will be public and what changed since the plan was last published', async (t) => {
  const { database, world, pm } = await signedIn(t);
  await database.db
    .update(commitments)
    .set({ status: 'in-progress', text: 'We said we would open five family hubs.' })
    .where(eq(commitments.id, world.commitment.id));
  const choice = {
    planId: String(world.plan.id),
    quarter: '2024-25-q4',
    measureIds: String(world.measure.id),
    // The fixture's hard "We said" reads above the target: the easy read needs a reason.
    easyReadReason: 'Kept to show how the easy read flags a hard text',
  };
  const preview = await pm.post(paths.publishing.publishPreview(), choice);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Check what will be published: Quarter 4, 2024\/25/);
  assert.match(preview.body, /Compared with Quarter 3, 2024\/25/);
  assert.match(preview.body, /“We said” 1\.1 reworded: We said we would open five family hubs\./);
  assert.match(preview.body, /“We said” 1\.1 changed from Done to In progress/);
  assert.match(preview.body, /action="\/publishing\/publish"/);
  assert.match(preview.body, /name="_csrf"/);
  // Nothing internal reaches the preview: it is the public snapshot.
  for (const secret of [
    internal.owner,
    internal.comment,
    internal.observationNote,
    internal.measureOwner,
    internal.evidenceUrl,
  ])
    assert.ok(!preview.body.includes(secret));
  assert.equal((await listPublications(database.db, world.organisationId)).length, 1);

  // The plan changes after the preview: publishing asks for another look instead.
  const previewed = previewedOf(preview.body);
  await database.db
    .update(commitments)
    .set({ text: 'We said we would open six family hubs.' })
    .where(eq(commitments.id, world.commitment.id));
  const stale = await pm.post(paths.publishing.publish(), { ...choice, previewed });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /The plan has changed since you checked/);
  const done = await pm.post(paths.publishing.publish(), { ...choice, previewed: previewedOf(stale.body) });
  assert.equal(done.statusCode, 303);
  const list = await listPublications(database.db, world.organisationId);
  assert.equal(list.length, 2);
  assert.equal(list[0]!.version, 1);
});

test('a quarter outside the plan’s period is refused, naming the period', async (t) => {
  const { database, world, pm } = await signedIn(t);
  const outside = await pm.post(paths.publishing.publishPreview(), {
    planId: String(world.plan.id),
    quarter: '2027-28-q1',
  });
  assert.equal(outside.statusCode, 400);
  assert.match(outside.body, /govuk-error-summary/);
  assert.match(
    outside.body,
    /href="#quarter">Quarter 1, 2027\/28 is not within the plan’s period \(2024 to 2026\)/,
  );
  // The same rule holds when posting to publish directly.
  assert.equal(
    (
      await pm.post(paths.publishing.publish(), {
        planId: String(world.plan.id),
        quarter: '2027-28-q1',
        previewed: 'x',
      })
    ).statusCode,
    400,
  );
  // A plan without a period takes any quarter: the preview says the period is not set.
  await database.db.update(plans).set({ period: '' }).where(eq(plans.id, world.plan.id));
  const unset = await pm.post(paths.publishing.publishPreview(), {
    planId: String(world.plan.id),
    quarter: '2027-28-q1',
  });
  assert.equal(unset.statusCode, 200);
  assert.match(unset.body, /Not set: any quarter can be published/);
});

test('a published quarter is refused unless corrected with a reason; the archive and feed show it once', async (t) => {
  const { app, database, world, pm } = await signedIn(t);
  const quarter = '2024-25-q3';
  const base = { planId: String(world.plan.id), quarter };
  const again = await pm.post(paths.publishing.publishPreview(), base);
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /Quarter 3, 2024\/25 has already been published/);
  const noReason = await pm.post(paths.publishing.publishPreview(), {
    ...base,
    correction: 'yes',
    reason: ' ',
  });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /href="#reason">Enter why this is a correction/);
  const nothing = await pm.post(paths.publishing.publishPreview(), {
    planId: String(world.plan.id),
    quarter: '2024-25-q4',
    correction: 'yes',
    reason: 'Typo',
  });
  assert.match(nothing.body, /has not been published, so there is nothing to correct/);

  await database.db
    .update(commitments)
    .set({ text: 'We said we would open four family hubs by March.' })
    .where(eq(commitments.id, world.commitment.id));
  const correction = {
    ...base,
    correction: 'yes',
    reason: 'The due date was missing',
    easyReadReason: 'Kept to show how the easy read flags a hard text',
  };
  const preview = await pm.post(paths.publishing.publishPreview(), correction);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Publish correction/);
  const done = await pm.post(paths.publishing.publish(), {
    ...correction,
    previewed: previewedOf(preview.body),
  });
  assert.equal(done.statusCode, 303);
  const [latest, first] = await listPublications(database.db, world.organisationId);
  assert.equal(latest!.version, 2);
  assert.equal(latest!.correctionReason, 'The due date was missing');

  const archive = (await app.inject({ url: paths.public.archive() })).body;
  assert.equal(archive.match(/Quarter 3, 2024\/25<\/a>/g)?.length, 1);
  assert.match(archive, /Corrected<\/strong> [^:]+: The due date was missing/);
  assert.match(archive, new RegExp(`href="${paths.public.publication(latest!.id)}"`));
  const feed = (await app.inject({ url: paths.public.feed() })).body;
  assert.equal(feed.match(/<entry>/g)?.length, 1);
  assert.match(feed, /Quarter 3, 2024\/25 \(corrected\)/);
  assert.match(feed, /The due date was missing/);
  // The earlier version is still readable, and says it has been corrected.
  const earlier = (await app.inject({ url: paths.public.publication(first!.id) })).body;
  assert.match(earlier, /open four family hubs\./);
  assert.match(earlier, /This version has been corrected/);
  const corrected = (await app.inject({ url: paths.public.publication(latest!.id) })).body;
  assert.match(corrected, /open four family hubs by March/);
  assert.match(corrected, /The due date was missing/);
  assert.match(corrected, /Version 1<\/a>/);
});

test('a publication is withdrawn with a public reason; the public page and the feed say so', async (t) => {
  const { app, database, world, pm } = await signedIn(t);
  const url = paths.publishing.withdrawPublication(world.publication.id);
  const page = await pm.get(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Why is it being withdrawn\?/);
  const empty = await pm.post(url, { reason: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#reason">Enter why it is being withdrawn/);
  assert.equal((await pm.post(url, { reason: 'It named a child' })).statusCode, 303);
  const [row] = await database.db
    .select()
    .from(publications)
    .where(eq(publications.id, world.publication.id));
  assert.equal(row!.withdrawnReason, 'It named a child');
  assert.ok(row!.withdrawnAt);

  const pub = (await app.inject({ url: paths.public.publication(world.publication.id) })).body;
  assert.match(pub, /This update was withdrawn on \d+ \w+ \d{4}/);
  assert.match(pub, /Why: It named a child/);
  const feed = (await app.inject({ url: paths.public.feed() })).body;
  assert.match(feed, /\(withdrawn\)/);
  assert.match(feed, /It named a child/);
  assert.match((await app.inject({ url: paths.public.archive() })).body, /Withdrawn<\/strong>/);
  // The home page no longer shows it as the latest update.
  assert.match((await app.inject({ url: paths.public.home() })).body, /Nothing has been published yet/);
  // Withdrawn once; a viewer may not withdraw.
  const twice = await pm.post(url, { reason: 'Again' });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /already been withdrawn/);
  const viewer = new TestClient(app);
  await viewer.signIn('viewer@fixtureshire.gov.uk', password);
  assert.equal((await viewer.get(url)).statusCode, 403);
});
