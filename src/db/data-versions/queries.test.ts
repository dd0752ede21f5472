import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildCommitment, buildOrganisation, buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { recordChange, systemActor } from '../changes.ts';
import { dataVersion } from './queries.ts';

test("a council's data version moves once for each committed change, and only its own", async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const other = await buildOrganisation(db, 'Otherton Borough Council');
  const start = Number(await dataVersion(db, world.organisationId));
  assert.ok(start > 0, 'building the plan recorded changes');
  assert.equal(await dataVersion(db, other), '0');

  await buildCommitment(db, world.organisationId, world.priority.id, { text: 'Kinship carers' });
  assert.equal(Number(await dataVersion(db, world.organisationId)), start + 1);

  // One transaction moves it once, however many history rows it writes (an import writes thousands).
  const change = (recordId: number) => ({
    organisationId: world.organisationId,
    recordType: 'commitment',
    recordId,
    action: 'update' as const,
    actor: systemActor(),
    before: null,
    after: null,
  });
  await db.transaction(async (tx) => {
    await recordChange(tx, change(world.commitment.id));
    await recordChange(tx, change(world.otherCommitment.id));
  });
  assert.equal(Number(await dataVersion(db, world.organisationId)), start + 2);

  // A transaction that is rolled back changes nothing, the number included.
  await assert.rejects(
    db.transaction(async (tx) => {
      await recordChange(tx, change(world.commitment.id));
      throw new Error('changed my mind');
    }),
  );
  assert.equal(Number(await dataVersion(db, world.organisationId)), start + 2);
  assert.equal(await dataVersion(db, other), '0');
});
