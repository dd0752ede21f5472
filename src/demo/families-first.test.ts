import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureOrganisation } from '../db/people/commands.ts';
import { listPlans } from '../db/plan/queries.ts';
import { findMeasureByName } from '../db/measures/queries.ts';
import { findMeetingsOn } from '../db/board/queries.ts';
import { nextMeetingOn } from './board-demo.ts';
import { testApp } from '../../test/helpers/app.ts';
import { testClock } from '../../test/helpers/clock.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { paths } from '../web/paths.ts';
import { demoDate } from './demo-date.ts';
import { loadDemo } from './load-demo.ts';
import { familiesFirstExpectations, familiesFirstTitle, sharedDemoMeasure } from './families-first.ts';
import { programmeTitle } from './programme-2024.ts';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

test('the demo runs the Families First Partnership beside the plan, sharing a measure with its own target', async (t) => {
  const { app, database } = await testApp(t, { WESAID_TODAY: demoDate });
  const db = database.db;
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  const accounts = await loadDemo(db, organisationId, testClock(demoDate));
  const viewer = accounts.find((a) => a.role === 'viewer')!;
  const client = new TestClient(app);
  await client.signIn(viewer.email, viewer.password);

  const plans = await listPlans(db, organisationId);
  const programme = plans.find((p) => p.title === familiesFirstTitle)!;
  const plan = plans.find((p) => p.title.replace(/’/g, "'") === programmeTitle)!;
  assert.equal(programme.kind, 'reform-programme');
  assert.equal(plans[0]!.kind, 'improvement-plan', 'the improvement plan stays the first plan');

  const list = textOf((await client.get(paths.planExpectations(programme.id))).body);
  assert.match(list, /0 of 3 required expectations met; 0 of 1 recommended expectations met/);
  for (const e of familiesFirstExpectations) assert.ok(list.includes(e.text), e.text);

  const measure = (await findMeasureByName(db, organisationId, sharedDemoMeasure))!;
  const page = textOf((await client.get(paths.measure(measure.id))).body);
  assert.match(page, new RegExp(`Targets by plan .*${plan.title.replace(/'/g, '.')} Improvement plan 90%`));
  assert.match(page, /Families First Partnership Reform programme 95%/);
  assert.match(
    textOf((await client.get(paths.scorecard({ plan: programme.id }))).body),
    new RegExp(`${sharedDemoMeasure} .*95%`),
  );
  assert.match(
    textOf((await client.get(paths.scorecard({ plan: plan.id }))).body),
    new RegExp(`${sharedDemoMeasure} .*90%`),
  );

  // The Improvement Board's next pack covers both: the programme's part has its expectations summary.
  const [next] = await findMeetingsOn(db, organisationId, nextMeetingOn);
  const pack = textOf((await client.get(paths.boardPack(next!.meeting.id, 'html'))).body);
  assert.match(pack, new RegExp(`Part 1: ${plan.title.replace(/'/g, '.')}`));
  assert.match(pack, /Part 2: Families First Partnership Reform programme/);
  assert.match(pack, /Expectations: Families First Partnership .*Required expectations 0 of 3 met/);
});
