import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allowedActions,
  dataLoadState,
  ImportActionRefusedError,
  importActions,
  importStates,
  isAllowed,
  stateAfter,
  transition,
  type ImportAction,
  type ImportFlow,
  type ImportState,
} from './import.ts';

/* The whole table written out by hand, so a change to the workflow shows up here as a readable diff. */
const expected: Record<ImportFlow, Record<ImportState, ImportAction[]>> = {
  'document-import': {
    pending: ['confirm', 'discard', 'remap'],
    imported: ['undo', 'resolve-line'],
    discarded: [],
    undone: [],
  },
  'data-load': {
    pending: ['confirm', 'discard'],
    imported: [],
    discarded: [],
    undone: [],
  },
};

test('each flow allows exactly the actions of the table in each state', () => {
  for (const flow of ['document-import', 'data-load'] as const)
    for (const state of importStates) {
      assert.deepEqual(allowedActions(flow, state), expected[flow][state], `${flow} ${state}`);
      for (const action of importActions)
        assert.equal(
          isAllowed(flow, state, action),
          expected[flow][state].includes(action),
          `${flow} ${state} ${action}`,
        );
    }
});

test('the actions lead pending to imported or discarded, and imported to undone', () => {
  assert.equal(transition('document-import', 'pending', 'confirm'), 'imported');
  assert.equal(transition('document-import', 'pending', 'discard'), 'discarded');
  assert.equal(transition('document-import', 'pending', 'remap'), 'pending');
  assert.equal(transition('document-import', 'imported', 'resolve-line'), 'imported');
  assert.equal(transition('document-import', 'imported', 'undo'), 'undone');
  assert.equal(transition('data-load', 'pending', 'confirm'), 'imported');
  assert.equal(transition('data-load', 'pending', 'discard'), 'discarded');
});

test('a disallowed action is refused with a typed error and its reason', () => {
  assert.equal(stateAfter('document-import', 'undone', 'confirm'), null);
  assert.throws(
    () => transition('document-import', 'undone', 'confirm'),
    (error: unknown) =>
      error instanceof ImportActionRefusedError &&
      error.code === 'import-action-refused' &&
      error.state === 'undone' &&
      error.action === 'confirm' &&
      /no longer waiting to be confirmed/.test(error.message),
  );
  assert.throws(() => transition('document-import', 'pending', 'undo'), ImportActionRefusedError);
  // Figures once loaded are not undone: a later file revises them.
  assert.throws(() => transition('data-load', 'imported', 'undo'), /cannot be undone/);
  assert.throws(() => transition('data-load', 'discarded', 'confirm'), /no longer waiting to be loaded/);
});

test('no state is left once it is final', () => {
  for (const flow of ['document-import', 'data-load'] as const)
    for (const state of ['discarded', 'undone'] as const) assert.deepEqual(allowedActions(flow, state), []);
});

test("a data load's stored status names its state", () => {
  assert.equal(dataLoadState('pending'), 'pending');
  assert.equal(dataLoadState('loaded'), 'imported');
  assert.equal(dataLoadState('discarded'), 'discarded');
});
