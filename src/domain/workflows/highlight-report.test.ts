import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, roles, type Action } from '../policies.ts';
import {
  allowedReportActions,
  decide,
  editableStates,
  everAllowed,
  highlightReportWorkflow,
  participantOf,
  reportActions,
  reportParticipants,
  reportStates,
  stepOf,
  type ReportAction,
  type ReportParticipant,
  type ReportState,
} from './highlight-report.ts';

/* The highlight report workflow, pure: every state, action and participant, as a table. */

const expected: Record<ReportState, Record<ReportParticipant, ReportAction[]>> = {
  draft: {
    sponsor: ['edit', 'submit', 'comment'],
    'programme-office': ['edit', 'submit', 'comment'],
    board: ['comment'],
    reader: [],
  },
  submitted: {
    sponsor: ['comment'],
    'programme-office': ['return', 'approve', 'comment'],
    board: ['comment'],
    reader: [],
  },
  returned: {
    sponsor: ['edit', 'submit', 'comment'],
    'programme-office': ['edit', 'submit', 'comment'],
    board: ['comment'],
    reader: [],
  },
  approved: {
    sponsor: ['comment'],
    'programme-office': ['comment'],
    board: ['comment'],
    reader: [],
  },
};

test('each state allows exactly these actions to each participant', () => {
  for (const state of reportStates)
    for (const who of reportParticipants)
      assert.deepEqual(allowedReportActions(state, who), expected[state][who], `${state}, ${who}`);
});

test('each action leads to its state: submit to submitted, return to returned, approve to approved', () => {
  assert.equal(stepOf('draft', 'submit')?.to, 'submitted');
  assert.equal(stepOf('returned', 'submit')?.to, 'submitted');
  assert.equal(stepOf('submitted', 'return')?.to, 'returned');
  assert.equal(stepOf('submitted', 'approve')?.to, 'approved');
  // Edits and comments leave the state as it was.
  for (const state of reportStates) {
    for (const action of ['edit', 'comment'] as const) {
      const step = stepOf(state, action);
      if (step) assert.equal(step.to, state);
    }
  }
  assert.equal(stepOf('submitted', 'return')?.needsComment, true);
  assert.deepEqual(editableStates, ['draft', 'returned']);
});

test('a returned report may be edited and resubmitted by its sponsor, and not approved until resubmitted', () => {
  assert.equal(decide('returned', 'edit', 'sponsor').ok, true);
  assert.equal(decide('returned', 'submit', 'sponsor').ok, true);
  const approve = decide('returned', 'approve', 'programme-office');
  assert.deepEqual(approve, {
    ok: false,
    refusal: 'not-in-this-state',
    message: 'This report is returned with comments, so it cannot be approved',
  });
  // A sponsor may never approve: that is "not yours", whatever the state.
  for (const state of reportStates) {
    const decision = decide(state, 'approve', 'sponsor');
    assert.equal(decision.ok, false);
    assert.equal(!decision.ok && decision.refusal, 'not-yours');
  }
});

test('submitted and approved reports can no longer be changed; the refusal says why', () => {
  const decision = decide('submitted', 'edit', 'sponsor');
  assert.equal(decision.ok, false);
  assert.equal(!decision.ok && decision.message, 'This report is submitted and can no longer be changed');
  assert.equal(decide('approved', 'edit', 'programme-office').ok, false);
  assert.equal(decide('approved', 'return', 'programme-office').ok, false);
});

test('everAllowed is "some state allows it"', () => {
  for (const action of reportActions)
    for (const who of reportParticipants)
      assert.equal(
        everAllowed(action, who),
        reportStates.some((s) => expected[s][who].includes(action)),
        `${action}, ${who}`,
      );
});

test('who someone is to a report follows their role and the report’s sponsors', () => {
  assert.equal(participantOf({ id: 1, role: 'administrator' }, []), 'programme-office');
  assert.equal(participantOf({ id: 1, role: 'programme-manager' }, [1]), 'programme-office');
  assert.equal(participantOf({ id: 1, role: 'sponsor' }, [1]), 'sponsor');
  assert.equal(participantOf({ id: 1, role: 'sponsor' }, [2]), 'board');
  assert.equal(participantOf({ id: 1, role: 'board-member' }, [1]), 'board');
  assert.equal(participantOf({ id: 1, role: 'viewer' }, [1]), 'reader');
});

test('the machine and the permissions table agree on who may ever take each action', () => {
  // policies.ts describes permissions for the documentation; the machine decides. They must not drift.
  for (const role of roles) {
    for (const sponsors of [[7], [8]]) {
      const user = { id: 7, role };
      const who = participantOf(user, sponsors);
      for (const action of reportActions) {
        assert.equal(
          can(user, action as Action, { type: 'highlight-report', sponsorUserIds: sponsors }),
          everAllowed(action, who),
          `${role} (${who}) ${action}`,
        );
      }
    }
  }
});

test('every step names at least one participant and a known state', () => {
  for (const state of reportStates)
    for (const [action, step] of Object.entries(highlightReportWorkflow[state])) {
      assert.ok(step.by.length > 0, `${state} ${action}`);
      assert.ok(reportStates.includes(step.to));
    }
});
