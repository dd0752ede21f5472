import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOverdue } from './commitments.ts';

test('an open commitment past its due date is overdue', () => {
  assert.equal(isOverdue({ dueOn: '2024-09-09', status: 'in-progress' }, '2024-09-10'), true);
  assert.equal(isOverdue({ dueOn: '2024-09-09', status: 'not-started' }, '2024-09-10'), true);
});

test('a commitment due today, with no date, done or dropped is not overdue', () => {
  assert.equal(isOverdue({ dueOn: '2024-09-10', status: 'in-progress' }, '2024-09-10'), false);
  assert.equal(isOverdue({ dueOn: null, status: 'in-progress' }, '2024-09-10'), false);
  assert.equal(isOverdue({ dueOn: '2020-01-01', status: 'done' }, '2024-09-10'), false);
  assert.equal(isOverdue({ dueOn: '2020-01-01', status: 'dropped' }, '2024-09-10'), false);
});
