import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { manualClock } from '../../domain/clock.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { suiteDate } from '../../../test/helpers/clock.ts';
import { buildOrganisation, buildUser } from '../../../test/helpers/builders.ts';
import { smtpSink, type ReceivedMail } from '../../../test/helpers/smtp.ts';
import { redactUrl } from '../log-redaction.ts';

const newPassword = 'my new long password';
const minute = 60 * 1000;

async function mailArrives(messages: ReceivedMail[], count: number): Promise<void> {
  for (let i = 0; i < 100 && messages.length < count; i++) await sleep(20);
  assert.equal(messages.length, count, `${count} e-mail(s) arrived`);
}

const linkIn = (mail: ReceivedMail) =>
  new URL(/https?:\/\/\S+\/account\/reset\/\S+/.exec(mail.text)![0]).pathname;

async function setup(t: Parameters<typeof testApp>[0]) {
  const clock = manualClock(new Date(`${suiteDate}T09:00:00Z`));
  const smtp = await smtpSink(t);
  const { app, database } = await testApp(
    t,
    { SMTP_URL: smtp.url, PUBLIC_URL: 'https://wesaid.example.gov.uk' },
    { clock },
  );
  const user = await buildUser(database.db, 'sponsor');
  return { app, database, user, clock, messages: smtp.messages };
}

const page = (body: string, email: string) =>
  body.replace(/(value|nonce)="[^"]*"/g, '').replaceAll(email, 'ADDRESS');

test('asking for a link gives the same page whether or not the address has an account', async (t) => {
  const { app, user, messages } = await setup(t);
  const client = new TestClient(app);
  await client.get('/account/reset');
  const empty = await client.post('/account/reset', { email: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#email">Enter your email address/);
  const known = await client.post('/account/reset', { email: user.email.toUpperCase() });
  const unknown = await client.post('/account/reset', { email: 'nobody@example.gov.uk' });
  assert.equal(known.statusCode, 200);
  assert.equal(unknown.statusCode, known.statusCode);
  assert.equal(page(unknown.body, 'nobody@example.gov.uk'), page(known.body, user.email.toUpperCase()));
  assert.match(known.body, /If .* is the address of an account, we have sent it a link/);
  await mailArrives(messages, 1);
  await sleep(100);
  assert.equal(messages.length, 1, 'nothing is sent to an address with no account');
  assert.deepEqual(messages[0]!.to, [user.email]);
  assert.equal(messages[0]!.subject, 'Set a new password for Wesaid');
  assert.match(messages[0]!.text, /^https:\/\/wesaid\.example\.gov\.uk\/account\/reset\/\S+$/m);
  assert.match(messages[0]!.text, /within 1 hour/);
});

test('a reset link sets a new password once, and ends every session of the account', async (t) => {
  const { app, user, messages } = await setup(t);
  const signedIn = new TestClient(app);
  await signedIn.signIn(user.email, user.password);
  const client = new TestClient(app);
  await client.get('/account/reset');
  await client.post('/account/reset', { email: user.email });
  await mailArrives(messages, 1);
  const link = linkIn(messages[0]!);
  assert.equal(redactUrl(link), '/account/reset/[redacted]', 'the log never holds the secret');

  const form = await client.get(link);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Set a new password/);
  const mismatch = await client.post(link, { newPassword, confirmPassword: 'something else' });
  assert.equal(mismatch.statusCode, 400);
  assert.match(mismatch.body, /href="#confirmPassword">Enter the same password twice/);
  const set = await client.post(link, { newPassword, confirmPassword: newPassword });
  assert.equal(set.statusCode, 303);
  assert.equal(set.headers.location, '/sign-in');
  assert.match((await client.get('/sign-in')).body, /Your new password has been set/);
  assert.equal((await signedIn.get('/plans')).statusCode, 302, 'the open session has ended');
  await client.signIn(user.email, newPassword);

  const again = new TestClient(app);
  const used = await again.get(link);
  assert.equal(used.statusCode, 400);
  assert.match(used.body, /This link has expired/);
  await again.get('/account/reset');
  const reuse = await again.post(link, {
    newPassword: 'yet another password',
    confirmPassword: 'yet another password',
  });
  assert.equal(reuse.statusCode, 400, 'single use');
  await client.get('/sign-out');
  await client.post('/sign-out', {});
  await client.signIn(user.email, newPassword);
});

test('a reset link stops working an hour after it was sent', async (t) => {
  const { app, user, clock, messages } = await setup(t);
  const client = new TestClient(app);
  await client.get('/account/reset');
  await client.post('/account/reset', { email: user.email });
  await mailArrives(messages, 1);
  const link = linkIn(messages[0]!);
  clock.advance(59 * minute);
  assert.equal((await client.get(link)).statusCode, 200, 'still good at 59 minutes');
  clock.advance(2 * minute);
  const late = await client.get(link);
  assert.equal(late.statusCode, 400);
  assert.match(late.body, /Ask for a new link/);
  const post = await client.post(link, { newPassword, confirmPassword: newPassword });
  assert.equal(post.statusCode, 400);
  await client.signIn(user.email, user.password);
});

test('an address with an account in two councils gets a link for each, naming its council', async (t) => {
  const { app, database, user, messages } = await setup(t);
  const other = await buildOrganisation(database.db, 'Otherton Borough Council');
  await buildUser(database.db, 'viewer', { organisationId: other, email: user.email });
  const client = new TestClient(app);
  await client.get('/account/reset');
  await client.post('/account/reset', { email: user.email });
  await mailArrives(messages, 2);
  assert.deepEqual(messages.map((m) => m.subject).sort(), [
    'Set a new password for Wesaid at Otherton Borough Council',
    'Set a new password for Wesaid at Testshire County Council',
  ]);
  assert.notEqual(linkIn(messages[0]!), linkIn(messages[1]!));
});
