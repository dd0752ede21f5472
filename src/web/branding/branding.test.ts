import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { changeHistory } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import { postFile } from '../../../test/helpers/upload.ts';
import { paths } from '../paths.ts';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const svgWithScript = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db, 'Testshire County Council');
  const administrator = await buildUser(database.db, 'administrator', { organisationId });
  const manager = await buildUser(database.db, 'programme-manager', { organisationId });
  const client = new TestClient(app);
  await client.signIn(administrator.email, administrator.password);
  await client.get(paths.brandingSettings());
  return { app, db: database.db, client, organisationId, manager };
}

test('an administrator names the council and sets a brand colour: the header shows both, with history', async (t) => {
  const { client, db, organisationId } = await setUp(t);
  const saved = await client.post(paths.brandingSettings(), {
    council: 'Northshire Council',
    brandColour: '#005EA5',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, paths.brandingSettings());
  const page = await client.get(paths.brandingSettings());
  assert.match(page.body, /govuk-notification-banner--success[\s\S]*Branding saved/);
  assert.match(page.body, /<span class="app-council-name">Northshire Council<\/span>/);
  assert.match(page.body, /<style nonce="[^"]+">\.app-council-header \{ background-color: #005ea5;/);
  assert.match(page.body, /<meta name="theme-color" content="#005ea5">/);
  // The banner is said once.
  assert.doesNotMatch((await client.get(paths.brandingSettings())).body, /Branding saved/);
  const [change] = await db
    .select()
    .from(changeHistory)
    .where(and(eq(changeHistory.recordType, 'council-branding'), eq(changeHistory.recordId, organisationId)));
  assert.equal(change?.after?.brandColour, '#005ea5');
  assert.equal(change?.after?.council, 'Northshire Council');
  assert.equal(change?.before?.council, 'Testshire County Council');
});

test('a brand colour too pale behind white text is refused, saying the ratio found and the ratio needed', async (t) => {
  const { client } = await setUp(t);
  const refused = await client.post(paths.brandingSettings(), {
    council: 'Testshire',
    brandColour: '#ffdd00',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary/);
  assert.match(refused.body, /href="#brandColour"/);
  assert.match(
    refused.body,
    /The brand colour #ffdd00 has a contrast ratio of 1\.\d\d:1 with the header’s white text; it needs at least 4\.5:1/,
  );
  assert.match(refused.body, /<title>Error: /);
  const notAColour = await client.post(paths.brandingSettings(), { council: '', brandColour: 'blue' });
  assert.equal(notAColour.statusCode, 400);
  assert.ok(notAColour.body.indexOf('href="#council"') < notAColour.body.indexOf('href="#brandColour"'));
  assert.match(notAColour.body, /Enter the council’s name/);
  assert.match(notAColour.body, /Enter the brand colour as a hex colour, like #1d70b8/);
});

test('only administrators may set the branding', async (t) => {
  const { app, manager } = await setUp(t);
  const other = new TestClient(app);
  await other.signIn(manager.email, manager.password);
  assert.equal((await other.get(paths.brandingSettings())).statusCode, 403);
  await other.get(paths.account());
  assert.equal(
    (await other.post(paths.brandingSettings(), { council: 'X', brandColour: '' })).statusCode,
    403,
  );
});

test('a PNG logo heads every page and is served as an image that can run nothing', async (t) => {
  const { app, client, organisationId } = await setUp(t);
  const uploaded = await postFile(app, client, paths.brandingLogo(), {
    field: 'logo',
    fileName: 'logo.png',
    bytes: png,
    type: 'image/png',
  });
  assert.equal(uploaded.statusCode, 303);
  const page = await client.get(paths.plans());
  const src = /<img class="app-council-logo" src="([^"]+)" alt=""/.exec(page.body)?.[1];
  assert.ok(src?.startsWith(paths.councilLogo(organisationId)), page.body.slice(0, 2000));
  assert.match(page.body, new RegExp(`<link rel="icon" href="${src!.replace(/[?]/g, '\\?')}">`));
  // Visitors see it too: the public site has no sign-in.
  const logo = await app.inject({ method: 'GET', url: src! });
  assert.equal(logo.statusCode, 200);
  assert.equal(logo.headers['content-type'], 'image/png');
  assert.equal(logo.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  assert.equal(logo.headers['x-content-type-options'], 'nosniff');
  assert.deepEqual(logo.rawPayload, png);
});

test('an SVG logo holding a script is served under a policy that lets no script run', async (t) => {
  const { app, client, organisationId } = await setUp(t);
  const uploaded = await postFile(app, client, paths.brandingLogo(), {
    field: 'logo',
    fileName: 'logo.svg',
    bytes: svgWithScript,
  });
  assert.equal(uploaded.statusCode, 303);
  const logo = await app.inject({ method: 'GET', url: paths.councilLogo(organisationId) });
  assert.equal(logo.headers['content-type'], 'image/svg+xml');
  assert.match(
    String(logo.headers['content-security-policy']),
    /^default-src 'none'; style-src 'unsafe-inline'$/,
  );
});

test('a logo upload refuses a file that is not an image, one too large, and none at all', async (t) => {
  const { app, client, organisationId } = await setUp(t);
  const notAnImage = await postFile(app, client, paths.brandingLogo(), {
    field: 'logo',
    fileName: 'logo.png',
    bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    type: 'image/png',
  });
  assert.equal(notAnImage.statusCode, 400);
  assert.match(notAnImage.body, /href="#logo"/);
  assert.match(notAnImage.body, /The logo must be a PNG or an SVG image/);
  const tooLarge = await postFile(app, client, paths.brandingLogo(), {
    field: 'logo',
    fileName: 'logo.png',
    bytes: Buffer.concat([png, Buffer.alloc(200 * 1024)]),
  });
  assert.equal(tooLarge.statusCode, 400);
  assert.match(tooLarge.body, /The logo must be smaller than 200 KB/);
  const none = await postFile(app, client, paths.brandingLogo(), {
    field: 'logo',
    fileName: '',
    bytes: Buffer.alloc(0),
  });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Select a logo to upload/);
  assert.equal((await app.inject({ method: 'GET', url: paths.councilLogo(organisationId) })).statusCode, 404);
});

test('a logo can be removed again', async (t) => {
  const { app, client, organisationId } = await setUp(t);
  await postFile(app, client, paths.brandingLogo(), { field: 'logo', fileName: 'logo.png', bytes: png });
  await client.get(paths.brandingSettings());
  const removed = await client.post(paths.brandingLogo(), { remove: 'yes' });
  assert.equal(removed.statusCode, 303);
  assert.match((await client.get(paths.brandingSettings())).body, /Logo removed/);
  assert.equal((await app.inject({ method: 'GET', url: paths.councilLogo(organisationId) })).statusCode, 404);
});
