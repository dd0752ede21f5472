import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';

test('an administrator adds a person, who can sign in with the password shown once', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const admin = await buildUser(database.db, 'administrator', { organisationId });
  const client = new TestClient(app);
  await client.signIn(admin.email, admin.password);
  await client.get('/users/new');
  const bad = await client.post('/users/new', { name: '', email: 'not-an-email', role: 'king' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#name">Enter the person’s name/);
  assert.match(bad.body, /href="#email">Enter an email address in the correct format/);
  assert.match(bad.body, /href="#role">Select the person’s role/);
  const added = await client.post('/users/new', {
    name: 'Priya Sponsor',
    email: 'priya@council.gov.uk',
    role: 'sponsor',
  });
  assert.equal(added.statusCode, 200);
  const password = /<code>([^<]+)<\/code>/.exec(added.body)![1]!;
  const duplicate = await client.post('/users/new', {
    name: 'Priya Again',
    email: 'PRIYA@council.gov.uk',
    role: 'viewer',
  });
  assert.match(duplicate.body, /already has an account/);
  const priya = new TestClient(app);
  await priya.signIn('priya@council.gov.uk', password);
  assert.equal((await priya.get('/plans')).statusCode, 200);
});

test('an administrator changes a role or turns an account off, but not their own', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const admin = await buildUser(database.db, 'administrator', { organisationId });
  const viewer = await buildUser(database.db, 'viewer', { organisationId });
  const client = new TestClient(app);
  await client.signIn(admin.email, admin.password);
  await client.get('/users');
  assert.equal((await client.post(`/users/${viewer.id}`, { role: 'board-member' })).statusCode, 303);
  const [row] = await database.db.select().from(users).where(eq(users.id, viewer.id));
  assert.equal(row!.role, 'board-member');
  await client.post(`/users/${viewer.id}`, { role: 'board-member', disabled: 'yes' });
  const off = new TestClient(app);
  await off.get('/sign-in');
  assert.equal(
    (await off.post('/sign-in', { email: viewer.email, password: viewer.password })).statusCode,
    400,
  );
  assert.equal((await client.post(`/users/${admin.id}`, { role: 'viewer' })).statusCode, 400);
});

test('only administrators manage people', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const manager = await buildUser(database.db, 'programme-manager', { organisationId });
  const client = new TestClient(app);
  await client.signIn(manager.email, manager.password);
  assert.equal((await client.get('/users')).statusCode, 403);
  await client.get('/plans');
  assert.equal(
    (await client.post('/users/new', { name: 'X', email: 'x@council.gov.uk', role: 'administrator' }))
      .statusCode,
    403,
  );
});

test('adding an address another council has answers as for any new address, and each signs in to their own', async (t) => {
  const { app, database } = await testApp(t);
  const organisationId = await buildOrganisation(database.db);
  const admin = await buildUser(database.db, 'administrator', { organisationId });
  const elsewhere = await buildOrganisation(database.db, 'Otherton Borough Council');
  const theirs = await buildUser(database.db, 'sponsor', {
    organisationId: elsewhere,
    email: 'sam@partner.org.uk',
  });
  const client = new TestClient(app);
  await client.signIn(admin.email, admin.password);
  await client.get('/users/new');
  const shape = (body: string) =>
    body
      .replace(/(value|nonce)="[^"]*"/g, '')
      .replace(/<code>[^<]+<\/code>/, '')
      .replace(/Sam|New Person|sam@partner\.org\.uk|new@partner\.org\.uk/g, 'X');
  const taken = await client.post('/users/new', { name: 'Sam', email: 'sam@partner.org.uk', role: 'viewer' });
  const fresh = await client.post('/users/new', {
    name: 'New Person',
    email: 'new@partner.org.uk',
    role: 'viewer',
  });
  assert.equal(taken.statusCode, 200);
  assert.equal(shape(taken.body), shape(fresh.body), 'nothing tells that another council has the address');
  const password = /<code>([^<]+)<\/code>/.exec(taken.body)![1]!;
  const ours = new TestClient(app);
  await ours.signIn('sam@partner.org.uk', password);
  assert.equal((await ours.get('/users')).statusCode, 403, 'signed in to the new viewer account');
  const other = new TestClient(app);
  await other.signIn('sam@partner.org.uk', theirs.password);
  const [row] = await database.db.select().from(users).where(eq(users.id, theirs.id));
  assert.equal(row!.organisationId, elsewhere, 'the other council’s account is untouched');
  assert.equal(row!.role, 'sponsor');
});
