import type { Role } from '../../domain/policies.ts';

/** The names people see for the roles. */
export const roleNames: Record<Role, string> = {
  administrator: 'Administrator',
  'programme-manager': 'Programme manager',
  sponsor: 'Sponsor',
  'board-member': 'Board member',
  viewer: 'Viewer',
};
