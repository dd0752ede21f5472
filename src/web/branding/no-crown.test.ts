import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addUser } from '../../db/people/commands.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';

/*
 * Only GOV.UK may show the crown, the GOV.UK logotype and "Crown copyright": a council's service
 * wears its own name. Every page of the staff service and the public site is searched for them.
 */

// A piece of the Tudor crown's path and of the logotype, as GOV.UK Frontend draws them.
const crownMarks = [
  'M33.1,9.8c',
  'govuk-logo',
  'govuk-header__logotype',
  'govuk-footer__crown',
  'govuk-footer__copyright-logo',
  'Crown copyright',
  'crown-copyright',
  '/assets/images/',
  'govuk-crest',
  'govuk-icon',
  '/assets/manifest.json',
];

const assertNoCrown = (where: string, body: string) => {
  for (const mark of crownMarks) assert.ok(!body.includes(mark), `${where} contains ${mark}`);
};

test('no page of the staff service or the public site carries the GOV.UK crown or logotype', async (t) => {
  const { app, database } = await testApp(t);
  const council = await buildPublishedCouncil(database.db);
  const administrator = await addUser(database.db, {
    organisationId: council.organisationId,
    email: 'admin@fixtureshire.gov.uk',
    name: 'Ada Admin',
    role: 'administrator',
    password: 'correct horse battery staple',
  });
  const visitor = new TestClient(app);
  const pagesForAll = [
    paths.signIn(),
    paths.accessibility(),
    paths.public.home(),
    paths.public.childFriendly(),
    paths.public.measures(),
    paths.public.archive(),
    paths.public.publication(council.publication.id),
    paths.public.youSaidWeDid(),
    paths.public.consultations(),
    paths.public.consultation(council.consultation.id),
    paths.public.data(),
    '/no-such-page',
  ];
  for (const url of pagesForAll) {
    const page = await visitor.get(url);
    assert.ok([200, 404].includes(page.statusCode), `${url}: ${page.statusCode}`);
    assertNoCrown(url, page.body);
    if (page.statusCode === 200)
      assert.match(page.body, /<span class="app-council-name">Fixtureshire Council<\/span>/, url);
  }

  const staff = new TestClient(app);
  await staff.signIn(administrator.email, 'correct horse battery staple');
  const staffPages = [
    paths.plans(),
    paths.plan(council.plan.id),
    paths.planCommitments(council.plan.id),
    paths.priority(council.priority.id),
    paths.commitment(council.commitment.id),
    paths.history('commitment', council.commitment.id),
    paths.scorecard(),
    paths.measure(council.measure.id),
    paths.boards(),
    paths.imports(),
    paths.newImport(),
    paths.publishing.home(),
    paths.publishing.publish(),
    paths.publishing.consultations(),
    paths.publishing.feedback(),
    paths.ragScale(),
    paths.account(),
    paths.users(),
    paths.brandingSettings(),
    paths.newPlan(),
  ];
  for (const url of staffPages) {
    const page = await staff.get(url);
    assert.equal(page.statusCode, 200, url);
    assertNoCrown(url, page.body);
    assert.match(page.body, /<span class="app-council-name">Fixtureshire Council<\/span>/, url);
    assert.match(page.body, /<link rel="icon" href="\/static\/favicon.svg" type="image\/svg\+xml">/, url);
  }
});

test('the static files served hold no crown, and GOV.UK Frontend’s crown images are not served at all', async (t) => {
  const { app } = await testApp(t);
  for (const url of ['/static/app.css', '/static/app.js', '/static/favicon.svg']) {
    const file = await app.inject({ method: 'GET', url });
    assert.equal(file.statusCode, 200, url);
    assertNoCrown(url, file.body);
  }
  for (const url of [
    '/assets/images/favicon.ico',
    '/assets/images/favicon.svg',
    '/assets/images/govuk-crest.svg',
    '/assets/images/govuk-icon-180.png',
    '/assets/images/govuk-opengraph-image.png',
    '/assets/manifest.json',
  ]) {
    assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
  }
  // GDS Transport is GOV.UK's own typeface too: its files are not served and the stylesheet no longer names it.
  assert.equal(
    (await app.inject({ method: 'GET', url: '/assets/fonts/bold-b542beb274-v2.woff2' })).statusCode,
    404,
  );
  const stylesheet = await app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.css' });
  assert.equal(stylesheet.statusCode, 200);
  assert.match(String(stylesheet.headers['content-type']), /^text\/css/);
  assert.doesNotMatch(stylesheet.body, /GDS Transport|\/assets\/fonts\//);
  const again = await app.inject({
    method: 'GET',
    url: '/assets/govuk-frontend.min.css',
    headers: { 'if-none-match': String(stylesheet.headers.etag) },
  });
  assert.equal(again.statusCode, 304);
  assert.equal((await app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.js' })).statusCode, 200);
});
