import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { measureLinks } from '../db/measures/schema.ts';
import { priorities } from '../db/plan/schema.ts';
import { testApp } from '../../test/helpers/app.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { buildPlanWithPeople } from '../../test/helpers/builders.ts';
import { buildMeasure } from '../../test/helpers/measure-builders.ts';
import { paths } from './paths.ts';

// A sponsor looks after their own priority's wording and measures; arranging the plan is the
// programme office's (issue 14: a sponsor moved a measure onto another sponsor's priority, where
// it counted as evidence and gave the other sponsor rights over it, and renumbered a priority).

test('a sponsor can link a measure only to a priority they sponsor', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const measure = await buildMeasure(database.db, world.organisationId, {}, [], [world.priority.id]);
  const sponsor = new TestClient(app);
  await sponsor.signIn(world.people.sponsor.email, world.people.sponsor.password);

  const form = await sponsor.get(paths.editMeasure(measure.id));
  assert.equal(form.statusCode, 200);
  const choices = /<select[^>]*name="priorityId"[^>]*>([\s\S]*?)<\/select>/.exec(form.body)![1]!;
  const offered = [...choices.matchAll(/<option value="(\d*)"/g)].map((m) => m[1]);
  assert.deepEqual(offered, [String(world.priority.id)]);

  const fields = {
    name: 'Cared for children seen on time',
    unit: 'percentage',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    rolling12Months: 'no',
    toleranceKind: 'relative',
    toleranceAmber: '10',
    targets: '',
    version: '1',
  };
  for (const priorityId of [String(world.otherPriority.id), '']) {
    const moved = await sponsor.post(paths.editMeasure(measure.id), { ...fields, priorityId });
    assert.equal(moved.statusCode, 400, `priority ${priorityId || 'none'}`);
    assert.match(moved.body, /Select a priority you sponsor/);
  }
  const links = await database.db.select().from(measureLinks).where(eq(measureLinks.measureId, measure.id));
  assert.deepEqual(
    links.map((l) => l.priorityId),
    [world.priority.id],
  );

  // The programme office may still put it anywhere.
  const manager = new TestClient(app);
  await manager.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  await manager.get(paths.editMeasure(measure.id));
  const placed = await manager.post(paths.editMeasure(measure.id), {
    ...fields,
    priorityId: String(world.otherPriority.id),
  });
  assert.equal(placed.statusCode, 303);
});

test('a sponsor edits their priority’s wording but cannot renumber it', async (t) => {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const sponsor = new TestClient(app);
  await sponsor.signIn(world.people.sponsor.email, world.people.sponsor.password);

  const form = await sponsor.get(paths.editPriority(world.priority.id));
  assert.doesNotMatch(form.body, /name="number"/);
  const saved = await sponsor.post(paths.editPriority(world.priority.id), {
    number: '7',
    title: 'Help and protection, reworded',
    ambition: '',
    impactForChildren: '',
    whatWeWillDo: '',
    version: '1',
  });
  assert.equal(saved.statusCode, 303);
  const [row] = await database.db.select().from(priorities).where(eq(priorities.id, world.priority.id));
  assert.equal(row!.title, 'Help and protection, reworded');
  assert.equal(row!.number, world.priority.number);
});
