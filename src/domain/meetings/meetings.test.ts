import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionLog, carriedForward } from './action-log.ts';
import { approvalProblem, frozenMessage, minutesStateOf } from './minutes.ts';
import { isClosed } from './vocabulary.ts';

const action = (
  status: 'open' | 'in-progress' | 'done' | 'dropped',
  raisedOn: string,
  closedOn: string | null = null,
) => ({
  status,
  raisedOn,
  closedOn,
});

test('open and in-progress actions from earlier meetings carry forward until closed', () => {
  const actions = [
    action('open', '2024-09-10'),
    action('in-progress', '2024-07-09'),
    action('done', '2024-09-10', '2024-10-01'),
    action('open', '2024-10-15'),
  ];
  assert.deepEqual(carriedForward(actions, '2024-10-15'), [actions[0], actions[1]]);
  assert.deepEqual(carriedForward(actions, '2024-09-10'), [actions[1]]);
});

test('the action log adds actions closed since the previous meeting, not before it', () => {
  const actions = [
    action('open', '2024-09-10'),
    action('done', '2024-09-10', '2024-10-01'),
    action('dropped', '2024-07-09', '2024-08-01'),
  ];
  assert.deepEqual(actionLog(actions, '2024-10-15', '2024-09-10'), [actions[0], actions[1]]);
  assert.deepEqual(actionLog(actions, '2024-10-15', null), actions);
  assert.equal(isClosed('done'), true);
  assert.equal(isClosed('in-progress'), false);
});

test('minutes are approved at a later meeting of the same board, then frozen', () => {
  const september = { id: 1, boardId: 1, meetingOn: '2024-09-10' };
  assert.equal(approvalProblem(september, { id: 2, boardId: 1, meetingOn: '2024-10-15' }), null);
  assert.match(approvalProblem(september, { id: 3, boardId: 1, meetingOn: '2024-09-10' })!, /after/);
  assert.match(approvalProblem(september, { id: 4, boardId: 2, meetingOn: '2024-10-15' })!, /same board/);
  assert.equal(minutesStateOf({ minutesApprovedAt: null }), 'draft');
  assert.equal(minutesStateOf({ minutesApprovedAt: new Date(0) }), 'approved');
  assert.match(frozenMessage('15 October 2024'), /approved at the meeting on 15 October 2024/);
});
