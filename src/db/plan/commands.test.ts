import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import {
  AreaNotInPriorityError,
  createCommitment,
  createImprovementArea,
  createPriority,
  DuplicatePriorityNumberError,
  updateCommitment,
  updatePriority,
} from './commands.ts';
import { listHistory } from './queries.ts';
import { systemActor } from '../changes.ts';
import { changeAccess, OwnAccessError } from '../people/commands.ts';

async function setUp(t: TestContext) {
  const database = await testDatabase();
  t.after(() => database.close());
  return { db: database.db, ...(await buildPlanWithPeople(database.db)) };
}

const actor = systemActor('Test');
const priorityInput = {
  number: 3,
  title: 'Early help',
  ambition: '',
  impactForChildren: '',
  whatWeWillDo: '',
};

test('a priority number is used once in a plan, when adding and when changing', async (t) => {
  const { db, plan, priority, otherPriority } = await setUp(t);
  const added = await createPriority(db, plan, priorityInput, actor);
  assert.equal(added.number, 3);
  assert.equal((await listHistory(db, plan.organisationId, 'priority', added.id)).length, 1);
  await assert.rejects(
    createPriority(db, plan, { ...priorityInput, number: priority.number }, actor),
    (error: unknown) => error instanceof DuplicatePriorityNumberError && error.field === 'number',
  );
  await assert.rejects(
    updatePriority(
      db,
      { plan, priority: otherPriority },
      otherPriority.version,
      { ...priorityInput, number: priority.number },
      actor,
    ),
    DuplicatePriorityNumberError,
  );
  // Nothing was half-written: the refused change left no history row.
  assert.equal((await listHistory(db, plan.organisationId, 'priority', otherPriority.id)).length, 1);
});

test('a commitment links only to an improvement area of its own priority', async (t) => {
  const { db, plan, priority, otherPriority, commitment } = await setUp(t);
  const elsewhere = await createImprovementArea(
    db,
    { plan, priority: otherPriority },
    { title: 'Stable leadership', source: '' },
    actor,
  );
  assert.equal(elsewhere.position, 0);
  const input = {
    text: 'We will review every plan.',
    owner: '',
    dueOn: '2025-03-31',
    status: 'not-started' as const,
    improvementAreaId: elsewhere.id,
  };
  await assert.rejects(
    createCommitment(db, { plan, priority }, input, actor),
    (error: unknown) => error instanceof AreaNotInPriorityError && error.field === 'improvementAreaId',
  );
  await assert.rejects(
    updateCommitment(db, { plan, priority, commitment }, commitment.version, input, actor),
    AreaNotInPriorityError,
  );
  const added = await createCommitment(db, { plan, priority }, { ...input, improvementAreaId: null }, actor);
  assert.equal(added.position, 1, 'goes to the end of the priority’s list');
});

test('an administrator cannot take away their own access', async (t) => {
  const { db, organisationId, people } = await setUp(t);
  const admin = { userId: people.administrator.id, name: people.administrator.name };
  await assert.rejects(
    changeAccess(db, { organisationId, userId: admin.userId, role: 'viewer', disabled: false }, admin),
    OwnAccessError,
  );
  assert.equal(
    await changeAccess(
      db,
      { organisationId, userId: people.viewer.id, role: 'sponsor', disabled: false },
      admin,
    ),
    true,
  );
  assert.equal(
    await changeAccess(
      db,
      { organisationId: organisationId + 1, userId: people.viewer.id, role: 'viewer', disabled: false },
      admin,
    ),
    false,
    'someone in another council is not found',
  );
});
