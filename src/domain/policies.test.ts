import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  actions,
  allowedActions,
  authorize,
  can,
  NotAuthorisedError,
  resourceTypes,
  roles,
  rules,
  type Action,
  type ResourceType,
  type Role,
} from './policies.ts';
import { everAllowed, participantOf, reportTransitions } from './workflows/highlight-report.ts';

/*
 * The whole permission matrix written out by hand, independently of the rule table, so a change
 * to the rules shows up here as a readable diff. "sponsor (own)" is a sponsor acting on a record
 * under a priority they sponsor; "sponsor" is the same person anywhere else.
 */
type Column = Role | 'sponsor (own)';
const CONTENT_READERS: Action[] = ['read', 'comment'];
const ALL_CONTENT: Action[] = ['read', 'create', 'edit', 'delete', 'comment'];
const SPONSOR_OWN: Action[] = ['read', 'create', 'edit', 'delete', 'comment'];

const expected: Record<ResourceType, Record<Column, Action[]>> = {
  plan: {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': CONTENT_READERS,
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  priority: {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': ['read', 'edit', 'comment'],
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  'improvement-area': {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': SPONSOR_OWN,
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  commitment: {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': SPONSOR_OWN,
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  outcome: {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': SPONSOR_OWN,
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  standard: {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': CONTENT_READERS,
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  'highlight-report': {
    administrator: [...ALL_CONTENT, 'submit', 'approve', 'return'],
    'programme-manager': [...ALL_CONTENT, 'submit', 'approve', 'return'],
    'sponsor (own)': [...SPONSOR_OWN, 'submit'],
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  measure: {
    administrator: ALL_CONTENT,
    'programme-manager': ALL_CONTENT,
    'sponsor (own)': SPONSOR_OWN,
    sponsor: CONTENT_READERS,
    'board-member': CONTENT_READERS,
    viewer: ['read'],
  },
  publication: {
    administrator: ['read', 'create', 'edit', 'delete', 'publish'],
    'programme-manager': ['read', 'create', 'edit', 'delete', 'publish'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  user: {
    administrator: ['read', 'create', 'edit', 'delete', 'manage-users'],
    'programme-manager': ['read'],
    'sponsor (own)': [],
    sponsor: [],
    'board-member': [],
    viewer: [],
  },
  import: {
    administrator: ['read', 'import'],
    'programme-manager': ['read', 'import'],
    'sponsor (own)': [],
    sponsor: [],
    'board-member': [],
    viewer: [],
  },
  'import-template': {
    administrator: ['read', 'create', 'edit', 'delete'],
    'programme-manager': ['read', 'create', 'edit', 'delete'],
    'sponsor (own)': [],
    sponsor: [],
    'board-member': [],
    viewer: [],
  },
  risk: {
    administrator: ['read', 'create', 'edit'],
    'programme-manager': ['read', 'create', 'edit'],
    'sponsor (own)': ['read', 'edit'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  'meeting-record': {
    administrator: ['read', 'create', 'edit'],
    'programme-manager': ['read', 'create', 'edit'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  // "Own" here is sponsoring a priority, which gives nothing on an action; owning one is tested below.
  'meeting-action': {
    administrator: ['read', 'create', 'edit', 'comment'],
    'programme-manager': ['read', 'create', 'edit', 'comment'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  'risk-settings': {
    administrator: ['read', 'edit'],
    'programme-manager': ['read', 'edit'],
    'sponsor (own)': [],
    sponsor: [],
    'board-member': [],
    viewer: [],
  },
  project: {
    administrator: ['read', 'create', 'edit'],
    'programme-manager': ['read', 'create', 'edit'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  'case-audit': {
    administrator: ['read', 'create', 'edit'],
    'programme-manager': ['read', 'create', 'edit'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  'case-audit-settings': {
    administrator: ['read', 'edit'],
    'programme-manager': ['read', 'edit'],
    'sponsor (own)': [],
    sponsor: [],
    'board-member': [],
    viewer: [],
  },
  // The programme office keeps the inspection record; everyone signed in reads it.
  inspection: {
    administrator: ['read', 'create', 'edit'],
    'programme-manager': ['read', 'create', 'edit'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  // A reform programme's expectations: the programme office keeps the checklist, everyone reads it.
  expectation: {
    administrator: ['read', 'create', 'edit'],
    'programme-manager': ['read', 'create', 'edit'],
    'sponsor (own)': ['read'],
    sponsor: ['read'],
    'board-member': ['read'],
    viewer: ['read'],
  },
  // Everyone's own sessions, password and API tokens.
  'own-account': {
    administrator: ['read', 'edit'],
    'programme-manager': ['read', 'edit'],
    'sponsor (own)': ['read', 'edit'],
    sponsor: ['read', 'edit'],
    'board-member': ['read', 'edit'],
    viewer: ['read', 'edit'],
  },
};

const ME = 7;
const OTHER = 8;

function userFor(column: Column) {
  return { id: ME, role: column === 'sponsor (own)' ? 'sponsor' : column };
}

function resourceFor(column: Column, type: ResourceType) {
  return { type, sponsorUserIds: column === 'sponsor (own)' ? [OTHER, ME] : [OTHER] };
}

const columns: Column[] = [...roles, 'sponsor (own)'];

for (const type of resourceTypes) {
  for (const column of columns) {
    test(`${column} on ${type}: ${expected[type][column].join(', ') || 'nothing'}`, () => {
      for (const action of actions) {
        const want = expected[type][column].includes(action);
        assert.equal(
          can(userFor(column), action, resourceFor(column, type)),
          want,
          `${column} ${want ? 'should' : 'should not'} be able to ${action} ${type}`,
        );
      }
    });
  }
}

test('a sponsor may add an update to an action they own, and no one else’s', () => {
  const sponsor = { id: ME, role: 'sponsor' as const };
  assert.equal(can(sponsor, 'comment', { type: 'meeting-action', ownerUserIds: [ME] }), true);
  assert.equal(can(sponsor, 'edit', { type: 'meeting-action', ownerUserIds: [ME] }), false);
  assert.equal(can(sponsor, 'comment', { type: 'meeting-action', ownerUserIds: [OTHER] }), false);
  assert.equal(
    can({ id: ME, role: 'viewer' }, 'comment', { type: 'meeting-action', ownerUserIds: [ME] }),
    false,
  );
});

test('a sponsor with no priority ids on the record gets only the everyone-rights', () => {
  const sponsor = { id: ME, role: 'sponsor' as const };
  assert.equal(can(sponsor, 'edit', { type: 'commitment' }), false);
  assert.equal(can(sponsor, 'submit', { type: 'highlight-report' }), false);
  assert.equal(can(sponsor, 'submit', { type: 'highlight-report', sponsorUserIds: [] }), false);
  assert.equal(can(sponsor, 'read', { type: 'commitment' }), true);
});

test('sponsor rights on a record hold exactly when the sponsor is among its sponsors', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 5 }),
      fc.constantFrom<Action>('create', 'edit', 'delete'),
      fc.constantFrom<ResourceType>(
        'improvement-area',
        'commitment',
        'outcome',
        'measure',
        'highlight-report',
      ),
      (userId, sponsorUserIds, action, type) => {
        const allowed = can({ id: userId, role: 'sponsor' }, action, { type, sponsorUserIds });
        assert.equal(allowed, sponsorUserIds.includes(userId));
      },
    ),
  );
});

test('sponsor ids never matter to roles other than sponsor', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<Role>('administrator', 'programme-manager', 'board-member', 'viewer'),
      fc.constantFrom(...actions),
      fc.constantFrom(...resourceTypes),
      (role, action, type) => {
        const user = { id: ME, role };
        assert.equal(can(user, action, { type, sponsorUserIds: [ME] }), can(user, action, { type }));
      },
    ),
  );
});

test('every rule names only actions that apply to its resources, except the catch-alls', () => {
  // The catch-alls (administrator, programme manager) list everything and rely on applicability.
  for (const rule of rules.filter((r) => r.resources.length < resourceTypes.length - 1)) {
    for (const type of rule.resources) {
      for (const action of rule.actions) {
        assert.ok(
          can({ id: ME, role: 'administrator' }, action, { type }),
          `rule "${rule.description}" grants ${action} on ${type}, which does not apply`,
        );
      }
    }
    assert.ok(rule.description.endsWith('.'));
  }
});

test('who may submit, return or approve a highlight report is the workflow’s answer, for every role, sponsor or not', () => {
  for (const role of roles) {
    for (const sponsorUserIds of [[OTHER, ME], [OTHER], [], undefined]) {
      const user = { id: ME, role };
      const who = participantOf(user, sponsorUserIds ?? []);
      for (const move of reportTransitions) {
        assert.equal(
          can(user, move, { type: 'highlight-report', sponsorUserIds }),
          everAllowed(move, who),
          `${role} (${who}, sponsors ${JSON.stringify(sponsorUserIds)}) ${move}`,
        );
      }
    }
  }
});

test('the rows read from the workflow keep their words on the account page', () => {
  const lines = (role: Role) => rules.filter((r) => r.roles.includes(role)).map((r) => r.description);
  assert.deepEqual(lines('administrator'), [
    'Administrators may do everything, including managing user accounts.',
  ]);
  assert.ok(
    lines('sponsor').includes('A sponsor may submit the highlight report for a priority they sponsor.'),
  );
  assert.equal(lines('programme-manager').length, 2);
});

test('allowedActions lists the buttons to show', () => {
  assert.deepEqual(allowedActions({ id: ME, role: 'board-member' }, { type: 'highlight-report' }), [
    'read',
    'comment',
  ]);
  assert.deepEqual(allowedActions({ id: ME, role: 'viewer' }, { type: 'user' }), []);
});

test('authorize throws a typed error naming the action and resource', () => {
  assert.doesNotThrow(() => authorize({ id: ME, role: 'viewer' }, 'read', { type: 'plan' }));
  assert.throws(
    () => authorize({ id: ME, role: 'viewer' }, 'submit', { type: 'highlight-report' }),
    (error: unknown) =>
      error instanceof NotAuthorisedError &&
      error.action === 'submit' &&
      error.resourceType === 'highlight-report' &&
      error.message === 'Not allowed to submit this highlight report',
  );
});
