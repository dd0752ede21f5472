import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { setArchived } from './commands.ts';
import { listArchived, listHistory, listPlans, planContents, planOverview } from './queries.ts';

test('an archived commitment leaves the counts and plan contents, and comes back when restored', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const actor = { userId: world.people.programmeManager.id, name: 'Programme manager' };
  const total = async () =>
    (await planOverview(db, world.plan.id, '2024-10-01')).reduce((n, p) => n + p.total, 0);
  const before = await total();
  const key = { organisationId: world.organisationId, type: 'commitment' as const, id: world.commitment.id };

  const stale = await setArchived(db, key, world.commitment.version + 1, true, actor);
  assert.equal(stale.ok, false, 'an archive at an older version is refused');
  assert.equal((await setArchived(db, key, world.commitment.version, true, actor)).ok, true);
  assert.equal(await total(), before - 1);
  const contents = await planContents(db, world.plan.id);
  assert.ok(!contents.commitments.some((c) => c.id === world.commitment.id));
  assert.equal((await listArchived(db, world.plan.id)).commitments.length, 1);
  assert.equal(
    (await listHistory(db, world.organisationId, 'commitment', world.commitment.id))[0]!.action,
    'archive',
  );

  assert.equal((await setArchived(db, key, world.commitment.version + 1, false, actor)).ok, true);
  assert.equal(await total(), before);
});

test('archiving a priority takes it out of the plan’s count and its commitments with it', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const actor = { userId: world.people.programmeManager.id, name: 'Programme manager' };
  const count = async () =>
    (await listPlans(db, world.organisationId)).find((p) => p.id === world.plan.id)!.priorities;
  const before = await count();
  const key = { organisationId: world.organisationId, type: 'priority' as const, id: world.priority.id };
  assert.equal((await setArchived(db, key, world.priority.version, true, actor)).ok, true);
  assert.equal(await count(), before - 1);
  const contents = await planContents(db, world.plan.id);
  assert.ok(!contents.priorities.some((p) => p.id === world.priority.id));
  assert.ok(!contents.commitments.some((c) => c.priorityId === world.priority.id));
});
