import assert from 'node:assert/strict';
import test from 'node:test';
import { paths, route, type RouteParams } from './paths.ts';

test('a route gives its pattern and the link built from it', () => {
  assert.equal(paths.plan.pattern, '/plans/:planId');
  assert.equal(paths.plan(7), '/plans/7');
});

test('links put ids in the order the pattern names them, and a query last', () => {
  const recipient = route('/reports/:reportId/recipients/:recipientId/received');
  assert.equal(recipient(3, 9), '/reports/3/recipients/9/received');
  assert.equal(paths.priority(4, { status: 'done', page: 2 }), '/priorities/4?status=done&page=2');
  assert.equal(paths.scorecard({ priority: '' }), '/scorecard', 'empty query values are left out');
  assert.equal(paths.history('highlight report', 5), '/history/highlight%20report/5');
});

test('route parameters are typed from the pattern', () => {
  const params: RouteParams<typeof paths.publishing.consultationResponse> = {
    consultationId: '1',
    responseId: '2',
  };
  assert.deepEqual(Object.keys(params), ['consultationId', 'responseId']);
});

test('a placeholder given as an id stays a placeholder, so a route may be registered from its link', () => {
  assert.equal(paths.importPreview(':importId'), paths.importPreview.pattern);
});
