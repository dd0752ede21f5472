import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dueSoonDays, dueSoonUntil, dueState, needsAttention, sectionsFor } from './home.ts';

test('due soon is within 14 days of today, today included; before today is overdue', () => {
  assert.equal(dueSoonDays, 14);
  assert.equal(dueState('2024-09-30', '2024-10-01'), 'overdue');
  assert.equal(dueState('2024-10-01', '2024-10-01'), 'due-soon');
  assert.equal(dueState('2024-10-15', '2024-10-01'), 'due-soon');
  assert.equal(dueState('2024-10-16', '2024-10-01'), 'later');
  assert.equal(dueState(null, '2024-10-01'), 'no-date');
  assert.equal(needsAttention('2024-10-15', '2024-10-01'), true);
  assert.equal(needsAttention('2024-10-16', '2024-10-01'), false);
  assert.equal(needsAttention(null, '2024-10-01'), false);
});

test('days are added across months, years and leap days', () => {
  assert.equal(addDays('2024-12-25', 14), '2025-01-08');
  assert.equal(addDays('2024-02-20', 14), '2024-03-05');
  assert.equal(addDays('2026-06-01', 14), '2026-06-15');
  assert.equal(dueSoonUntil('2023-02-20'), '2023-03-06');
  assert.throws(() => addDays('not a date', 1), RangeError);
});

test('each role sees its own sections, and the plans', () => {
  const plain = { sitsOnABoard: false, ownsOpenActions: false };
  assert.deepEqual(sectionsFor('sponsor', plain), [
    'reports-owed',
    'commitments-due',
    'own-actions',
    'plans',
  ]);
  const office = [
    'reports-awaiting-approval',
    'overdue-commitments',
    'stale-figures',
    'risks-for-review',
    'meeting-readiness',
    'plans',
  ];
  assert.deepEqual(sectionsFor('programme-manager', plain), office);
  assert.deepEqual(
    sectionsFor('administrator', plain),
    office,
    'an administrator sees the programme office’s',
  );
  assert.deepEqual(sectionsFor('board-member', plain), ['meeting-papers', 'own-actions', 'plans']);
  assert.deepEqual(sectionsFor('viewer', plain), ['meeting-papers', 'plans']);
});

test('a sponsor on the board sees the papers too; an owner of actions sees them whatever the role', () => {
  assert.deepEqual(sectionsFor('sponsor', { sitsOnABoard: true, ownsOpenActions: false }), [
    'reports-owed',
    'commitments-due',
    'meeting-papers',
    'own-actions',
    'plans',
  ]);
  assert.ok(
    sectionsFor('programme-manager', { sitsOnABoard: false, ownsOpenActions: true }).includes('own-actions'),
  );
  assert.ok(
    !sectionsFor('programme-manager', { sitsOnABoard: true, ownsOpenActions: false }).includes(
      'meeting-papers',
    ),
    'the readiness section already gives the programme office the papers',
  );
});
