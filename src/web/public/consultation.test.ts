import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { consultationResponses, consultations } from '../../db/schema.ts';
import { buildOrganisation } from '../../../test/helpers/builders.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';
import { consultationFormSecret, honeypotField } from './consultation-routes.ts';
import { issueFormToken } from './form-token.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';

const sessionSecret = 'a-test-session-secret-that-is-long-enough-123';
const secret = consultationFormSecret(sessionSecret);

async function setUp(t: Parameters<typeof testApp>[0], env: Record<string, string> = {}) {
  const { app, database } = await testApp(t, { SESSION_SECRET: sessionSecret, ...env });
  const world = await buildPublishedCouncil(database.db);
  const client = new TestClient(app);
  const url = paths.public.consultation(world.consultation.id);
  const page = await client.get(url);
  assert.equal(page.statusCode, 200);
  // A form opened a minute ago, as a person would send it.
  const aged = () => issueFormToken(secret, world.consultation.id, app.clock.now().getTime() - 60_000);
  const answer = `answer-${world.question.id}`;
  const stored = () =>
    database.db
      .select()
      .from(consultationResponses)
      .where(eq(consultationResponses.consultationId, world.consultation.id));
  return { app, database, world, client, url, aged, answer, stored };
}

test('a valid response from someone not signed in is stored once and thanked', async (t) => {
  const { client, url, aged, answer, stored, world } = await setUp(t);
  const formToken = aged();
  const sent = await client.post(url, {
    formToken,
    [answer]: 'The hubs are great.',
    respondent: 'parent-or-carer',
    [honeypotField]: '',
  });
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, paths.public.consultationThanks(world.consultation.id));
  // The same form sent again (a double click, a refresh) is not stored twice.
  const again = await client.post(url, {
    formToken,
    [answer]: 'The hubs are great.',
    respondent: 'parent-or-carer',
  });
  assert.equal(again.statusCode, 303);
  const rows = (await stored()).filter((r) => r.formNonce !== 'fixture-nonce');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.answers[String(world.question.id)], 'The hubs are great.');
  assert.equal(rows[0]!.respondent, 'parent-or-carer');
  assert.match((await client.get(sent.headers.location)).body, /Your response has been sent/);
});

test('bad input is refused with GOV.UK messages, and the answers are kept', async (t) => {
  const { client, url, aged, answer, stored } = await setUp(t);
  const empty = await client.post(url, { formToken: aged(), [answer]: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#answer-\d+">Enter your answer to question 1<\/a>/);

  const long = 'x'.repeat(5001);
  const tooLong = await client.post(url, { formToken: aged(), [answer]: long });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /Your answer to question 1 must be 5,000 characters or fewer/);
  assert.ok(tooLong.body.includes(long), 'the answer is still in the form');

  const who = await client.post(url, { formToken: aged(), [answer]: 'Fine', respondent: 'martian' });
  assert.equal(who.statusCode, 400);
  assert.match(who.body, /Select who you are from the list/);
  assert.equal((await stored()).length, 1, 'only the fixture’s response');
});

test('spam is refused with a clear message: a filled hidden box, a form sent at once, a forged or stale token', async (t) => {
  const { app, client, url, aged, answer, stored, world } = await setUp(t);
  const honeypot = await client.post(url, {
    formToken: aged(),
    [answer]: 'Buy now',
    [honeypotField]: 'https://spam.example',
  });
  assert.equal(honeypot.statusCode, 400);
  assert.match(honeypot.body, /a hidden box was filled in/);

  const fast = await client.post(url, {
    formToken: issueFormToken(secret, world.consultation.id, app.clock.now().getTime()),
    [answer]: 'Quick',
  });
  assert.equal(fast.statusCode, 400);
  assert.match(fast.body, /sent within 3 seconds of opening it/);
  assert.match(fast.body, />Quick<\/textarea>/);

  const forged = await client.post(url, {
    formToken: issueFormToken(Buffer.alloc(32), world.consultation.id, app.clock.now().getTime() - 60_000),
    [answer]: 'Forged',
  });
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /could not be checked/);

  const stale = await client.post(url, {
    formToken: issueFormToken(secret, world.consultation.id, app.clock.now().getTime() - 25 * 3600 * 1000),
    [answer]: 'Stale',
  });
  assert.equal(stale.statusCode, 400);
  assert.match(stale.body, /opened more than a day ago/);

  const missing = await client.post(url, { [answer]: 'No token' });
  assert.equal(missing.statusCode, 400);
  assert.equal((await stored()).length, 1, 'nothing stored but the fixture’s response');
});

test('a response whose session expired is shown again with a fresh token, not lost', async (t) => {
  const { app, url, aged, answer, stored } = await setUp(t);
  // No cookie at all: the CSRF check fails before the handler runs.
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: 'stale',
      formToken: aged(),
      [answer]: 'Written over a long lunch',
    }).toString(),
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Your session had timed out/);
  assert.match(response.body, />Written over a long lunch<\/textarea>/);
  assert.match(response.body, /name="_csrf" value="[^"]+"/);
  assert.equal((await stored()).length, 1);
});

test('one connection sending many responses is asked to wait, with the answers kept', async (t) => {
  const { app, client, url, aged, answer, stored } = await setUp(t);
  const before = (await stored()).length;
  const limit = app.config.CONSULTATION_RESPONSE_LIMIT;
  for (let i = 0; i < limit; i++)
    assert.equal((await client.post(url, { formToken: aged(), [answer]: `Response ${i}` })).statusCode, 303);
  const refused = await client.post(url, { formToken: aged(), [answer]: 'One too many' });
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /wait a few minutes/);
  assert.match(refused.body, />One too many<\/textarea>/);
  const wait = Number(refused.headers['retry-after']);
  assert.ok(wait > 0 && wait <= 3600, `Retry-After ${String(refused.headers['retry-after'])}`);
  assert.equal((await stored()).length, before + limit);
});

test('60 responses sent at once from one connection store exactly the limit (issue 14)', async (t) => {
  const { client, url, aged, answer, stored } = await setUp(t, { CONSULTATION_RESPONSE_LIMIT: '20' });
  const before = (await stored()).length;
  const sent = await Promise.all(
    Array.from({ length: 60 }, (_, i) => client.post(url, { formToken: aged(), [answer]: `At once ${i}` })),
  );
  const codes = sent.map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 303).length, 20, codes.join(' '));
  assert.equal(codes.filter((c) => c === 429).length, 40, codes.join(' '));
  assert.equal((await stored()).length, before + 20);
});

test('responses from behind an untrusted peer are counted by the peer, whatever X-Forwarded-For says', async (t) => {
  const { client, url, aged, answer, stored } = await setUp(t, {
    CONSULTATION_RESPONSE_LIMIT: '3',
    NODE_ENV: 'production',
  });
  const before = (await stored()).length;
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await client.post(
      url,
      { formToken: aged(), [answer]: `Rotating ${i}` },
      { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } },
    );
    codes.push(response.statusCode);
  }
  assert.deepEqual(codes, [303, 303, 303, 429, 429, 429]);
  assert.equal((await stored()).length, before + 3);
});

test('another council’s open consultation is not found on this council’s public site (issue 14)', async (t) => {
  const { app, database } = await setUp(t);
  const elsewhere = await buildOrganisation(database.db, 'Otherborough Council');
  const [other] = await database.db
    .insert(consultations)
    .values({
      organisationId: elsewhere,
      title: 'Otherborough’s own survey',
      closesOn: '2099-01-01',
      status: 'open',
    })
    .returning();
  const page = await app.inject({ url: paths.public.consultation(other!.id) });
  assert.equal(page.statusCode, 404);
  assert.doesNotMatch(page.body, /Otherborough’s own survey/);
  const sent = await app.inject({
    method: 'POST',
    url: paths.public.consultation(other!.id),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'respondent=parent-or-carer',
  });
  assert.equal(sent.statusCode, 404);
});
