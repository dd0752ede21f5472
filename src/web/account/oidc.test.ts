import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, type TestContext } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { changeHistory, sessions, users } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import {
  startTestProvider,
  throughProvider,
  type ProviderAccount,
} from '../../../test/helpers/oidc-provider.ts';
import { redactUrl } from '../log-redaction.ts';
import { paths } from '../paths.ts';

/*
 * Sign-in through a real OpenID Connect provider started by the test (oidc-provider on 127.0.0.1),
 * driven through its own login and consent pages; the app's side by inject, redirects followed by hand.
 */

const appBase = 'http://wesaid.test';
const redirectUri = `${appBase}${paths.signInOidcCallback()}`;

async function setUp(
  t: TestContext,
  options: { accounts?: Record<string, ProviderAccount>; env?: Record<string, string> } = {},
) {
  const provider = await startTestProvider(t, { redirectUri, accounts: options.accounts ?? {} });
  const { app, database } = await testApp(t, {
    PUBLIC_URL: appBase,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_TIMEOUT_SECONDS: '5',
    ...options.env,
  });
  const db = database.db;
  const organisationId = await buildOrganisation(db, 'Testshire County Council');
  const administrator = await buildUser(db, 'administrator', { organisationId });
  const manager = await buildUser(db, 'programme-manager', {
    organisationId,
    name: 'Maya Manager',
    email: 'maya.manager@testshire.gov.uk',
  });
  provider.accounts.set('maya', { email: 'Maya.Manager@testshire.gov.uk', name: 'Maya M' });
  return { app, db, provider, organisationId, administrator, manager };
}

/** Starts sign-in at Wesaid, goes through the provider as `login`, and returns Wesaid's answer to the callback. */
async function signInThroughProvider(
  client: TestClient,
  login: string,
  options: { cancel?: boolean; tamper?: (path: string) => string } = {},
) {
  const start = await client.get(paths.signInOidc());
  assert.equal(start.statusCode, 303, start.body);
  const callback = await throughProvider(String(start.headers.location), { login, appBase, ...options });
  return client.get(options.tamper ? options.tamper(callback) : callback);
}

test('the sign-in page offers the council’s provider only when one is set up', async (t) => {
  const { app } = await setUp(t);
  const page = await new TestClient(app).get(paths.signIn({ returnTo: '/scorecard' }));
  assert.match(page.body, /Sign in with your council’s account/);
  assert.match(
    page.body,
    /href="\/sign-in\/oidc\?council=testshire-county-council&amp;returnTo=%2Fscorecard"/,
  );

  const { app: plain, database } = await testApp(t);
  await buildOrganisation(database.db);
  assert.doesNotMatch((await new TestClient(plain).get(paths.signIn())).body, /Sign in with/);
  assert.equal((await new TestClient(plain).get(paths.signInOidc())).statusCode, 404);
});

test('a person signs in through the provider (code with PKCE) into a database session; turned off, the session stops at once', async (t) => {
  const { app, db, administrator, manager } = await setUp(t);
  const client = new TestClient(app);
  const start = await client.get(paths.signInOidc({ returnTo: paths.scorecard() }));
  assert.equal(start.statusCode, 303);
  const authorization = new URL(String(start.headers.location));
  assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
  assert.match(authorization.searchParams.get('code_challenge') ?? '', /^[\w-]{43}$/);
  assert.ok(authorization.searchParams.get('state'));
  assert.ok(authorization.searchParams.get('nonce'));
  assert.equal(authorization.searchParams.get('redirect_uri'), redirectUri);
  // The verifier never leaves the server's encrypted cookie.
  assert.equal(authorization.searchParams.get('code_verifier'), null);

  const callback = await throughProvider(authorization.href, { login: 'maya', appBase });
  assert.match(callback, /[?&]code=/);
  assert.equal(
    redactUrl(callback),
    `${paths.signInOidcCallback()}?[redacted]`,
    'the log never holds the code',
  );
  const signedIn = await client.get(callback);
  assert.equal(signedIn.statusCode, 303, signedIn.body);
  assert.equal(signedIn.headers.location, paths.scorecard());
  const account = await client.get(paths.account());
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /Maya Manager/);
  const rows = await db.select().from(sessions).where(eq(sessions.userId, manager.id));
  assert.equal(rows.length, 1);

  // The same answer cannot be used twice, nor by another browser.
  assert.equal((await client.get(callback)).statusCode, 400);
  assert.equal((await new TestClient(app).get(callback)).statusCode, 400);

  const admin = new TestClient(app);
  await admin.signIn(administrator.email, administrator.password);
  await admin.get(paths.user(manager.id));
  assert.equal(
    (await admin.post(paths.user(manager.id), { role: 'programme-manager', disabled: 'yes' })).statusCode,
    303,
  );
  const after = await client.get(paths.account());
  assert.equal(after.statusCode, 302);
  assert.match(String(after.headers.location), /^\/sign-in/);
});

test('an answer whose state does not match the sign-in this browser started is refused', async (t) => {
  const { app, db, manager } = await setUp(t);
  const client = new TestClient(app);
  const refused = await signInThroughProvider(client, 'maya', {
    tamper: (path) => path.replace(/state=[^&]+/, 'state=someone-elses-state'),
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<h1 class="govuk-heading-l">Your sign-in could not be finished<\/h1>/);
  assert.match(refused.body, /did not match the sign-in this browser started/);
  assert.equal((await db.select().from(sessions).where(eq(sessions.userId, manager.id))).length, 0);
  // Straight to the callback with no sign-in started: refused the same plain way.
  const cold = await new TestClient(app).get(`${paths.signInOidcCallback()}?code=abc&state=def`);
  assert.equal(cold.statusCode, 400);
  assert.match(cold.body, /Start again from the sign-in page/);
});

test('cancelling at the provider (access_denied) gives a plain page, not an error', async (t) => {
  const { app } = await setUp(t);
  const refused = await signInThroughProvider(new TestClient(app), 'maya', { cancel: true });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /You were not signed in/);
  assert.match(refused.body, /you may have cancelled/);
});

test('an address with no account in the council is refused, even when it has one in another council', async (t) => {
  const { app, db, provider } = await setUp(t);
  provider.accounts.set('stranger', { email: 'stranger@elsewhere.gov.uk' });
  const stranger = await signInThroughProvider(new TestClient(app), 'stranger');
  assert.equal(stranger.statusCode, 403);
  assert.match(stranger.body, /You do not have an account on this service/);
  assert.match(stranger.body, /There is no account for stranger@elsewhere\.gov\.uk/);

  const other = await buildOrganisation(db, 'Otherton Council');
  await buildUser(db, 'viewer', { organisationId: other, email: 'otto@otherton.gov.uk' });
  provider.accounts.set('otto', { email: 'otto@otherton.gov.uk' });
  const client = new TestClient(app);
  const start = await client.get(paths.signInOidc({ council: 'testshire-county-council' }));
  const answer = await client.get(
    await throughProvider(String(start.headers.location), { login: 'otto', appBase }),
  );
  assert.equal(answer.statusCode, 403);
  assert.match(answer.body, /There is no account for otto@otherton\.gov\.uk/);
});

test('a turned-off account is refused at the callback', async (t) => {
  const { app, db, manager } = await setUp(t);
  await db.update(users).set({ disabled: true }).where(eq(users.id, manager.id));
  const refused = await signInThroughProvider(new TestClient(app), 'maya');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Your account is turned off/);
  assert.equal((await db.select().from(sessions).where(eq(sessions.userId, manager.id))).length, 0);
});

test('a group the council maps to a role makes the account at first sign-in, and the history says why', async (t) => {
  const { app, db, administrator, organisationId, provider } = await setUp(t);
  const admin = new TestClient(app);
  await admin.signIn(administrator.email, administrator.password);
  await admin.get(paths.signInSettings());
  const saved = await admin.post(paths.signInSettings(), {
    version: '1',
    providerName: 'Testshire Council account',
    issuer: '',
    clientId: '',
    secretVariable: '',
    emailClaim: '',
    groupsClaim: '',
    groupRoles: 'Everyone = Viewer\nSponsors of the plan = sponsor',
    allowPasswords: 'yes',
  });
  assert.equal(saved.statusCode, 303, saved.body);

  provider.accounts.set('sam', {
    email: 'sam.sponsor@testshire.gov.uk',
    name: 'Sam Sponsor',
    groups: ['Sponsors of the plan', 'Staff'],
  });
  const client = new TestClient(app);
  assert.match((await client.get(paths.signIn())).body, /Sign in with Testshire Council account/);
  const signedIn = await signInThroughProvider(client, 'sam');
  assert.equal(signedIn.statusCode, 303, signedIn.body);
  const [made] = await db.select().from(users).where(eq(users.email, 'sam.sponsor@testshire.gov.uk'));
  assert.ok(made);
  assert.equal(made.role, 'sponsor');
  assert.equal(made.name, 'Sam Sponsor');
  assert.equal(made.organisationId, organisationId);
  const [history] = await db
    .select()
    .from(changeHistory)
    .where(and(eq(changeHistory.recordType, 'user'), eq(changeHistory.recordId, made.id)));
  assert.equal(history?.actorName, 'Sign-in through Testshire Council account');
  assert.match(String(history?.after?.reason), /in the group “Sponsors of the plan”/);
  assert.match((await client.get(paths.account())).body, /Sam Sponsor/);

  // In no mapped group: still refused.
  provider.accounts.set('pat', { email: 'pat@testshire.gov.uk', groups: ['Staff'] });
  assert.equal((await signInThroughProvider(new TestClient(app), 'pat')).statusCode, 403);
});

test('a provider that cannot be reached gives a plain page, not a 500', async (t) => {
  const { app } = await setUp(t, { env: { OIDC_ISSUER: 'http://127.0.0.1:9' } });
  const page = await new TestClient(app).get(paths.signInOidc());
  assert.equal(page.statusCode, 502);
  assert.match(page.body, /Sign-in through your council’s identity provider is not working/);
});

test('a provider that never answers is given up on after OIDC_TIMEOUT_SECONDS', async (t) => {
  // Accepts the connection and says nothing, as a provider behind a stuck proxy would.
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    silent.closeAllConnections?.();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });
  const { port } = silent.address() as AddressInfo;
  const { app } = await setUp(t, {
    env: { OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_TIMEOUT_SECONDS: '1' },
  });
  const started = performance.now();
  const page = await new TestClient(app).get(paths.signInOidc());
  assert.equal(page.statusCode, 502);
  assert.ok(performance.now() - started < 15000, 'answered within the timeout, not the default 30 seconds');
});
