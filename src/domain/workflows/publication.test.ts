import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Action } from '../policies.ts';
import {
  checkFeedbackMove,
  consultationState,
  feedbackActions,
  feedbackMoveAction,
  feedbackStatuses,
  feedbackTransition,
  checkPublish,
  checkWithdraw,
  quarterState,
  takesResponses,
} from './publication.ts';

test('feedback moves draft → approved → published and back off the public page, and nowhere else', () => {
  const allowed = feedbackStatuses.flatMap((from) =>
    feedbackStatuses.filter((to) => feedbackTransition(from, to)).map((to) => `${from}→${to}`),
  );
  assert.deepEqual(allowed.sort(), ['approved→published', 'draft→approved', 'published→draft']);
  assert.equal(checkFeedbackMove({ status: 'published', consent: 'named' }, 'approved').ok, false);
  assert.equal(checkFeedbackMove({ status: 'approved', consent: 'named' }, 'approved').ok, false);
});

test('publishing needs consent; approving and taking down do not', () => {
  assert.deepEqual(checkFeedbackMove({ status: 'approved', consent: 'not-asked' }, 'published'), {
    ok: false,
    problem: 'no-consent',
  });
  assert.deepEqual(checkFeedbackMove({ status: 'approved', consent: 'none' }, 'published'), {
    ok: false,
    problem: 'no-consent',
  });
  assert.equal(checkFeedbackMove({ status: 'approved', consent: 'anonymous' }, 'published').ok, true);
  assert.equal(checkFeedbackMove({ status: 'draft', consent: 'none' }, 'approved').ok, true);
  assert.equal(checkFeedbackMove({ status: 'published', consent: 'none' }, 'draft').ok, true);
});

test('the buttons are the moves open to the item that the person may make', () => {
  const editor = (action: Action) => action === 'edit';
  const publisher = (action: Action) => action === 'edit' || action === 'publish';
  const names = (list: { name: string }[]) => list.map((t) => t.name);
  // Approving is a link to the approval page, which checks the wording: never a bare button.
  assert.deepEqual(names(feedbackActions({ status: 'draft', consent: 'named' }, editor)), []);
  assert.deepEqual(names(feedbackActions({ status: 'draft', consent: 'named' }, publisher)), []);
  assert.deepEqual(names(feedbackActions({ status: 'approved', consent: 'anonymous' }, publisher)), [
    'publish',
  ]);
  assert.deepEqual(names(feedbackActions({ status: 'published', consent: 'anonymous' }, publisher)), [
    'withdraw',
  ]);
  assert.deepEqual(names(feedbackActions({ status: 'published', consent: 'anonymous' }, editor)), []);
  assert.equal(feedbackMoveAction('draft', 'approved'), 'edit');
  assert.equal(feedbackMoveAction('approved', 'published'), 'publish');
  assert.equal(feedbackMoveAction('published', 'draft'), 'publish');
});

test('a consultation takes responses while open, until the end of its closing day', () => {
  const open = { status: 'open' as const, closesOn: '2024-10-31' };
  assert.equal(consultationState(open, '2024-10-01'), 'open');
  assert.equal(takesResponses(open, '2024-10-31'), true);
  assert.equal(consultationState(open, '2024-11-01'), 'closed');
  assert.equal(takesResponses(open, '2024-11-01'), false);
  assert.equal(consultationState({ ...open, status: 'draft' }, '2024-10-01'), 'draft');
  assert.equal(takesResponses({ ...open, status: 'draft' }, '2024-10-01'), false);
});

test('a quarter of a plan is published once; again only as a correction with a reason', () => {
  const published = [{ id: 7, planId: 1, quarterStart: '2024-10-01', version: 1, withdrawnAt: null }];
  assert.equal(quarterState(published, 1, '2024-10-01'), 'published');
  assert.equal(quarterState(published, 1, '2025-01-01'), 'unpublished');
  assert.equal(quarterState(published, 2, '2024-10-01'), 'unpublished');
  const plain = { correction: false, reason: '' };
  assert.deepEqual(checkPublish(published, 1, '2025-01-01', plain), {
    ok: true,
    version: 1,
    correction: false,
  });
  assert.deepEqual(checkPublish(published, 1, '2024-10-01', plain), {
    ok: false,
    problem: 'already-published',
  });
  assert.deepEqual(checkPublish(published, 1, '2024-10-01', { correction: true, reason: ' ' }), {
    ok: false,
    problem: 'reason-needed',
  });
  assert.deepEqual(checkPublish(published, 1, '2024-10-01', { correction: true, reason: 'Typo' }), {
    ok: true,
    version: 2,
    correction: true,
  });
  assert.deepEqual(checkPublish(published, 1, '2025-01-01', { correction: true, reason: 'Typo' }), {
    ok: false,
    problem: 'nothing-to-correct',
  });
});

test('only the latest version of a quarter is withdrawn, once, with a reason', () => {
  const first = { id: 7, planId: 1, quarterStart: '2024-10-01', version: 1, withdrawnAt: null };
  const second = { ...first, id: 8, version: 2 };
  assert.deepEqual(checkWithdraw(first, [first, second], 'Wrong'), { ok: false, problem: 'replaced' });
  assert.deepEqual(checkWithdraw(second, [first, second], ''), { ok: false, problem: 'reason-needed' });
  assert.deepEqual(checkWithdraw(second, [first, second], 'Wrong figures'), { ok: true });
  const withdrawn = { ...second, withdrawnAt: new Date('2024-11-01T12:00:00Z') };
  assert.deepEqual(checkWithdraw(withdrawn, [first, withdrawn], 'Again'), {
    ok: false,
    problem: 'already-withdrawn',
  });
  assert.equal(quarterState([first, withdrawn], 1, '2024-10-01'), 'withdrawn');
});
