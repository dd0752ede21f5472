import { systemActor, insertRecord } from '../../src/db/changes.ts';
import type { Db } from '../../src/db/client.ts';
import {
  commitments,
  improvementAreas,
  outcomes,
  plans,
  priorities,
  type Role,
} from '../../src/db/schema.ts';
import { addUser, ensureOrganisation } from '../../src/db/people/commands.ts';

/*
 * A few deterministic builders: each creates what it needs and returns plain rows, with fixed
 * dates, so tests read as the situation they set up.
 */

export const password = 'correct horse battery staple';
const actor = systemActor('Test');

export async function buildOrganisation(db: Db, name = 'Testshire County Council') {
  return ensureOrganisation(db, name);
}

let counter = 0;
export async function buildUser(
  db: Db,
  role: Role,
  overrides: { organisationId?: number; name?: string; email?: string } = {},
) {
  const organisationId = overrides.organisationId ?? (await buildOrganisation(db));
  counter += 1;
  const email = overrides.email ?? `${role}-${counter}@example.gov.uk`;
  const user = await addUser(db, {
    organisationId,
    email,
    name: overrides.name ?? `Test ${role} ${counter}`,
    role,
    password,
  });
  return { ...user, password };
}

export async function buildPlan(
  db: Db,
  organisationId: number,
  overrides: Partial<typeof plans.$inferInsert> = {},
) {
  return insertRecord(
    db,
    plans,
    'plan',
    organisationId,
    {
      organisationId,
      title: 'Improving services for children',
      period: '2024 to 2026',
      status: 'adopted',
      adoptedOn: '2024-03-01',
      ...overrides,
    },
    actor,
  );
}

export async function buildPriority(
  db: Db,
  plan: { id: number; organisationId: number },
  overrides: Partial<typeof priorities.$inferInsert> = {},
) {
  return insertRecord(
    db,
    priorities,
    'priority',
    plan.organisationId,
    { planId: plan.id, number: 1, title: 'Quality of practice', ...overrides },
    actor,
  );
}

export async function buildArea(
  db: Db,
  organisationId: number,
  priorityId: number,
  overrides: Partial<typeof improvementAreas.$inferInsert> = {},
) {
  return insertRecord(
    db,
    improvementAreas,
    'improvement-area',
    organisationId,
    { priorityId, title: 'The quality of assessments', ...overrides },
    actor,
  );
}

export async function buildCommitment(
  db: Db,
  organisationId: number,
  priorityId: number,
  overrides: Partial<typeof commitments.$inferInsert> = {},
) {
  return insertRecord(
    db,
    commitments,
    'commitment',
    organisationId,
    {
      priorityId,
      text: 'We will introduce a new staff induction.',
      owner: 'Head of Service',
      dueOn: '2024-12-31',
      status: 'in-progress',
      ...overrides,
    },
    actor,
  );
}

export async function buildOutcome(
  db: Db,
  organisationId: number,
  commitmentId: number,
  overrides: Partial<typeof outcomes.$inferInsert> = {},
) {
  return insertRecord(
    db,
    outcomes,
    'outcome',
    organisationId,
    { commitmentId, text: 'We refreshed the induction.', achievedOn: '2024-08-01', ...overrides },
    actor,
  );
}

/** A council with a plan, one priority sponsored by a sponsor, and one person in every role. */
export async function buildPlanWithPeople(db: Db) {
  const organisationId = await buildOrganisation(db);
  const people = {
    administrator: await buildUser(db, 'administrator', { organisationId }),
    programmeManager: await buildUser(db, 'programme-manager', { organisationId }),
    sponsor: await buildUser(db, 'sponsor', { organisationId, name: 'Sam Sponsor' }),
    otherSponsor: await buildUser(db, 'sponsor', { organisationId, name: 'Olu Other' }),
    boardMember: await buildUser(db, 'board-member', { organisationId }),
    viewer: await buildUser(db, 'viewer', { organisationId }),
  };
  const plan = await buildPlan(db, organisationId);
  const priority = await buildPriority(db, plan, { sponsorUserId: people.sponsor.id });
  const otherPriority = await buildPriority(db, plan, {
    number: 2,
    title: 'Leadership and workforce',
    sponsorUserId: people.otherSponsor.id,
  });
  const area = await buildArea(db, organisationId, priority.id);
  const commitment = await buildCommitment(db, organisationId, priority.id, { improvementAreaId: area.id });
  const otherCommitment = await buildCommitment(db, organisationId, otherPriority.id, {
    text: 'We will put a permanent leadership team in place.',
  });
  return { organisationId, people, plan, priority, otherPriority, area, commitment, otherCommitment };
}
