/*
 * Who may do what, as a table of small named rules (the Outline habit), so that the same table
 * drives `can()` in handlers and the permissions page in the documentation.
 *
 * Pure: the caller loads the resource and tells us the sponsors of the priority it sits under.
 * Workflow state (a submitted report can no longer be edited, and so on) is not decided here:
 * that belongs to the command that changes the state, which knows the state.
 */

import type { Role } from './roles.ts';
import { everAllowed, reportTransitions, type ReportParticipant } from './workflows/highlight-report.ts';

export { roles, type Role } from './roles.ts';

export const actions = [
  'read',
  'create',
  'edit',
  'delete',
  'comment',
  'submit',
  'approve',
  'return',
  'publish',
  'import',
  'manage-users',
] as const;
export type Action = (typeof actions)[number];

export const resourceTypes = [
  'plan',
  'priority',
  'improvement-area',
  'commitment',
  'outcome',
  'standard',
  'highlight-report',
  'measure',
  'publication',
  'user',
  'import',
  'import-template',
  'risk',
  'risk-settings',
  'project',
  'case-audit',
  'case-audit-settings',
  'meeting-record',
  'meeting-action',
  'inspection',
  'expectation',
  'own-account',
] as const;
export type ResourceType = (typeof resourceTypes)[number];

export interface PolicyUser {
  readonly id: number;
  readonly role: Role;
}

export interface PolicyResource {
  readonly type: ResourceType;
  /** Sponsors of the priority this record sits under; absent for plan-level records. */
  readonly sponsorUserIds?: readonly number[];
  /** Who owns the record as an action of a meeting; absent for everything else. */
  readonly ownerUserIds?: readonly number[];
}

export interface Condition {
  readonly name: string;
  readonly description: string;
  readonly test: (user: PolicyUser, resource: PolicyResource) => boolean;
}

export interface Rule {
  readonly roles: readonly Role[];
  readonly actions: readonly Action[];
  readonly resources: readonly ResourceType[];
  readonly when?: Condition;
  /** Plain English, for the permissions page. */
  readonly description: string;
}

/* Plan content: the things people write and the board reads. */
const content = [
  'plan',
  'priority',
  'improvement-area',
  'commitment',
  'outcome',
  'standard',
  'highlight-report',
  'measure',
] as const satisfies readonly ResourceType[];

/*
 * Which actions mean anything for which resource. Without this, "administrators may do
 * everything" would make `can(admin, 'submit', plan)` true, and a handler that asks the wrong
 * question would be waved through instead of refused.
 */
export const applicableActions: Readonly<Record<ResourceType, readonly Action[]>> = {
  plan: ['read', 'create', 'edit', 'delete', 'comment'],
  priority: ['read', 'create', 'edit', 'delete', 'comment'],
  'improvement-area': ['read', 'create', 'edit', 'delete', 'comment'],
  commitment: ['read', 'create', 'edit', 'delete', 'comment'],
  outcome: ['read', 'create', 'edit', 'delete', 'comment'],
  standard: ['read', 'create', 'edit', 'delete', 'comment'],
  // Its workflow's moves (submit, return, approve) apply to it, and to nothing else.
  'highlight-report': ['read', 'create', 'edit', 'delete', 'comment', ...reportTransitions],
  measure: ['read', 'create', 'edit', 'delete', 'comment'],
  publication: ['read', 'create', 'edit', 'delete', 'publish'],
  user: ['read', 'create', 'edit', 'delete', 'manage-users'],
  import: ['read', 'import'],
  // A council's saved ways of reading its documents: saved on confirming an import, renamed, removed.
  'import-template': ['read', 'create', 'edit', 'delete'],
  // Risks are closed, not deleted: a closed risk stays in the register and its history.
  risk: ['read', 'create', 'edit'],
  'risk-settings': ['read', 'edit'],
  // A project, its milestones and its budget lines: kept with their history, never deleted.
  project: ['read', 'create', 'edit'],
  // Case audits, their quarter's programme and their findings: kept, never deleted (findings are closed).
  'case-audit': ['read', 'create', 'edit'],
  'case-audit-settings': ['read', 'edit'],
  // A meeting's agenda, attendance, minutes and decisions; approving the minutes is an edit that freezes them.
  'meeting-record': ['read', 'create', 'edit'],
  // Actions arising, closed rather than deleted; commenting is adding a dated update.
  'meeting-action': ['read', 'create', 'edit', 'comment'],
  // Inspections and visits with their judgements and findings: the record of what Ofsted said, kept.
  inspection: ['read', 'create', 'edit'],
  // A reform programme's expectations, marked met with evidence: kept with their history, never deleted.
  expectation: ['read', 'create', 'edit'],
  // A person's own sessions, password and API tokens.
  'own-account': ['read', 'edit'],
};

export const ownsTheAction: Condition = {
  name: 'ownsTheAction',
  description: 'the person owns the action',
  test: (user, resource) => resource.ownerUserIds?.includes(user.id) ?? false,
};

export const isSponsorOf: Condition = {
  name: 'isSponsorOf',
  description: 'the person sponsors the priority the record sits under',
  test: (user, resource) => resource.sponsorUserIds?.includes(user.id) ?? false,
};

/*
 * Submitting, returning and approving a highlight report are moves of its workflow, and who may
 * make each is stated once, in the machine (workflows/highlight-report.ts): the rows below read it
 * instead of saying it again. The rule table imports the workflow, not the other way round (the
 * workflow takes its roles from roles.ts), so the two modules draw no import cycle.
 *
 * The machine speaks of participants (participantOf): administrators and programme managers are
 * its programme office, a sponsor of the report's priority is its sponsor. Those are the rows
 * here; should the machine ever give a move to the board or to readers, the test pinning can() to
 * the machine fails until a row says who they are in the rule table's terms.
 */
const reportMoves: readonly Action[] = reportTransitions;
const reportMovesOf = (who: ReportParticipant): Action[] =>
  reportTransitions.filter((move) => everAllowed(move, who));
/** The list without the report workflow's moves, which only the machine gives out. */
const withoutReportMoves = (list: readonly Action[]) =>
  list.filter((action) => !reportMoves.includes(action));

const inWords = (list: readonly string[]) =>
  list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

const sponsorMoves = reportMovesOf('sponsor');
const sponsorMoveRules: Rule[] =
  sponsorMoves.length === 0
    ? []
    : [
        {
          roles: ['sponsor'],
          actions: sponsorMoves,
          resources: ['highlight-report'],
          when: isSponsorOf,
          description: `A sponsor may ${inWords(sponsorMoves)} the highlight report for a priority they sponsor.`,
        },
      ];

export const rules: readonly Rule[] = [
  {
    roles: ['administrator'],
    actions: [...withoutReportMoves(actions), ...reportMovesOf('programme-office')],
    resources: resourceTypes,
    description: 'Administrators may do everything, including managing user accounts.',
  },
  {
    roles: ['programme-manager'],
    actions: [
      ...withoutReportMoves(actions.filter((a) => a !== 'manage-users')),
      ...reportMovesOf('programme-office'),
    ],
    resources: resourceTypes.filter((r) => r !== 'user'),
    description:
      'Programme managers run the plan and the board cycle: everything except managing user accounts.',
  },
  {
    // Programme managers pick owners and sponsors, so they need to see who has an account.
    roles: ['programme-manager'],
    actions: ['read'],
    resources: ['user'],
    description:
      'Programme managers may see the list of people with accounts, to assign owners and sponsors.',
  },
  {
    roles: ['sponsor', 'board-member', 'viewer'],
    actions: ['read'],
    resources: [
      ...content,
      'publication',
      'risk',
      'project',
      'case-audit',
      'meeting-record',
      'meeting-action',
      'inspection',
      'expectation',
    ],
    description:
      "Everyone signed in may read the plan, its reports, measures, risks, projects and their investment, case audits, publications, the record of meetings, the inspection record and a reform programme's expectations.",
  },
  {
    roles: ['sponsor', 'board-member'],
    actions: ['comment'],
    resources: content,
    description: 'Sponsors and board members may comment on the plan, its reports and measures.',
  },
  {
    // Creating or deleting a whole priority reshapes the plan, which is the programme's call.
    roles: ['sponsor'],
    actions: ['edit'],
    resources: ['priority'],
    when: isSponsorOf,
    description: 'A sponsor may edit the wording of a priority they sponsor.',
  },
  {
    roles: ['sponsor'],
    actions: ['create', 'edit', 'delete'],
    resources: ['improvement-area', 'commitment', 'outcome', 'measure', 'highlight-report'],
    when: isSponsorOf,
    description:
      'A sponsor may add, change and remove improvement areas, commitments, outcomes, measures and highlight reports under a priority they sponsor.',
  },
  {
    // Adding a risk to the register is the programme office's call; keeping it current is shared.
    roles: ['sponsor'],
    actions: ['edit'],
    resources: ['risk'],
    when: isSponsorOf,
    description: 'A sponsor may update a risk linked to a priority they sponsor.',
  },
  {
    // The programme office keeps the action log; an owner reports progress on their own action.
    roles: ['sponsor'],
    actions: ['comment'],
    resources: ['meeting-action'],
    when: ownsTheAction,
    description: 'A sponsor may add an update to an action of a meeting that they own.',
  },
  {
    // Tokens act with the person's own role, so making one gives nobody more than they have.
    roles: ['sponsor', 'board-member', 'viewer'],
    actions: ['read', 'edit'],
    resources: ['own-account'],
    description:
      'Everyone signed in may see and end their own sessions, change their password and manage their own API tokens.',
  },
  ...sponsorMoveRules,
];

export function isApplicable(action: Action, type: ResourceType): boolean {
  return applicableActions[type].includes(action);
}

export function can(user: PolicyUser, action: Action, resource: PolicyResource): boolean {
  if (!isApplicable(action, resource.type)) return false;
  return rules.some(
    (rule) =>
      rule.roles.includes(user.role) &&
      rule.actions.includes(action) &&
      rule.resources.includes(resource.type) &&
      (rule.when === undefined || rule.when.test(user, resource)),
  );
}

/** Every action the person may take on the resource, for showing only the buttons that work. */
export function allowedActions(user: PolicyUser, resource: PolicyResource): Action[] {
  return actions.filter((action) => can(user, action, resource));
}

export class NotAuthorisedError extends Error {
  readonly action: Action;
  readonly resourceType: ResourceType;

  constructor(action: Action, resourceType: ResourceType) {
    super(`Not allowed to ${action} this ${resourceType.replace(/-/g, ' ')}`);
    this.name = 'NotAuthorisedError';
    this.action = action;
    this.resourceType = resourceType;
  }
}

/** For handlers: refuse with a typed error the error handler turns into a 403 page. */
export function authorize(user: PolicyUser, action: Action, resource: PolicyResource): void {
  if (!can(user, action, resource)) throw new NotAuthorisedError(action, resource.type);
}
