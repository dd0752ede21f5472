import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { updateRecord } from '../../db/changes.ts';
import { publishQuarter, withdrawPublication } from '../../db/publishing/commands.ts';
import { quarter } from '../../domain/publishing/quarters.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';
import { commitments, plans } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { paths } from '../paths.ts';
import type { planJson } from './open-data.ts';
import { buildPublishedCouncil, internal } from '../../../test/fixtures/published-council.ts';

const publicUrls = (publicationId: number, consultationId: number) => [
  paths.public.home(),
  paths.public.childFriendly(),
  paths.public.measures(),
  paths.public.outcomes(),
  paths.public.outcome('stay-together'),
  paths.public.archive(),
  paths.public.publication(publicationId),
  paths.public.publicationChildFriendly(publicationId),
  paths.public.publicationMeasures(publicationId),
  paths.public.youSaidWeDid(),
  paths.public.consultations(),
  paths.public.consultation(consultationId),
  paths.public.data(),
  paths.public.planJson(),
  paths.public.progressCsv(),
  paths.public.measuresCsv(),
  paths.public.feed(),
];

test('no internal field reaches any public page, JSON, CSV or feed', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const outputs = new Map<string, string>();
  for (const url of publicUrls(world.publication.id, world.consultation.id)) {
    const response = await app.inject({ url });
    assert.equal(response.statusCode, 200, url);
    outputs.set(url, response.body);
  }
  // The public parts are there, so an empty page cannot pass by accident.
  assert.match(outputs.get('/public')!, /We opened four family hubs\./);
  assert.match(outputs.get('/public/data/measures.csv')!, /Children in care/);
  assert.match(outputs.get('/public/you-said-we-did')!, /You said the forms were hard to read\./);
  for (const [name, value] of Object.entries(internal)) {
    for (const [url, body] of outputs) {
      const decoded = body
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"');
      assert.ok(!decoded.includes(value), `${name} (“${value}”) appeared in ${url}`);
    }
  }
});

test('a publication is frozen: an edit after publishing does not appear until the next quarter is published', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const [current] = await database.db
    .select()
    .from(commitments)
    .where(eq(commitments.id, world.commitment.id));
  const saved = await updateRecord(
    database.db,
    commitments,
    'commitment',
    world.organisationId,
    world.commitment.id,
    current!.version,
    { text: internal.unpublishedEdit },
    { userId: null, name: 'Test' },
  );
  assert.ok(saved.ok);
  for (const url of [paths.public.home(), paths.public.planJson()]) {
    const body = (await app.inject({ url })).body;
    assert.ok(!body.includes(internal.unpublishedEdit), url);
    assert.match(body, /We said we would open four family hubs\./);
  }
});

test('open data: plan.json, progress.csv and measures.csv follow the documented columns', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const json = (await app.inject({ url: paths.public.planJson() })).json<ReturnType<typeof planJson>>();
  assert.equal(json.publication.id, world.publication.id);
  assert.equal(json.publication.quarter.label, 'Quarter 3, 2024/25');
  assert.equal(json.priorities[0]!.commitments[0]!.outcomes[0]!.text, 'We opened four family hubs.');
  assert.deepEqual(json.progress, { total: 2, done: 1, inProgress: 1, notStarted: 0, dropped: 0 });

  const progress = parse<Record<string, string>>(
    (await app.inject({ url: paths.public.progressCsv() })).body,
    {
      columns: true,
    },
  );
  assert.equal(progress.length, 1);
  assert.equal(progress[0]!.priority_title, 'Help for families from the MASH');
  assert.equal(progress[0]!.done, '1');

  const measuresResponse = await app.inject({ url: paths.public.measuresCsv() });
  assert.match(measuresResponse.headers['content-type'] as string, /^text\/csv/);
  const measures = parse<Record<string, string>>(measuresResponse.body, { columns: true });
  assert.deepEqual(
    measures.map((m) => [m.period, m.value]),
    [
      ['2024-09', '700'],
      ['2024-10', '690'],
    ],
  );

  const feed = await app.inject({ url: paths.public.feed() });
  assert.match(feed.headers['content-type'] as string, /^application\/atom\+xml/);
  assert.match(feed.body, new RegExp(`/public/publications/${world.publication.id}`));
  const docs = (await app.inject({ url: paths.public.data() })).body;
  for (const column of [...Object.keys(progress[0]!), ...Object.keys(measures[0]!)])
    assert.match(docs, new RegExp(`<code>${column}</code>`), column);
});

test('open data lists each quarter once at its latest version, leaving out a withdrawn quarter', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const actor = { userId: world.programmeManager.id, name: 'Pat Manager' };
  const at = (time: string) => new Date(`${suiteDate}T${time}:00Z`);
  const publish = (q: 2 | 3, time: string, reason?: string) =>
    publishQuarter(database.db, {
      organisationId: world.organisationId,
      planId: world.plan.id,
      quarter: quarter(2024, q),
      measureIds: [world.measure.id],
      actor,
      publishedAt: at(time),
      easyReadReason: internal.easyReadReason,
      ...(reason ? { correction: true, reason } : {}),
    });
  await publish(2, '09:00');
  const corrected = await publish(2, '10:00', 'A due date was wrong');
  // Quarter 3 is corrected, then its correction withdrawn: neither of its versions is on the site.
  const q3Correction = await publish(3, '11:00', 'A figure was wrong');
  await withdrawPublication(database.db, {
    organisationId: world.organisationId,
    publicationId: q3Correction.id,
    reason: 'It described a child who could be recognised',
    actor,
    withdrawnAt: at('12:00'),
  });

  const progress = parse<Record<string, string>>(
    (await app.inject({ url: paths.public.progressCsv() })).body,
    { columns: true },
  );
  assert.deepEqual(
    progress.map((row) => [row.publication_id, row.quarter]),
    [[String(corrected.id), 'Quarter 2, 2024/25']],
  );
  const measures = parse<Record<string, string>>(
    (await app.inject({ url: paths.public.measuresCsv() })).body,
    { columns: true },
  );
  assert.deepEqual([...new Set(measures.map((m) => m.publication_id))], [String(corrected.id)]);
  const json = (await app.inject({ url: paths.public.planJson() })).json<ReturnType<typeof planJson>>();
  assert.equal(json.publication.id, corrected.id);
});

test('the easy read version expands acronyms once and flags text above the reading age', async (t) => {
  const { app, database } = await testApp(t);
  await buildPublishedCouncil(database.db);
  const body = (await app.inject({ url: paths.public.childFriendly() })).body;
  assert.equal(body.match(/Multi-Agency Safeguarding Hub \(MASH\)/g)?.length, 1);
  assert.match(body, /Reading age \d+/);
  assert.match(body, /Harder to read/);
});

test('You said, We did shows only consented items a person approved, in the approved wording', async (t) => {
  const { app, database } = await testApp(t);
  await buildPublishedCouncil(database.db);
  const body = (await app.inject({ url: paths.public.youSaidWeDid() })).body;
  assert.match(body, /You said the forms were hard to read\./);
  // The compliment that names someone was never approved, so none of it is public.
  assert.doesNotMatch(body, /Thank you/);
  assert.ok(!body.includes(internal.anonymousNameInText));
  assert.ok(!body.includes(internal.unconsentedSaid));
  assert.ok(!body.includes(internal.anonymousAttribution));
});

test('before anything is published the public site says so, and the data files are empty', async (t) => {
  const { app } = await testApp(t);
  const home = await app.inject({ url: paths.public.home() });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Nothing has been published yet/);
  assert.equal((await app.inject({ url: paths.public.planJson() })).statusCode, 404);
  assert.equal((await app.inject({ url: paths.public.progressCsv() })).body.trim().split('\n').length, 1);
  assert.equal((await app.inject({ url: paths.public.publication(99) })).statusCode, 404);
});

test('the Atom feed escapes a plan title written as markup (issue 14)', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  // A quote, and the end of the CDATA section the feed library wraps HTML titles in.
  const markup = `<img src=x onerror=alert(1)> & "plan" ]]> it's`;
  const [plan] = await database.db.select().from(plans).where(eq(plans.id, world.plan.id));
  const saved = await updateRecord(
    database.db,
    plans,
    'plan',
    world.organisationId,
    world.plan.id,
    plan!.version,
    { title: markup },
    { userId: null, name: 'Test' },
  );
  assert.ok(saved.ok);
  await publishQuarter(database.db, {
    organisationId: world.organisationId,
    planId: world.plan.id,
    quarter: quarter(2024, 3),
    measureIds: [world.measure.id],
    actor: { userId: world.programmeManager.id, name: 'Pat Manager' },
    publishedAt: new Date(`${suiteDate}T09:00:00Z`),
    correction: true,
    reason: 'The plan was renamed',
    easyReadReason: internal.easyReadReason,
  });
  const feed = (await app.inject({ url: paths.public.feed() })).body;
  assert.doesNotMatch(feed, /<img/);
  assert.match(feed, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;plan&quot; \]\]&gt; it&#39;s/);
  // The CDATA section ends only where the library ends it: once per title and summary.
  assert.equal(feed.split(']]>').length - 1, feed.split('<![CDATA[').length - 1);
});
