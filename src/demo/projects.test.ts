import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureOrganisation } from '../db/people/commands.ts';
import { listPlans } from '../db/plan/queries.ts';
import { testApp } from '../../test/helpers/app.ts';
import { testClock } from '../../test/helpers/clock.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { paths } from '../web/paths.ts';
import { demoDate } from './demo-date.ts';
import { loadDemo } from './load-demo.ts';
import { demoInvestablePropositions, demoSustainabilityProjects } from './projects.ts';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

test('the demo holds the seeds’ seven projects, four propositions, the million and the two £6 million lines, and no invented spend', async (t) => {
  const { app, database } = await testApp(t, { WESAID_TODAY: demoDate });
  const db = database.db;
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  const accounts = await loadDemo(db, organisationId, testClock(demoDate));
  const viewer = accounts.find((a) => a.role === 'viewer')!;
  const client = new TestClient(app);
  await client.signIn(viewer.email, viewer.password);
  const plans = await listPlans(db, organisationId);
  const plan2022 = plans.find((p) => p.title === 'Tameside Improvement Plan 2022/23')!;
  const plan2017 = plans.find((p) => p.title === 'Successful Families: improvement plan 2017')!;

  const list = textOf((await client.get(paths.planProjects(plan2022.id))).body);
  for (const title of [...demoSustainabilityProjects, ...demoInvestablePropositions])
    assert.ok(list.includes(title), title);
  assert.equal(list.match(/Phase one: sustainability project/g)?.length, 7);
  assert.equal(list.match(/Phase two: investable proposition/g)?.length, 4);
  assert.match(list, /Not stated: Year not stated/);
  assert.match(list, /Planned for the year £1,000,000/);
  assert.match(list, /No spend recorded yet/);

  const older = textOf((await client.get(paths.planProjects(plan2017.id))).body);
  assert.match(older, /Recurrent or one-off Recurrent Planned for the year £6,000,000/);
  assert.match(older, /Recurrent or one-off Non-recurrent \(one-off\) Planned for the year £6,000,000/);
  assert.match(older, /Council budget \(2017\/2018 Council Budget Report\): 2017\/18/);
  assert.doesNotMatch(older, /Planned and actual spend by quarter/);

  const { items } = (await client.get(paths.api.projects({ plan: plan2022.id }))).json<{
    items: { title: string; phase: string; rag: string | null; budget: unknown }[];
  }>();
  assert.equal(items.length, 11);
  for (const item of items) {
    assert.equal(item.rag, null, 'the seed rates no project');
    assert.deepEqual(item.budget, { planned: 0, actual: 0, currency: 'GBP' });
  }
});
