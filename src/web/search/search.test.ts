import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createApiToken } from '../../db/people/commands.ts';
import { boardMeetings, commitments } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildCommitment } from '../../../test/helpers/builders.ts';
import { buildSearchWorld } from '../../../test/helpers/search-builders.ts';
import { paths } from '../paths.ts';

async function setUp(t: Parameters<typeof testApp>[0]) {
  const { app, database } = await testApp(t);
  const world = await buildSearchWorld(database.db);
  const sponsor = new TestClient(app);
  await sponsor.signIn(world.people.sponsor.email, world.people.sponsor.password);
  return { app, db: database.db, world, sponsor };
}

const resultLinks = (html: string) =>
  [...html.matchAll(/<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );

interface ApiResult {
  type: string;
  id: number;
  title: string;
  url: string;
  snippet: string;
  typeName: string;
  context: string;
}

/** A read token that outlives both dates the suite runs at. */
const readToken = {
  name: 'Search test',
  scope: 'read' as const,
  expiresAt: new Date('2030-01-01T00:00:00Z'),
};

test('signed out, the search asks you to sign in; the API answers 401', async (t) => {
  const { app } = await testApp(t);
  const page = await app.inject({ url: paths.search({ q: 'audit' }) });
  assert.equal(page.statusCode, 302);
  assert.match(page.headers.location!, /^\/sign-in/);
  assert.equal((await app.inject({ url: paths.api.search({ q: 'audit' }) })).statusCode, 401);
});

test('a blank search shows the box and no results; a very long one is refused with an error summary', async (t) => {
  const { sponsor } = await setUp(t);
  for (const q of [undefined, '', '   ']) {
    const page = await sponsor.get(paths.search(q === undefined ? {} : { q }) + (q === '' ? '?q=' : ''));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label class="govuk-label govuk-label--l" for="q">/);
    assert.match(page.body, /role="search"/);
    assert.doesNotMatch(page.body, /results for/);
  }
  const long = await sponsor.get(paths.search({ q: 'audit '.repeat(40) }));
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /<title>Error: Search – Wesaid<\/title>/);
  assert.match(
    long.body,
    /govuk-error-summary[\s\S]*<a href="#q">Search term must be 200 characters or fewer<\/a>/,
  );
  assert.match(long.body, /id="q-error"/);
});

test('a sponsor finds every kind of record of their council, named in its words, each opening a page they may read', async (t) => {
  const { world, sponsor } = await setUp(t);
  const page = await sponsor.get(paths.search({ q: 'audits' }));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /8 results for ‘audits’/);
  for (const name of [
    'We said',
    'We did',
    'What needs to improve',
    'Highlight report',
    'Risk',
    'Scorecard measure',
  ])
    assert.match(page.body, new RegExp(`<p class="govuk-caption-m[^"]*">${name} `), name);
  const links = resultLinks(page.body);
  assert.deepEqual(
    [...links].sort(),
    [
      paths.plan(world.auditPlan.id),
      paths.priority(world.auditPriority.id),
      paths.area(world.auditArea.id),
      paths.commitment(world.auditCommitment.id),
      `${paths.commitment(world.auditCommitment.id)}#outcomes`,
      paths.highlightReport(world.report.report.id),
      paths.risk(world.risk.id),
      paths.measure(world.measure.id),
    ].sort(),
  );
  // The search shows nothing its results' own pages would refuse this person.
  for (const link of links) assert.equal((await sponsor.get(link.split('#')[0]!)).statusCode, 200, link);
  assert.match(page.body, /<mark>audit<\/mark>/i);
  assert.doesNotMatch(page.body, /Otherton/);
});

test('another council’s records are never found, on the page or through the API, with a session or a token', async (t) => {
  const { app, db, world, sponsor } = await setUp(t);
  const page = await sponsor.get(paths.search({ q: 'Otherton' }));
  assert.match(page.body, /No results for ‘Otherton’/);
  const api = await sponsor.get(paths.api.search({ q: 'Otherton' }));
  assert.deepEqual((JSON.parse(api.body) as { items: ApiResult[] }).items, []);

  const theirToken = (await createApiToken(db, world.otherCouncil.person.id, readToken))!;
  const theirs = await app.inject({
    url: paths.api.search({ q: 'audits' }),
    headers: { authorization: `Bearer ${theirToken}` },
  });
  assert.equal(theirs.statusCode, 200);
  const items = (JSON.parse(theirs.body) as { items: ApiResult[] }).items;
  assert.deepEqual(
    items.map((i) => `${i.type}:${i.id}`).sort(),
    [
      `commitment:${world.otherCouncil.commitment.id}`,
      `plan:${world.otherCouncil.plan.id}`,
      `priority:${world.otherCouncil.priority.id}`,
    ].sort(),
  );
  assert.ok(items.every((i) => i.title.includes('Otherton')));
});

test('the API returns type, id, title, url and snippet, and refuses a blank or very long term', async (t) => {
  const { app, db, world } = await setUp(t);
  const token = (await createApiToken(db, world.people.sponsor.id, readToken))!;
  const get = (q: string) =>
    app.inject({
      url: paths.api.search({ q }) + (q === '' ? '?q=' : ''),
      headers: { authorization: `Bearer ${token}` },
    });
  const found = await get('"case files" -twenty');
  assert.equal(found.statusCode, 200);
  const body = JSON.parse(found.body) as {
    items: ApiResult[];
    total: number;
    page: number;
    pageSize: number;
  };
  assert.equal(body.total, 4);
  assert.equal(body.page, 1);
  const outcome = body.items.find((i) => i.type === 'outcome')!;
  assert.deepEqual(
    { ...outcome, rank: undefined, snippetText: undefined },
    {
      type: 'outcome',
      id: world.auditOutcome.id,
      title: 'We audited 240 case files this year.',
      url: `${paths.commitment(world.auditCommitment.id)}#outcomes`,
      snippet: 'We audited 240 <mark>case</mark> <mark>files</mark> this year.',
      snippetText: undefined,
      typeName: 'We did',
      context: 'We said: We will audit twenty case files every month.',
      rank: undefined,
    },
  );
  for (const q of ['', '   ']) {
    const blank = await get(q);
    assert.equal(blank.statusCode, 400);
    assert.match((JSON.parse(blank.body) as { detail: string }).detail, /Enter something to search for/);
  }
  const long = await get('x'.repeat(201));
  assert.equal(long.statusCode, 400);
  assert.match((JSON.parse(long.body) as { detail: string }).detail, /200 characters or fewer/);
});

test('a record written as markup is shown as text, in its title and its snippet', async (t) => {
  const { db, world, sponsor } = await setUp(t);
  await buildCommitment(db, world.organisationId, world.priority.id, {
    text: '<script>alert(1)</script> Kinship care <img src=x onerror=alert(2)>',
  });
  const page = await sponsor.get(paths.search({ q: 'kinship' }));
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /&lt;script&gt;alert\(1\)&lt;\/script&gt; Kinship care &lt;img src=x onerror=alert\(2\)&gt;<\/a>/,
  );
  assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
  assert.match(page.body, /<mark>Kinship<\/mark>/);
  const api = JSON.parse((await sponsor.get(paths.api.search({ q: 'kinship' }))).body) as {
    items: ApiResult[];
  };
  assert.doesNotMatch(api.items[0]!.snippet, /<(?!\/?mark>)/);
});

test('results are kept only until something a search reads is written: the next search sees the write', async (t) => {
  const { app, db, world, sponsor } = await setUp(t);
  const token = (await createApiToken(db, world.people.sponsor.id, readToken))!;
  const api = async (q: string) =>
    JSON.parse(
      (await app.inject({ url: paths.api.search({ q }), headers: { authorization: `Bearer ${token}` } }))
        .body,
    ) as { items: ApiResult[]; total: number };
  const page = async (q: string) => resultLinks((await sponsor.get(paths.search({ q }))).body);
  assert.equal((await api('kinship')).total, 0);
  assert.deepEqual(await page('kinship'), []);
  // Asked again, answered from what was kept: still nothing.
  assert.equal((await api('kinship')).total, 0);

  const added = await buildCommitment(db, world.organisationId, world.priority.id, {
    text: 'We will support kinship carers.',
  });
  assert.deepEqual(
    (await api('kinship')).items.map((i) => i.id),
    [added.id],
  );
  assert.deepEqual(await page('kinship'), [paths.commitment(added.id)]);

  // A change to a table the search joins to (the meeting's date names the report) is seen too.
  const before = (await api('audits')).items.find((i) => i.type === 'highlight-report')!;
  assert.equal(before.context, 'Meeting of 15 October 2024');
  await db
    .update(boardMeetings)
    .set({ meetingOn: '2024-11-12' })
    .where(eq(boardMeetings.id, world.report.meeting.id));
  const after = (await api('audits')).items.find((i) => i.type === 'highlight-report')!;
  assert.equal(after.context, 'Meeting of 12 November 2024');

  await db
    .update(commitments)
    .set({ archivedAt: new Date('2024-09-30T12:00:00Z') })
    .where(eq(commitments.id, added.id));
  assert.equal((await api('kinship')).total, 0);
  assert.deepEqual(await page('kinship'), []);
});
