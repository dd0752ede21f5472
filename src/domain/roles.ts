/*
 * The roles a person can hold. Apart from the rule table so that the workflows can name them
 * while the rule table (policies.ts) reads the workflows, without either importing the other.
 */

// The schema stores these; the policies decide what each may do.
export const roles = ['administrator', 'programme-manager', 'sponsor', 'board-member', 'viewer'] as const;
export type Role = (typeof roles)[number];
