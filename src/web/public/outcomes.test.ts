import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPublishedCouncil } from '../../../test/fixtures/published-council.ts';
import { paths } from '../paths.ts';

/* The public site read by National Framework outcome: from the publication's snapshot only. */

const bodyOf = (html: string) => html.replace(/\s+/g, ' ');

test('the published plan is read by outcome, each "We said" under the outcome it inherits', async (t) => {
  const { app, database } = await testApp(t);
  await buildPublishedCouncil(database.db);
  const all = bodyOf((await app.inject({ url: paths.public.outcomes() })).body);
  assert.match(all, /<h1 class="govuk-heading-xl">Our plan by outcome<\/h1>/);
  const section = all.slice(all.indexOf('id="outcome-stay-together"'));
  assert.match(section, /We said we would open four family hubs\./);
  assert.match(
    all,
    /href="\/public\/outcomes\/safe">Outcome: Children and young people are safe[^<]*<\/a> \(0 things we said\)/,
  );

  const one = bodyOf((await app.inject({ url: paths.public.outcome('stay-together') })).body);
  assert.match(one, /We opened four family hubs\./);
  const none = bodyOf((await app.inject({ url: paths.public.outcome('safe') })).body);
  assert.match(none, /Nothing we have published is linked to this outcome yet/);
  assert.equal((await app.inject({ url: '/public/outcomes/happiness' })).statusCode, 404);

  const json = (await app.inject({ url: paths.public.planJson() })).json<{
    priorities: { frameworkOutcome: string; commitments: { frameworkOutcome: string }[] }[];
  }>();
  assert.equal(json.priorities[0]!.commitments[0]!.frameworkOutcome, 'stay-together');
  assert.match(
    bodyOf((await app.inject({ url: paths.public.home() })).body),
    /Read our plan by National Framework outcome/,
  );
});
