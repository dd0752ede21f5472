import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { publishQuarter, PublishingError, systemActor } from '../../db/publishing/commands.ts';
import { listPublications } from '../../db/publishing/queries.ts';
import { changeHistory, commitments, priorities, publishingSettings } from '../../db/schema.ts';
import { quarter } from '../../domain/publishing/quarters.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPublishedCouncil, internal } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';

/*
 * An easy read with a text above the council's target reading age is published only with a reason,
 * kept with the publication for the programme office. Two of the fixture's texts read above 11: a
 * "We said" ("We would institutionalise comprehensive …") and a priority title with an acronym
 * spelled out ("Help for families from the Multi-Agency Safeguarding Hub (MASH)").
 */

const password = 'correct horse battery staple';
const hardText = 'We would institutionalise%';
const previewedOf = (body: string) => /name="previewed" value="([0-9a-f]+)"/.exec(body)![1]!;

async function signedIn(t: TestContext) {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const pm = new TestClient(app);
  await pm.signIn('pm@fixtureshire.gov.uk', password);
  await pm.get(paths.publishing.publish());
  return { app, database, world, pm };
}

test('the command refuses an easy read above the target without a reason, and keeps the reason with the publication', async (t) => {
  const { app, database, world } = await signedIn(t);
  const input = {
    organisationId: world.organisationId,
    planId: world.plan.id,
    quarter: quarter(2024, 4),
    measureIds: [],
    actor: systemActor('Test'),
    publishedAt: app.clock.now(),
  };
  for (const easyReadReason of [undefined, '', '   '])
    await assert.rejects(
      publishQuarter(database.db, { ...input, ...(easyReadReason === undefined ? {} : { easyReadReason }) }),
      (error) =>
        error instanceof PublishingError &&
        error.code === 'easy-read-reason-needed' &&
        error.field === 'easyReadReason' &&
        error.message === 'Enter why the easy read is published with 2 texts above reading age 11',
    );
  assert.equal((await listPublications(database.db, world.organisationId)).length, 1);

  const published = await publishQuarter(database.db, {
    ...input,
    easyReadReason: ' The plain version is with the Children in Care Council ',
  });
  const [listed] = await listPublications(database.db, world.organisationId);
  assert.equal(listed!.id, published.id);
  assert.equal(listed!.easyReadReason, 'The plain version is with the Children in Care Council');
  const [history] = await database.db
    .select()
    .from(changeHistory)
    .where(and(eq(changeHistory.recordType, 'publication'), eq(changeHistory.recordId, published.id)));
  assert.deepEqual(
    {
      easyReadReason: (history!.after as Record<string, unknown>).easyReadReason,
      easyReadAboveTarget: (history!.after as Record<string, unknown>).easyReadAboveTarget,
    },
    { easyReadReason: 'The plain version is with the Children in Care Council', easyReadAboveTarget: 2 },
  );
});

test('no reason is asked for once every text meets the target: a plain version, or a higher target', async (t) => {
  const { app, database, world } = await signedIn(t);
  const input = {
    organisationId: world.organisationId,
    planId: world.plan.id,
    measureIds: [],
    actor: systemActor('Test'),
    publishedAt: app.clock.now(),
  };
  await database.db
    .update(commitments)
    .set({ plainText: 'We will make sure the people in charge do a good job.' })
    .where(like(commitments.text, hardText));
  await database.db
    .update(priorities)
    .set({ plainTitle: 'Help for families' })
    .where(eq(priorities.id, world.priority.id));
  const plain = await publishQuarter(database.db, { ...input, quarter: quarter(2024, 4) });
  assert.equal((await listPublications(database.db, world.organisationId))[0]!.easyReadReason, null);
  assert.equal(plain.version, 1);

  await database.db.update(commitments).set({ plainText: '' }).where(like(commitments.text, hardText));
  await database.db.update(priorities).set({ plainTitle: '' }).where(eq(priorities.id, world.priority.id));
  await database.db
    .update(publishingSettings)
    .set({ targetReadingAge: 40 })
    .where(eq(publishingSettings.organisationId, world.organisationId));
  await publishQuarter(database.db, { ...input, quarter: quarter(2025, 1) });
  assert.equal((await listPublications(database.db, world.organisationId))[0]!.easyReadReason, null);
});

test('the publish form lists the hard texts and asks for the reason in a GOV.UK error summary', async (t) => {
  const { app, database, world, pm } = await signedIn(t);
  const choice = {
    planId: String(world.plan.id),
    quarter: '2024-25-q4',
    measureIds: String(world.measure.id),
  };
  const preview = await pm.post(paths.publishing.publishPreview(), choice);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Easy read texts above reading age 11/);
  assert.match(preview.body, /We said 1\.\d<\/td>\s*<td[^>]*>We would institutionalise comprehensive/);
  assert.match(preview.body, /<label class="govuk-label govuk-label--s" for="easyReadReason">/);

  const refused = await pm.post(paths.publishing.publish(), {
    ...choice,
    previewed: previewedOf(preview.body),
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary/);
  assert.match(
    refused.body,
    /<a href="#easyReadReason">Enter why the easy read is published with 2 texts above reading age 11<\/a>/,
  );
  assert.match(refused.body, /id="easyReadReason-error"/);
  assert.match(refused.body, /<title>Error: /);
  assert.equal((await listPublications(database.db, world.organisationId)).length, 1);

  const tooLong = await pm.post(paths.publishing.publish(), {
    ...choice,
    previewed: previewedOf(preview.body),
    easyReadReason: 'x'.repeat(1001),
  });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /href="#easyReadReason">Reason must be 1000 characters or fewer/);

  const done = await pm.post(paths.publishing.publish(), {
    ...choice,
    previewed: previewedOf(refused.body),
    easyReadReason: 'The plain version is being checked with young people',
  });
  assert.equal(done.statusCode, 303);
  const [latest] = await listPublications(database.db, world.organisationId);
  assert.equal(latest!.easyReadReason, 'The plain version is being checked with young people');
  const overview = await pm.get(paths.publishing.home());
  assert.match(
    overview.body,
    /Easy read above the target reading age because: The plain version is being checked with young people/,
  );
  // The reason is the programme office's: no public page shows it.
  for (const url of [
    paths.public.home(),
    paths.public.childFriendly(),
    paths.public.archive(),
    paths.public.feed(),
  ]) {
    const page = (await app.inject({ url })).body;
    assert.ok(!page.includes('being checked with young people'), url);
    assert.ok(!page.includes(internal.easyReadReason), url);
  }
});

test('the plain-language page shows each text’s reading age and what makes it hard', async (t) => {
  const { world, pm } = await signedIn(t);
  const page = await pm.get(paths.publishing.plainLanguage({ plan: world.plan.id, show: 'hard' }));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Flesch–Kincaid grade level plus 5 years/);
  assert.match(page.body, /What makes it hard/);
  assert.match(page.body, /Long or rare words: institutionalise, comprehensive, interdisciplinary/);
  assert.match(page.body, /Above target<\/strong> \d+/);
});
