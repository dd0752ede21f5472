import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  effectiveProvider,
  emailFrom,
  groupsFrom,
  parseGroupRoles,
  roleForGroups,
  type SignInSettings,
} from './oidc.ts';

const roleNames = {
  administrator: 'Administrator',
  'programme-manager': 'Programme manager',
  sponsor: 'Sponsor',
  'board-member': 'Board member',
  viewer: 'Viewer',
};
const defaults = {
  issuer: 'https://login.microsoftonline.com/tenant/v2.0',
  clientId: 'default-client',
  clientSecret: 'default-secret',
  emailClaim: 'email',
};
const own = (overrides: Partial<SignInSettings>): SignInSettings => ({
  providerName: '',
  issuer: '',
  clientId: '',
  secretVariable: '',
  emailClaim: '',
  groupsClaim: '',
  groupRoles: [],
  allowPasswords: true,
  ...overrides,
});

test('a council’s own settings override the service’s; the default secret goes only to the default issuer', () => {
  assert.equal(effectiveProvider(null, { emailClaim: 'email' }, {}), null);
  const fromDefaults = effectiveProvider(null, defaults, {});
  assert.equal(fromDefaults?.clientSecret, 'default-secret');
  assert.equal(fromDefaults?.groupsClaim, 'groups');
  const sameIssuer = effectiveProvider(own({ issuer: `${defaults.issuer}/` }), defaults, {});
  assert.equal(sameIssuer?.clientSecret, 'default-secret');
  const otherIssuer = effectiveProvider(own({ issuer: 'https://idp.example' }), defaults, {});
  assert.equal(otherIssuer?.issuer, 'https://idp.example');
  assert.equal(otherIssuer?.clientSecret, undefined);
  const named = effectiveProvider(
    own({ issuer: 'https://idp.example', secretVariable: 'OIDC_A_SECRET', emailClaim: 'upn' }),
    defaults,
    { OIDC_A_SECRET: 'a-secret' },
  );
  assert.equal(named?.clientSecret, 'a-secret');
  assert.equal(named?.emailClaim, 'upn');
});

test('claims are read defensively and groups map to the first listed role', () => {
  assert.equal(emailFrom({ email: ' a@b.gov.uk ' }, 'email'), 'a@b.gov.uk');
  assert.equal(emailFrom({ email: 'not an address' }, 'email'), null);
  assert.equal(emailFrom({ email: ['a@b.gov.uk'] }, 'email'), null);
  assert.deepEqual(groupsFrom({ groups: 'One' }, 'groups'), ['One']);
  assert.deepEqual(groupsFrom({ groups: ['One', 2, 'Two'] }, 'groups'), ['One', 'Two']);
  const parsed = parseGroupRoles('Leads = Programme manager\n\nEveryone = viewer', roleNames);
  assert.ok(parsed.ok);
  assert.equal(roleForGroups(['Everyone', 'Leads'], parsed.rows)?.role, 'programme-manager');
  assert.equal(roleForGroups(['Nobody'], parsed.rows), null);
  const bad = parseGroupRoles('Leads = Programme manager\nEveryone', roleNames);
  assert.ok(!bad.ok && bad.problem.startsWith('Line 2'));
});
