import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { changeHistory, councilSignIn } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import { paths } from '../paths.ts';

const secretValue = 'the-council-secret-value-never-stored';

async function setUp(t: TestContext) {
  const { app, database } = await testApp(t, { OIDC_TESTSHIRE_SECRET: secretValue });
  const db = database.db;
  const organisationId = await buildOrganisation(db, 'Testshire County Council');
  const administrator = await buildUser(db, 'administrator', { organisationId });
  const manager = await buildUser(db, 'programme-manager', { organisationId });
  const client = new TestClient(app);
  await client.signIn(administrator.email, administrator.password);
  await client.get(paths.signInSettings());
  return { app, db, client, organisationId, administrator, manager };
}

const form = (overrides: Record<string, string> = {}) => ({
  version: '1',
  providerName: 'Testshire Council account',
  issuer: 'https://login.microsoftonline.com/3f2a8c5e-0000-4000-8000-000000000000/v2.0',
  clientId: 'a1b2c3',
  secretVariable: 'OIDC_TESTSHIRE_SECRET',
  emailClaim: 'preferred_username',
  groupsClaim: '',
  groupRoles: 'Children’s services leads = Programme manager',
  allowPasswords: 'yes',
  ...overrides,
});

test('an administrator sets the council’s provider: the secret’s variable is kept, never the secret, with history', async (t) => {
  const { client, db, organisationId } = await setUp(t);
  const page = await client.get(paths.signInSettings());
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /How people sign in/);
  assert.match(page.body, /Leave blank to use OIDC_ISSUER \(not set on this server\)/);
  const saved = await client.post(paths.signInSettings(), form());
  assert.equal(saved.statusCode, 303, saved.body);
  assert.equal(saved.headers.location, paths.signInSettings());
  assert.match((await client.get(paths.signInSettings())).body, /Sign-in settings saved/);
  const [row] = await db.select().from(councilSignIn).where(eq(councilSignIn.organisationId, organisationId));
  assert.equal(row?.secretVariable, 'OIDC_TESTSHIRE_SECRET');
  assert.deepEqual(row?.groupRoles, [{ group: 'Children’s services leads', role: 'programme-manager' }]);
  const [history] = await db
    .select()
    .from(changeHistory)
    .where(and(eq(changeHistory.recordType, 'council-sign-in'), eq(changeHistory.recordId, row.id)));
  assert.equal(history?.after?.issuer, form().issuer);
  assert.ok(!JSON.stringify(row).includes(secretValue));
  assert.ok(!JSON.stringify(history).includes(secretValue));
  // The form shows the mapping back as it was typed, by the role's name.
  assert.match(
    (await client.get(paths.signInSettings())).body,
    /Children’s services leads = Programme manager<\/textarea>/,
  );
});

test('bad settings are listed in an error summary, each linked to its field', async (t) => {
  const { client } = await setUp(t);
  const refused = await client.post(
    paths.signInSettings(),
    form({
      issuer: 'ftp://idp.example',
      secretVariable: 'SESSION_SECRET',
      emailClaim: 'e mail',
      groupRoles: 'Staff = Emperor',
      allowPasswords: '',
    }),
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary/);
  assert.match(refused.body, /href="#issuer">The issuer URL must start with https:\/\//);
  assert.match(
    refused.body,
    /href="#secretVariable">The variable’s name must start with OIDC_ and contain SECRET/,
  );
  assert.match(refused.body, /href="#emailClaim">/);
  assert.match(refused.body, /href="#groupRoles">Line 1 of the group mapping must be a group/);
  assert.match(refused.body, /href="#allowPasswords">Select whether people can also sign in with a password/);
  const unset = await client.post(paths.signInSettings(), form({ secretVariable: 'OIDC_OTHER_SECRET' }));
  assert.equal(unset.statusCode, 400);
  assert.match(unset.body, /OIDC_OTHER_SECRET is not set on this server/);
});

test('a save at an older version is refused with both versions shown, keeping what was typed', async (t) => {
  const { client } = await setUp(t);
  assert.equal((await client.post(paths.signInSettings(), form())).statusCode, 303);
  await client.get(paths.signInSettings());
  assert.equal(
    (await client.post(paths.signInSettings(), form({ version: '1', clientId: 'changed' }))).statusCode,
    303,
  );
  const stale = await client.post(paths.signInSettings(), form({ version: '1', clientId: 'mine' }));
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /value="mine"/);
});

test('only administrators may set how people sign in', async (t) => {
  const { app, manager } = await setUp(t);
  const other = new TestClient(app);
  await other.signIn(manager.email, manager.password);
  assert.equal((await other.get(paths.signInSettings())).statusCode, 403);
  await other.get(paths.account());
  assert.equal((await other.post(paths.signInSettings(), form())).statusCode, 403);
});

test('with passwords turned off only the council’s first administrator signs in with one', async (t) => {
  const { app, db, client, organisationId, administrator, manager } = await setUp(t);
  const second = await buildUser(db, 'administrator', { organisationId });
  assert.equal((await client.post(paths.signInSettings(), form({ allowPasswords: 'no' }))).statusCode, 303);
  for (const person of [manager, second]) {
    const visitor = new TestClient(app);
    await visitor.get(paths.signIn());
    const refused = await visitor.post(paths.signIn(), { email: person.email, password: person.password });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Your council signs you in through its identity provider/);
  }
  const first = new TestClient(app);
  assert.equal((await first.signIn(administrator.email, administrator.password)).statusCode, 303);
});
