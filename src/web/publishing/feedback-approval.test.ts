import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFeedback, moveFeedback } from '../../db/publishing/commands.ts';
import { getFeedback } from '../../db/publishing/queries.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';

const password = 'correct horse battery staple';
const actor = { userId: null, name: 'Fixture' };

/* A fixture full of what identifies people: names (one in lower case), places, ages, a school, a date. */
const said =
  'not only does martin keep us in the loop. Natalie changed my life. My son, aged 14, goes to Oakwood Academy in Barnsley, Fixtureshire. He was born on 3 May 2010.';
const response = 'Aisha now visits every fortnight.';
const identifying = [
  'martin',
  'Natalie',
  'aged 14',
  'Oakwood Academy',
  'Barnsley',
  'Fixtureshire',
  'born on 3 May 2010',
  'Aisha',
  'Zebedee',
];

test('feedback full of names, places and ages publishes nothing the approver has not approved', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPublishedCouncil(database.db);
  const item = await createFeedback(
    database.db,
    world.organisationId,
    {
      kind: 'you-said-we-did',
      source: 'parent-or-carer',
      said,
      publicWording: '',
      response,
      attribution: 'Zebedee Smith',
      receivedOn: null,
      consent: 'anonymous',
    },
    actor,
  );
  // Not approved: it cannot be published, by the command or by the page.
  await assert.rejects(moveFeedback(database.db, item, 'published', item.version, actor), /approved/);
  const pm = new TestClient(app);
  await pm.signIn('pm@fixtureshire.gov.uk', password);
  await pm.get(paths.publishing.feedbackItem(item.id));
  const refused = await pm.post(paths.publishing.feedbackStatus(item.id), {
    status: 'published',
    version: String(item.version),
  });
  assert.equal(refused.statusCode, 400);

  // The approver's page lists every suggestion, with where and why.
  const page = await pm.get(paths.publishing.approveFeedback(item.id));
  assert.equal(page.statusCode, 200);
  for (const words of identifying.filter((w) => w !== 'Zebedee'))
    assert.match(page.body, new RegExp(`<mark>${words}</mark>`), words);
  assert.match(page.body, /This is a common first name, however it is written/);
  assert.match(page.body, /In You said, at character 15/);

  // Approving the wording as it stands, with nothing ticked, is refused with every suggestion listed.
  const keys = [...page.body.matchAll(/name="(key-\d+)" value="([^"]+)"/g)].map((m): [string, string] => [
    m[1]!,
    m[2]!,
  ]);
  assert.equal(keys.length, 8);
  const unticked = await pm.post(paths.publishing.approveFeedback(item.id), {
    said,
    response,
    version: String(item.version),
    ...Object.fromEntries(keys),
  });
  assert.equal(unticked.statusCode, 400);
  assert.match(unticked.body, /There is a problem/);
  // Each problem is listed in the error summary and again at its suggestion.
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(unticked.body)![0];
  assert.equal([...summary.matchAll(/change the wording or tick that it is fine to publish/g)].length, 8);
  assert.equal(
    [...unticked.body.matchAll(/change the wording or tick that it is fine to publish/g)].length,
    16,
  );
  assert.equal((await getFeedback(database.db, world.organisationId, item.id))!.approvedAt, null);

  // The approver rewrites most of it and keeps one suggestion with a reason; a name still left is refused.
  const rewritten = 'Our social worker keeps us in the loop. Staff in Fixtureshire changed my life.';
  const stillNamed = await pm.post(paths.publishing.approveFeedback(item.id), {
    said: rewritten + ' Thanks martin.',
    response: 'A worker now visits every fortnight.',
    version: String(item.version),
    'key-0': 'said:place:fixtureshire',
    'keep-0': 'yes',
    'reason-0': 'The council’s own area: it names nobody',
  });
  assert.equal(stillNamed.statusCode, 400);
  assert.match(stillNamed.body, /Possible name “martin” in You said/);
  const approved = await pm.post(paths.publishing.approveFeedback(item.id), {
    said: rewritten,
    response: 'A worker now visits every fortnight.',
    version: String(item.version),
    'key-0': 'said:place:fixtureshire',
    'keep-0': 'yes',
    'reason-0': 'The council’s own area: it names nobody',
  });
  assert.equal(approved.statusCode, 303);
  const row = (await getFeedback(database.db, world.organisationId, item.id))!;
  assert.equal(row.status, 'approved');
  assert.ok(row.approvedByName);
  assert.notEqual(row.approvedAt, null);
  assert.deepEqual(
    row.resolvedSuggestions.map((s) => [s.field, s.kind, s.text, s.reason]),
    [['said', 'place', 'Fixtureshire', 'The council’s own area: it names nobody']],
  );

  await pm.get(paths.publishing.feedbackItem(item.id));
  assert.equal(
    (
      await pm.post(paths.publishing.feedbackStatus(item.id), {
        status: 'published',
        version: String(row.version),
      })
    ).statusCode,
    303,
  );
  const publicPage = (await app.inject({ url: paths.public.youSaidWeDid() })).body;
  assert.match(publicPage, /Our social worker keeps us in the loop\./);
  assert.match(publicPage, /A worker now visits every fortnight\./);
  for (const words of identifying.filter((w) => w !== 'Fixtureshire'))
    assert.doesNotMatch(publicPage, new RegExp(words));

  // Changing what was said takes away the approval and the item off the public page.
  const edit = await pm.get(paths.publishing.editFeedback(item.id));
  const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
  const saved = await pm.post(paths.publishing.editFeedback(item.id), {
    kind: 'you-said-we-did',
    source: 'parent-or-carer',
    said: said + ' Also Craig.',
    publicWording: '',
    response,
    attribution: 'Zebedee Smith',
    'receivedOn-day': '',
    'receivedOn-month': '',
    'receivedOn-year': '',
    consent: 'anonymous',
    version,
  });
  assert.equal(saved.statusCode, 303);
  const after = (await getFeedback(database.db, world.organisationId, item.id))!;
  assert.equal(after.status, 'draft');
  assert.equal(after.approvedWording, null);
  assert.doesNotMatch((await app.inject({ url: paths.public.youSaidWeDid() })).body, /Our social worker/);
});
